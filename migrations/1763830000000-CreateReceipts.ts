import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReceipts1763830000000 implements MigrationInterface {
  name = 'CreateReceipts1763830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE receipts (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL,
        stage varchar(16),
        progress smallint NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0,
        original_filename varchar(255),
        note varchar(1000),
        tags text[] NOT NULL DEFAULT '{}',
        mime_type varchar(64) NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 char(64) NOT NULL,
        storage_key varchar(255) NOT NULL,
        pages integer,
        engine varchar(16),
        error_code varchar(32),
        error_message text,
        record jsonb,
        review_issues jsonb,
        merchant_name text,
        receipt_date date,
        currency char(3),
        total numeric(14, 2),
        ocr_text text,
        ocr_lines jsonb,
        timings jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CONSTRAINT receipts_status_check
          CHECK (status IN ('queued', 'processing', 'completed', 'needs_review', 'failed')),
        CONSTRAINT receipts_stage_check
          CHECK (stage IS NULL OR stage IN ('preparing', 'reading', 'extracting', 'saving')),
        CONSTRAINT receipts_progress_check CHECK (progress BETWEEN 0 AND 100)
      )`);
    // Byte-identical re-uploads by the same user resolve to the existing receipt.
    await q.query(`CREATE UNIQUE INDEX receipts_owner_sha256_key ON receipts (owner_id, sha256)`);
    await q.query(
      `CREATE INDEX receipts_owner_created_idx ON receipts (owner_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX receipts_owner_status_idx ON receipts (owner_id, status)`);
    // The reconciler scans unfinished receipts only.
    await q.query(
      `CREATE INDEX receipts_unfinished_idx ON receipts (status, updated_at) WHERE status IN ('queued', 'processing')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE receipts`);
  }
}
