import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { createTestWorker } from '../utils/create-test-worker.js';
import { registerUser } from '../utils/register-user.js';
import { useTestEnv } from '../utils/test-env.js';
import { uploadFile } from '../utils/upload-file.js';
import { waitForReceipt } from '../utils/wait-for-receipt.js';

// Issue 11 item 7: a worker at WORKER_CONCURRENCY=1 holds one job of the receipts queue at a
// time (Bull had added the re-extraction processor's slots to it, so a worker took three OCR
// jobs and starved its neighbours), and its image preparation uses OCR_IMAGE_THREADS threads.

const JPEG = readFile(join(import.meta.dirname, '../fixtures/receipts/uk-cafe.jpg'));
const uniqueJpeg = async () => Buffer.concat([await JPEG, randomBytes(16)]);

describe('one worker at WORKER_CONCURRENCY=1', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let queue: Queue;

  beforeAll(async () => {
    await useTestEnv({
      THROTTLE_AUTH_LIMIT: '1000',
      WORKER_CONCURRENCY: '1',
      OCR_POOL_SIZE: '1',
      // Not libvips' default (one per core) nor ours, so the assertion shows it was applied.
      OCR_IMAGE_THREADS: '3',
    });
    api = await createTestApp();
    const { RECEIPTS_QUEUE } = await import('../../src/receipts/jobs/receipt-jobs.js');
    queue = api.app.get<Queue>(getQueueToken(RECEIPTS_QUEUE));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('takes one job at a time and prepares images with the configured libvips threads', async () => {
    const user = await registerUser(api.baseUrl);
    const { RECEIPTS_QUEUE } = await import('../../src/receipts/jobs/receipt-jobs.js');
    const ids: string[] = [];
    // Queued before the worker starts, so it finds three jobs waiting at once.
    for (let i = 0; i < 3; i++) {
      const upload = await uploadFile(api.baseUrl, await uniqueJpeg(), { token: user.token });
      expect(upload.status).toBe(202);
      ids.push(upload.body.id as string);
    }
    expect(await queue.getWaitingCount()).toBe(3);

    worker = await createTestWorker();
    expect(RECEIPTS_QUEUE).toBe(queue.name);
    expect(sharp.concurrency()).toBe(3);

    let maxActive = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        maxActive = Math.max(maxActive, await queue.getActiveCount());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const finished = await Promise.all(
      ids.map((id) => waitForReceipt(api.baseUrl, id, user.token)),
    );
    sampling = false;
    await sampler;

    expect(finished.map((receipt) => receipt.status)).not.toContain('failed');
    expect(maxActive).toBe(1);
  });
});
