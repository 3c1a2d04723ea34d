import pg from 'pg';
import { inject, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { revertLastMigration, runMigrations } from '../../src/database/run-migrations.js';

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1",
    );
    return rows.map((r) => r.tablename);
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  it('apply to an empty database, revert cleanly one by one, and apply again', async () => {
    const { host, port, user, password } = inject('postgres');
    const admin = new pg.Client({ host, port, user, password, database: 'postgres' });
    await admin.connect();
    await admin.query('CREATE DATABASE rv_test_migrations');
    await admin.end();
    const url = `postgres://${user}:${encodeURIComponent(password)}@${host}:${port}/rv_test_migrations`;

    const applied = await runMigrations(url);
    expect(applied).toHaveLength(MIGRATIONS.length);
    const created = await tables(url);
    expect(created).toEqual(expect.arrayContaining(['users', 'auth_sessions', 'refresh_tokens']));

    for (let i = 0; i < MIGRATIONS.length; i++) await revertLastMigration(url);
    expect(await tables(url)).toEqual([]);

    expect(await runMigrations(url)).toHaveLength(MIGRATIONS.length);
    expect(await tables(url)).toEqual(created);
    expect(await runMigrations(url)).toEqual([]);
  });
});
