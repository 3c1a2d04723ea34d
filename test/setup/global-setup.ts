import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../src/database/run-migrations.js';
import { startPostgres, type PostgresHandle } from '../utils/start-postgres.js';
import { startRedis, type RedisHandle } from '../utils/start-redis.js';
import { assertTestDatabaseName } from './test-database-guard.js';

const TEMPLATE_DATABASE = 'receipt_vault_test_template';

/**
 * Migrates the template once per run. It then refuses connections, so nothing can hold it
 * open while test files clone it (CREATE DATABASE ... TEMPLATE fails while anyone is in it).
 */
async function createTemplate(postgres: PostgresHandle): Promise<void> {
  assertTestDatabaseName(TEMPLATE_DATABASE);
  const admin = new pg.Client({ connectionString: postgres.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(TEMPLATE_DATABASE)}`);
    await runMigrations(postgres.url(TEMPLATE_DATABASE));
    await admin.query(
      `ALTER DATABASE ${admin.escapeIdentifier(TEMPLATE_DATABASE)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
    );
  } finally {
    await admin.end();
  }
}

/**
 * Vitest global setup for the integration and e2e tiers: throwaway PostgreSQL and Redis on free
 * ports in temporary folders, and a migrated template database to clone per test file.
 *
 * The returned teardown runs after the run, failed tests included. An interrupted run never
 * reaches it: on SIGINT/SIGTERM Vitest exits within a millisecond, too soon for any handler of
 * ours to await a shutdown. The servers are covered by scripts/lib/reaper.mjs instead, a
 * detached process that stops them and deletes their folders as soon as this process is gone,
 * however it went.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await Promise.allSettled([startPostgres(), startRedis()]);
  const servers = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const teardown = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.teardown()));
  };

  try {
    const [postgresResult, redisResult] = started;
    if (postgresResult.status === 'rejected') throw postgresResult.reason;
    if (redisResult.status === 'rejected') throw redisResult.reason;
    const postgres: PostgresHandle = postgresResult.value;
    const redis: RedisHandle = redisResult.value;

    await createTemplate(postgres);
    project.provide('postgres', {
      host: postgres.host,
      port: postgres.port,
      user: postgres.user,
      password: postgres.password,
      templateDatabase: TEMPLATE_DATABASE,
    });
    project.provide('redisUrl', redis.url);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
