import type { INestApplicationContext } from '@nestjs/common';
import Bull from 'bull';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../src/common/errors/index.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { openSse, type SseEvent } from '../utils/read-sse.js';
import { registerUser, type RegisteredUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';
import { waitForReceipt } from '../utils/wait-for-receipt.js';

// Failure paths of the worker that nothing exercised before (issue 8, defects 7 and 10), on
// real PostgreSQL, Redis and Bull, with the real OCR.

const JPEG = readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));
const uniqueJpeg = async () => Buffer.concat([await JPEG, randomBytes(16)]);

describe('worker failure paths', () => {
  let api: TestApp;
  let env: Record<string, string>;
  let user: RegisteredUser;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    env = await useTestEnv({
      THROTTLE_AUTH_LIMIT: '1000',
      QUEUE_BACKOFF_MS: '100',
      // Bull's crash recovery, made fast: a lock lapses after 1 s, is checked every 0.3 s, and
      // the first stall already counts as "too often".
      QUEUE_LOCK_DURATION_MS: '1000',
      QUEUE_STALLED_INTERVAL_MS: '300',
      QUEUE_MAX_STALLED_COUNT: '0',
    });
    api = await createTestApp();
    user = await registerUser(api.baseUrl);
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  afterAll(() => api?.close());

  it('a job that stalled too often ends failed TIMEOUT, and the SSE client hears it', async () => {
    const upload = await uploadFile(api.baseUrl, await uniqueJpeg(), { token: user.token });
    expect(upload.status).toBe(202);
    const id = upload.body.id as string;

    // Another consumer takes the job and dies without a word: its lock is never renewed.
    const { CacheKeys } = await import('../../src/cache/cache-keys.js');
    const { RECEIPTS_QUEUE } = await import('../../src/receipts/jobs/receipt-jobs.js');
    const crashed = new Bull(RECEIPTS_QUEUE, env.REDIS_URL, {
      prefix: api.app.get(CacheKeys).bullPrefix(),
      settings: { lockDuration: 1000 },
    });
    const taken = await crashed.getNextJob();
    expect(taken?.id).toBe(id);
    await crashed.close(true);

    const stream = openSse(`${api.baseUrl}/v1/receipts/${id}/events`, {
      token: user.token,
      timeoutMs: 30_000,
    });
    // A Nest context booting in this process resets nestjs-cls' shared plugin hooks, so the
    // worker starts only once the API has taken the stream's request.
    await stream.opened;
    // The real worker's stalled-job check finds the lapsed lock and Bull gives up on the job.
    worker = await createTestWorker();
    const { events, closedByServer } = await stream.result;

    expect(closedByServer).toBe(true);
    const last = events.at(-1);
    expect(last?.event).toBe('failed');
    expect(last?.data).toMatchObject({
      status: 'failed',
      progress: 100,
      error: { code: 'TIMEOUT' },
    });
    const done = await waitForReceipt(api.baseUrl, id, user.token, 10_000);
    expect(done).toMatchObject({ status: 'failed', progress: 100, error: { code: 'TIMEOUT' } });
  });

  it('a transient failure is retried, and the retry succeeds', async () => {
    const { ReceiptExtractor } = await import('../../src/ocr/receipt-extractor.js');
    // The real extractor, made to fail its first call the way a recogniser crash does.
    const real = ReceiptExtractor.prototype.extract;
    let calls = 0;
    ReceiptExtractor.prototype.extract = function (...args: Parameters<typeof real>) {
      calls += 1;
      if (calls === 1) {
        return Promise.reject(new AppError(ErrorCode.OCR_FAILED, 'recogniser crashed'));
      }
      return real.apply(this, args);
    };

    const upload = await uploadFile(api.baseUrl, await uniqueJpeg(), { token: user.token });
    const id = upload.body.id as string;
    const stream = openSse(`${api.baseUrl}/v1/receipts/${id}/events`, {
      token: user.token,
      timeoutMs: 60_000,
    });
    // The worker starts once the client listens, so it hears every event of both attempts.
    await stream.opened;
    let events: SseEvent[];
    try {
      worker = await createTestWorker();
      ({ events } = await stream.result);
    } finally {
      ReceiptExtractor.prototype.extract = real;
    }
    const done = await waitForReceipt(api.baseUrl, id, user.token, 10_000);

    expect(calls).toBe(2);
    expect(['completed', 'needs_review']).toContain(done.status);
    expect(done).toMatchObject({ attempts: 2, error: null });
    // The client saw the failed attempt being re-queued, then the end.
    const requeued = events.find((e) => e.event === 'queued' && e.data.attempt === 1);
    expect(requeued?.data.error).toMatchObject({ code: 'OCR_FAILED' });
    expect(events.at(-1)?.event).toBe(done.status);
  });
});
