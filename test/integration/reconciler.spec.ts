import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase } from '../utils/query-database.js';
import { useTestEnv } from '../utils/test-env.js';

/**
 * The reconciler alone (no queue consumer), so jobs it enqueues stay in Redis to be inspected.
 */
describe('receipt reconciler', () => {
  let ctx: INestApplicationContext;
  let env: Record<string, string>;
  let ownerId: string;
  let reconciler: import('../../src/receipts/jobs/receipt-reconciler.js').ReceiptReconciler;
  let producer: import('../../src/receipts/jobs/receipt-jobs.producer.js').ReceiptJobsProducer;
  let events: import('../../src/receipts/events/receipt-events.js').ReceiptEvents;
  let redis: import('ioredis').Redis;
  let lockKey: string;

  const insertReceipt = async (
    status: string,
    minutesAgo: number,
    startedMinutesAgo: number | null = null,
  ) => {
    const id = randomUUID();
    await queryDatabase(
      env.DATABASE_URL,
      `INSERT INTO receipts (id, owner_id, status, mime_type, size_bytes, sha256, storage_key, updated_at, started_at)
       VALUES ($1, $2, $3, 'image/png', 10, $4, $5, now() - make_interval(mins => $6::int),
               CASE WHEN $7::int IS NULL THEN NULL ELSE now() - make_interval(mins => $7::int) END)`,
      [
        id,
        ownerId,
        status,
        id.replace(/-/g, '').padEnd(64, '0'),
        `${ownerId}/${id}.png`,
        minutesAgo,
        startedMinutesAgo,
      ],
    );
    return id;
  };
  const statusOf = async (id: string) =>
    (
      await queryDatabase(
        env.DATABASE_URL,
        'SELECT status, error_code FROM receipts WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    env = await useTestEnv({ STUCK_PROCESSING_MS: '600000' });
    const { CoreModule } = await import('../../src/core.module.js');
    const { ReceiptsModule } = await import('../../src/receipts/receipts.module.js');
    const { WebhooksModule } = await import('../../src/webhooks/webhooks.module.js');
    const { ReceiptReconciler } = await import('../../src/receipts/jobs/receipt-reconciler.js');
    const { ReceiptFailures } = await import('../../src/receipts/jobs/receipt-failures.js');
    const { ReceiptEvents } = await import('../../src/receipts/events/receipt-events.js');
    const { CacheKeys } = await import('../../src/cache/cache-keys.js');
    const { REDIS_CLIENT } = await import('../../src/cache/redis.constants.js');
    const { ReceiptJobsProducer } =
      await import('../../src/receipts/jobs/receipt-jobs.producer.js');
    const moduleRef = await Test.createTestingModule({
      imports: [CoreModule, ReceiptsModule, WebhooksModule],
      providers: [ReceiptReconciler, ReceiptFailures],
    }).compile();
    ctx = await moduleRef.init();
    reconciler = ctx.get(ReceiptReconciler);
    events = ctx.get(ReceiptEvents);
    lockKey = ctx.get(CacheKeys).reconcilerLock();
    redis = ctx.get(REDIS_CLIENT);
    producer = ctx.get(ReceiptJobsProducer);
    ownerId = (
      await queryDatabase(
        env.DATABASE_URL,
        `INSERT INTO users (email, password_hash) VALUES ('owner@example.com', 'x') RETURNING id`,
      )
    )[0].id;
  });

  afterAll(() => ctx?.close());

  it('re-queues a queued receipt whose job is gone, and leaves fresh or already-queued ones alone', async () => {
    const lost = await insertReceipt('queued', 5);
    const fresh = await insertReceipt('queued', 0);
    const enqueued = await insertReceipt('queued', 5);
    await producer.enqueue(enqueued);

    const result = await reconciler.runOnce();
    expect(result.requeued).toContain(lost);
    expect(result.requeued).not.toContain(fresh);
    expect(result.requeued).not.toContain(enqueued);
    expect(await producer.hasLiveJob(lost)).toBe(true);
    expect(await producer.hasLiveJob(fresh)).toBe(false);
  });

  it('re-queues a processing receipt whose worker vanished with its job', async () => {
    const orphan = await insertReceipt('processing', 5, 5);
    const result = await reconciler.runOnce();
    expect(result.requeued).toContain(orphan);
    expect(await producer.hasLiveJob(orphan)).toBe(true);
  });

  it('fails a receipt processing past STUCK_PROCESSING_MS with TIMEOUT', async () => {
    const stuck = await insertReceipt('processing', 30, 30);
    const result = await reconciler.runOnce();
    expect(result.timedOut).toEqual([stuck]);
    expect(await statusOf(stuck)).toEqual({ status: 'failed', error_code: 'TIMEOUT' });
    // A client watching the stream hears the end too (issue 8, defect 7).
    const logged = await events.replay(stuck, '0-0');
    expect(logged.map((e) => e.type)).toEqual(['failed']);
    expect(logged[0]?.data).toMatchObject({ progress: 100, error: { code: 'TIMEOUT' } });
  });

  it('runs on one worker at a time: a pass while another holds the lock does nothing', async () => {
    const lost = await insertReceipt('queued', 5);
    await redis.set(lockKey, 'another-worker', 'PX', 60_000);
    expect(await reconciler.runOnce()).toEqual({ requeued: [], timedOut: [] });
    expect(await producer.hasLiveJob(lost)).toBe(false);
    // Its lock is not ours to release: it is still there after our pass.
    expect(await redis.get(lockKey)).toBe('another-worker');

    await redis.del(lockKey);
    expect((await reconciler.runOnce()).requeued).toContain(lost);
    expect(await redis.get(lockKey)).toBeNull();
  });
});
