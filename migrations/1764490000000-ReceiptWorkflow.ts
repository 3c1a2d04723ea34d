import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 9: corrections with an audit trail, tags and categories, full-text search, review,
 * possible duplicates and the trash. Sort keys are indexed as the exact expressions the
 * search query orders by (see src/receipts/search/receipt-sort.ts): NULLs are folded into a
 * value so keyset pagination compares plain rows.
 */
export class ReceiptWorkflow1764490000000 implements MigrationInterface {
  name = 'ReceiptWorkflow1764490000000';

  async up(q: QueryRunner): Promise<void> {
    // Unconstrained numeric keeps each amount's own scale: 3-decimal currencies (BHD, KWD) fit,
    // and "12.50" still reads back as "12.50".
    await q.query(`ALTER TABLE receipts ALTER COLUMN total TYPE numeric`);
    await q.query(`
      ALTER TABLE receipts
        ADD COLUMN address text,
        ADD COLUMN tax_total numeric,
        ADD COLUMN item_text text,
        ADD COLUMN category varchar(16),
        ADD COLUMN category_source varchar(8),
        ADD COLUMN corrections jsonb NOT NULL DEFAULT '{}',
        ADD COLUMN confidence numeric(4, 3),
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN confirmed_by uuid,
        ADD COLUMN possible_duplicate_of uuid REFERENCES receipts(id) ON DELETE SET NULL,
        ADD COLUMN not_duplicate boolean NOT NULL DEFAULT false,
        ADD COLUMN deleted_at timestamptz,
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD CONSTRAINT receipts_category_source_check
          CHECK (category_source IS NULL OR category_source IN ('rule', 'user'))`);

    // Every write changes the version, so the ETag built from it is strong without hashing
    // the body, and no writer (API, worker, reconciler) can forget to bump it.
    await q.query(`
      CREATE FUNCTION receipts_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.version := OLD.version + 1;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER receipts_bump_version BEFORE UPDATE ON receipts
        FOR EACH ROW EXECUTE FUNCTION receipts_bump_version()`);

    // 'simple' (no stemming, no stop words): receipts come in many languages, and a stemmer
    // for one of them mangles the others. Merchant and tags weigh most, OCR text least.
    await q.query(`
      CREATE FUNCTION receipts_search_document(
        merchant text, tags text[], note text, items text, address text, ocr text
      ) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('simple', coalesce(merchant, '')), 'A')
            || setweight(to_tsvector('simple', coalesce(array_to_string(tags, ' '), '')), 'A')
            || setweight(to_tsvector('simple', coalesce(note, '') || ' ' || coalesce(items, '')), 'B')
            || setweight(to_tsvector('simple', coalesce(address, '')), 'C')
            || setweight(to_tsvector('simple', left(coalesce(ocr, ''), 100000)), 'D')
      $$`);
    await q.query(`
      ALTER TABLE receipts
        ADD COLUMN search tsvector GENERATED ALWAYS AS
          (receipts_search_document(merchant_name, tags, note, item_text, address, ocr_text)) STORED,
        ADD COLUMN has_issues boolean GENERATED ALWAYS AS
          (coalesce(jsonb_array_length(review_issues), 0) > 0) STORED`);

    await q.query(`CREATE INDEX receipts_search_idx ON receipts USING gin (search)`);
    await q.query(
      `CREATE INDEX receipts_owner_date_idx ON receipts (owner_id, (coalesce(receipt_date, '0001-01-01'::date)), id)`,
    );
    await q.query(
      `CREATE INDEX receipts_owner_total_idx ON receipts (owner_id, (coalesce(total, -1000000000000::numeric)), id)`,
    );
    await q.query(
      `CREATE INDEX receipts_owner_merchant_idx ON receipts (owner_id, (coalesce(lower(merchant_name), '')), id)`,
    );
    await q.query(
      `CREATE INDEX receipts_owner_confidence_idx ON receipts (owner_id, (coalesce(confidence, 0)), id)`,
    );
    await q.query(`CREATE INDEX receipts_owner_category_idx ON receipts (owner_id, category)`);
    await q.query(`CREATE INDEX receipts_owner_currency_idx ON receipts (owner_id, currency)`);
    await q.query(
      `CREATE INDEX receipts_owner_issues_idx ON receipts (owner_id, created_at) WHERE has_issues`,
    );
    await q.query(
      `CREATE INDEX receipts_owner_duplicates_idx ON receipts (owner_id, created_at) WHERE possible_duplicate_of IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX receipts_possible_duplicate_of_idx ON receipts (possible_duplicate_of) WHERE possible_duplicate_of IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX receipts_trash_idx ON receipts (deleted_at) WHERE deleted_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE tags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name varchar(50) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX tags_owner_name_key ON tags (owner_id, lower(name))`);
    await q.query(`
      CREATE TABLE receipt_tags (
        receipt_id uuid NOT NULL REFERENCES receipts(id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (receipt_id, tag_id)
      )`);
    await q.query(`CREATE INDEX receipt_tags_tag_idx ON receipt_tags (tag_id, receipt_id)`);
    // Tags given at upload so far lived only in receipts.tags; that column stays as the
    // receipt's display copy (and feeds the search document), the tables become the truth.
    await q.query(`
      INSERT INTO tags (owner_id, name)
      SELECT DISTINCT ON (owner_id, lower(tag)) owner_id, tag
        FROM receipts, unnest(tags) AS tag
       ORDER BY owner_id, lower(tag), tag`);
    await q.query(`
      INSERT INTO receipt_tags (receipt_id, tag_id)
      SELECT DISTINCT r.id, t.id
        FROM receipts r
        CROSS JOIN LATERAL unnest(r.tags) AS tag
        JOIN tags t ON t.owner_id = r.owner_id AND lower(t.name) = lower(tag)`);

    await q.query(`
      CREATE TABLE receipt_history (
        id bigserial PRIMARY KEY,
        receipt_id uuid NOT NULL REFERENCES receipts(id) ON DELETE CASCADE,
        actor_id uuid,
        action varchar(16) NOT NULL,
        field varchar(32),
        old_value jsonb,
        new_value jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX receipt_history_receipt_idx ON receipt_history (receipt_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE receipt_history`);
    await q.query(`DROP TABLE receipt_tags`);
    await q.query(`DROP TABLE tags`);
    await q.query(`ALTER TABLE receipts DROP COLUMN search, DROP COLUMN has_issues`);
    await q.query(`DROP FUNCTION receipts_search_document(text, text[], text, text, text, text)`);
    await q.query(`DROP TRIGGER receipts_bump_version ON receipts`);
    await q.query(`DROP FUNCTION receipts_bump_version()`);
    await q.query(`
      ALTER TABLE receipts
        DROP COLUMN address, DROP COLUMN tax_total, DROP COLUMN item_text, DROP COLUMN category,
        DROP COLUMN category_source, DROP COLUMN corrections, DROP COLUMN confidence,
        DROP COLUMN confirmed_at, DROP COLUMN confirmed_by, DROP COLUMN possible_duplicate_of,
        DROP COLUMN not_duplicate, DROP COLUMN deleted_at, DROP COLUMN version`);
    await q.query(`ALTER TABLE receipts ALTER COLUMN total TYPE numeric(14, 2)`);
  }
}
