import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/database/run-migrations.js';
import { RECEIPTS_QUEUE } from '../../src/receipts/jobs/receipt-jobs.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { listStoredFiles } from '../utils/list-stored-files.js';
import { pollUntil } from '../utils/poll-until.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { startPostgres, type PostgresHandle } from '../utils/start-postgres.js';
import { startRedis, type RedisHandle } from '../utils/start-redis.js';
import { startStreamingUpload } from '../utils/start-streaming-upload.js';
import { expectUnavailable } from '../utils/expect-unavailable.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';

// Each outage gets its own server (startRedis / startPostgres), so stopping it harms no other
// test file. Nothing half-made may remain: no row without a job, no file without a row.

const JPEG = readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));
/** A JPEG no one uploaded before, so a retry is never answered as a duplicate. */
const uniqueJpeg = async () => Buffer.concat([await JPEG, randomBytes(16)]);
// Past the bytes the API holds back to sniff the type, so the staging file has been written.
const HEAD_BYTES = 16 * 1024;

/** Waits until an upload in flight has reached storage (its staging file has bytes). */
async function waitForStagingFile(storageDir: string): Promise<void> {
  await pollUntil(
    () => listStoredFiles(storageDir),
    (files) => files.some((f) => f.startsWith('.incoming/')),
    { timeoutMs: 10_000, intervalMs: 20 },
  );
}

describe('Redis outage during upload', () => {
  let redis: RedisHandle;
  let api: TestApp;
  let env: Record<string, string>;
  let user: RegisteredUser;
  let queue: Queue;

  const rowCount = async () =>
    Number(
      (
        await queryDatabase<{ n: string }>(env.DATABASE_URL, 'SELECT count(*) AS n FROM receipts')
      )[0].n,
    );

  beforeAll(async () => {
    redis = await startRedis();
    env = await useTestEnv({ REDIS_URL: redis.url, THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    queue = api.app.get<Queue>(getQueueToken(RECEIPTS_QUEUE));
    user = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await redis?.start().catch(() => undefined);
    await api?.close();
    await redis?.teardown();
  });

  it('Redis down before the upload → 503 with Retry-After, no row and no file', async () => {
    await redis.stop();
    try {
      const res = await uploadFile(api.baseUrl, await uniqueJpeg(), { token: user.token });
      expectUnavailable(res);
      expect(await rowCount()).toBe(0);
      expect(await listStoredFiles(env.STORAGE_DIR)).toEqual([]);
    } finally {
      await redis.start();
    }
  });

  it('Redis stopped while the file is streaming → 503, the row and the file are undone', async () => {
    // Wait until the queue is connected again after the previous test.
    await pollUntil(
      async () => queue.client.status,
      (status) => status === 'ready',
      { timeoutMs: 15_000 },
    );
    const upload = startStreamingUpload(api.baseUrl, await uniqueJpeg(), {
      token: user.token,
      headBytes: HEAD_BYTES,
    });
    await waitForStagingFile(env.STORAGE_DIR);

    await redis.stop();
    try {
      expectUnavailable(await upload.finish());
      expect(await rowCount()).toBe(0);
      expect(await listStoredFiles(env.STORAGE_DIR)).toEqual([]);
    } finally {
      await redis.start();
    }
  });

  it('uploads work again once Redis is back: row, file and job all exist', async () => {
    const data = await uniqueJpeg();
    // Retrying is what a client does after a 503; a refused attempt leaves nothing behind.
    const res = await pollUntil(
      () => uploadFile(api.baseUrl, data, { token: user.token }),
      (r) => r.status !== 503,
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect(res.status).toBe(202);
    const id = res.body.id as string;
    expect(await rowCount()).toBe(1);
    expect(await listStoredFiles(env.STORAGE_DIR)).toEqual([`${user.id}/${id}.jpg`]);
    const job = await queue.getJob(id);
    expect(job?.data).toMatchObject({ receiptId: id });
  });
});

describe('PostgreSQL outage during upload', () => {
  let postgres: PostgresHandle;
  let api: TestApp;
  let env: Record<string, string>;
  let user: RegisteredUser;
  let queue: Queue;
  let databaseUrl: string;

  beforeAll(async () => {
    postgres = await startPostgres();
    const admin = new pg.Client({ connectionString: postgres.url('postgres') });
    await admin.connect();
    await admin.query('CREATE DATABASE rv_outage_test');
    await admin.end();
    databaseUrl = postgres.url('rv_outage_test');
    await runMigrations(databaseUrl);

    env = await useTestEnv({ DATABASE_URL: databaseUrl, THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    queue = api.app.get<Queue>(getQueueToken(RECEIPTS_QUEUE));
    user = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await postgres?.start().catch(() => undefined);
    await api?.close();
    await postgres?.teardown();
  });

  const jobCount = async () => {
    const counts = await queue.getJobCounts();
    return counts.waiting + counts.active + counts.delayed;
  };

  it('PostgreSQL down before the upload → 503 with Retry-After, no file and no job', async () => {
    await postgres.stop();
    try {
      const res = await uploadFile(api.baseUrl, await uniqueJpeg(), { token: user.token });
      expectUnavailable(res);
      expect(await listStoredFiles(env.STORAGE_DIR)).toEqual([]);
      expect(await jobCount()).toBe(0);
    } finally {
      await postgres.start();
    }
  });

  it('PostgreSQL stopped while the file is streaming → 503, the staging file is removed', async () => {
    // The session check of the auth guard needs PostgreSQL: wait until it answers again.
    await pollUntil(
      () => queryDatabase(databaseUrl, 'SELECT 1 AS one').catch(() => []),
      (rows) => rows.length === 1,
      {
        timeoutMs: 15_000,
        intervalMs: 250,
      },
    );
    const upload = startStreamingUpload(api.baseUrl, await uniqueJpeg(), {
      token: user.token,
      headBytes: HEAD_BYTES,
    });
    await waitForStagingFile(env.STORAGE_DIR);

    await postgres.stop();
    try {
      expectUnavailable(await upload.finish());
      expect(await listStoredFiles(env.STORAGE_DIR)).toEqual([]);
      expect(await jobCount()).toBe(0);
    } finally {
      await postgres.start();
    }
    expect(await queryDatabase(databaseUrl, 'SELECT id FROM receipts')).toEqual([]);
  });

  it('uploads work again once PostgreSQL is back', async () => {
    const data = await uniqueJpeg();
    const res = await pollUntil(
      () => uploadFile(api.baseUrl, data, { token: user.token }),
      (r) => r.status !== 503,
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect(res.status).toBe(202);
    const id = res.body.id as string;
    expect(await queryDatabase(databaseUrl, 'SELECT id, status FROM receipts')).toEqual([
      { id, status: 'queued' },
    ]);
    expect(await listStoredFiles(env.STORAGE_DIR)).toEqual([`${user.id}/${id}.jpg`]);
    expect(await jobCount()).toBe(1);
  });
});
