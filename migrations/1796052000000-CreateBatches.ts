import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch uploads (issue 10, item 6). A batch keeps its answer (one entry per `file` part: the
 * receipt, or why the part was refused) so GET /v1/batches/{id} can list refused parts and
 * duplicates too; `receipts.batch_id` marks the receipts a batch created.
 */
export class CreateBatches1796052000000 implements MigrationInterface {
  name = 'CreateBatches1796052000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE batches (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        entries jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX batches_owner_idx ON batches (owner_id, created_at)`);
    await q.query(
      `ALTER TABLE receipts ADD COLUMN batch_id uuid REFERENCES batches(id) ON DELETE SET NULL`,
    );
    await q.query(
      `CREATE INDEX receipts_batch_idx ON receipts (batch_id) WHERE batch_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE receipts DROP COLUMN batch_id`);
    await q.query(`DROP TABLE batches`);
  }
}
