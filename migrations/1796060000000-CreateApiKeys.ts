import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Scoped API keys for scripts and integrations (issue 10, item 7). */
export class CreateApiKeys1796060000000 implements MigrationInterface {
  name = 'CreateApiKeys1796060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name varchar(100) NOT NULL,
        prefix varchar(16) NOT NULL,
        -- SHA-256 of the key: the key is 256 random bits, shown once and never stored.
        key_hash char(64) NOT NULL,
        scopes text[] NOT NULL CONSTRAINT api_keys_scopes_known
          CHECK (scopes <@ ARRAY['receipts:read', 'receipts:write', 'exports', 'webhooks']
                 AND cardinality(scopes) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX api_keys_key_hash_idx ON api_keys (key_hash)`);
    await q.query(`CREATE INDEX api_keys_owner_idx ON api_keys (owner_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_keys`);
  }
}
