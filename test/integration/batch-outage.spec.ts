import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { expectUnavailable } from '../utils/expect-unavailable.js';
import { listStoredFiles } from '../utils/list-stored-files.js';
import { pollUntil } from '../utils/poll-until.js';
import { queryDatabase } from '../utils/query-database.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { startRedis, type RedisHandle } from '../utils/start-redis.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadBatch } from '../utils/upload-batch.js';

// Its own Redis, stopped while a batch is being accepted: stopping it harms no other test file.
const FILES = 60;

describe('Redis outage during a batch upload', () => {
  let redis: RedisHandle;
  let api: TestApp;
  let env: Record<string, string>;
  let user: RegisteredUser;

  const count = async (table: 'receipts' | 'batches') =>
    (
      await queryDatabase(
        env.DATABASE_URL,
        `SELECT count(*)::int AS n FROM ${table} WHERE owner_id = $1`,
        [user.id],
      )
    )[0].n as number;

  beforeAll(async () => {
    redis = await startRedis();
    env = await useTestEnv({ REDIS_URL: redis.url, THROTTLE_AUTH_LIMIT: '1000' });
    api = await createTestApp();
    user = await registerUser(api.baseUrl);
  });

  afterAll(async () => {
    await redis?.start().catch(() => undefined);
    await api?.close();
    await redis?.teardown();
  });

  it('Redis stopped after some receipts were accepted → 503, and the batch leaves nothing behind', async () => {
    const jpeg = await readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));
    const files = Array.from({ length: FILES }, () => ({
      data: Buffer.concat([jpeg, randomBytes(16)]),
    }));
    const answer = uploadBatch(api.baseUrl, files, { token: user.token });

    // Some receipts of the batch exist (row, file, job): now the queue goes away.
    await pollUntil(count.bind(null, 'receipts'), (n) => n >= 2, {
      timeoutMs: 30_000,
      intervalMs: 5,
    });
    await redis.stop();
    try {
      expectUnavailable(await answer);
      expect(await count('receipts')).toBe(0);
      expect(await count('batches')).toBe(0);
      expect(await listStoredFiles(env.STORAGE_DIR)).toEqual([]);
    } finally {
      await redis.start();
    }
  });
});
