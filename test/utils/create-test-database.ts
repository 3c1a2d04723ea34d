import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { assertTestDatabaseName } from '../setup/test-database-guard.js';

/** PostgreSQL's object_in_use: CREATE DATABASE found a session in the template. */
const OBJECT_IN_USE = '55006';
const ATTEMPTS = 5;

/**
 * A fresh database cloned from the migrated template, for one test file: files run in parallel
 * without sharing rows or truncating each other's tables. Returns its postgres:// URL. The
 * databases go away with the throwaway server at the end of the run.
 */
export async function createTestDatabase(): Promise<string> {
  const { host, port, user, password, templateDatabase } = inject('postgres');
  const name = `rv_test_${randomBytes(6).toString('hex')}`;
  assertTestDatabaseName(templateDatabase);
  assertTestDatabaseName(name);

  const client = new pg.Client({ host, port, user, password, database: 'postgres' });
  await client.connect();
  try {
    const sql = `CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(templateDatabase)}`;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(sql);
        break;
      } catch (error) {
        // The template refuses connections, but a clone still fails while one lingers (for
        // example a migration's pool closing): wait a moment and try again.
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await client.end();
  }
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${name}`;
}
