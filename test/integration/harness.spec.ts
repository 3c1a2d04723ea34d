import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS } from '../../src/database/migrations.js';
import { assertTestDatabaseName } from '../setup/test-database-guard.js';
import { createTestDatabase } from '../utils/create-test-database.js';
import { startPostgres, type PostgresHandle } from '../utils/start-postgres.js';
import { startRedis, type RedisHandle } from '../utils/start-redis.js';

// Proves the test harness itself: if these fail, every other integration test is suspect.

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** One PING on a fresh connection that neither retries nor queues while disconnected. */
async function ping(url: string): Promise<string> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return await redis.ping();
  } finally {
    redis.disconnect();
  }
}

describe('test databases', () => {
  it('are cloned from the template with every migration applied', async () => {
    const url = await createTestDatabase();

    expect(new URL(url).pathname).toMatch(/^\/rv_test_[0-9a-f]+$/);
    expect(await query(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    const applied = await query<{ name: string }>(url, 'SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it('are isolated from each other, even when created concurrently', async () => {
    const [first, second, third] = await Promise.all([
      createTestDatabase(),
      createTestDatabase(),
      createTestDatabase(),
    ]);

    expect(new Set([first, second, third]).size).toBe(3);
    await query(first, 'CREATE TABLE only_in_first (id int)');
    const visible = (url: string) =>
      query<{ found: boolean }>(url, "SELECT to_regclass('only_in_first') IS NOT NULL AS found");
    expect(await visible(first)).toEqual([{ found: true }]);
    expect(await visible(second)).toEqual([{ found: false }]);
  });

  it('must have "test" in their name', () => {
    expect(() => assertTestDatabaseName('receipt_vault')).toThrow(/must contain "test"/);
    expect(() => assertTestDatabaseName(inject('postgres').templateDatabase)).not.toThrow();
  });
});

describe('shared Redis', () => {
  it('answers PING', async () => {
    expect(await ping(inject('redisUrl'))).toBe('PONG');
  });
});

describe('startRedis()', () => {
  let redis: RedisHandle;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.teardown();
  });

  it('can be stopped and started again on the same URL', async () => {
    const url = redis.url;
    expect(await ping(url)).toBe('PONG');

    await redis.stop();
    const before = performance.now();
    await expect(ping(url)).rejects.toThrow();
    expect(performance.now() - before).toBeLessThan(1_000);

    await redis.start();
    expect(redis.url).toBe(url);
    expect(await ping(url)).toBe('PONG');
  });
});

describe('startPostgres()', () => {
  let postgres: PostgresHandle;
  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterAll(async () => {
    await postgres.teardown();
  });

  it('can be stopped and started again on the same port, keeping its data', async () => {
    const url = postgres.url('postgres');
    await query(url, 'CREATE TABLE survives_restart (id int)');

    await postgres.stop();
    await expect(query(url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);

    await postgres.start();
    expect(await query(url, "SELECT to_regclass('survives_restart') IS NOT NULL AS found")).toEqual(
      [{ found: true }],
    );
  });
});
