import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { CacheKeys } from '../../cache/cache-keys.js';
import { REDIS_CLIENT } from '../../cache/redis.constants.js';
import type { AllConfig } from '../../config/configuration.js';
import { ReceiptFailures } from './receipt-failures.js';
import { ReceiptStatus } from '../receipt-status.js';
import { ReceiptsRepository } from '../receipts.repository.js';
import { ReceiptJobsProducer } from './receipt-jobs.producer.js';

const BATCH = 100;
// Deletes the lock only if it is still ours (it may have expired and been taken since).
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
// A receipt younger than this may be between its insert and its enqueue.
const GRACE_MS = 30_000;

/**
 * No receipt stays unfinished forever. Periodically (one worker at a time, by a Redis lock):
 * a queued or processing receipt whose job is gone (Redis lost its data, a crash between
 * insert and enqueue) is queued again; one processing for longer than STUCK_PROCESSING_MS
 * is failed with TIMEOUT.
 */
@Injectable()
export class ReceiptReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReceiptReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly jobs: ReceiptJobsProducer,
    private readonly failures: ReceiptFailures,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: CacheKeys,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const { reconcileIntervalMs } = this.config.getOrThrow('queue', { infer: true });
    this.timer = setInterval(() => {
      this.running ??= this.runOnce()
        .catch((error: Error) => this.logger.warn(`reconcile skipped: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, reconcileIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; returns what it did (for tests and logs). */
  async runOnce(now = new Date()): Promise<{ requeued: string[]; timedOut: string[] }> {
    const { reconcileIntervalMs, stuckProcessingMs } = this.config.getOrThrow('queue', {
      infer: true,
    });
    const lockKey = this.keys.reconcilerLock();
    const token = randomUUID();
    const locked = await this.redis.set(
      lockKey,
      token,
      'PX',
      Math.max(1000, reconcileIntervalMs),
      'NX',
    );
    if (!locked) return { requeued: [], timedOut: [] };
    try {
      return await this.reconcile(now, stuckProcessingMs);
    } finally {
      await this.redis.eval(RELEASE, 1, lockKey, token).catch(() => undefined);
    }
  }

  private async reconcile(
    now: Date,
    stuckProcessingMs: number,
  ): Promise<{ requeued: string[]; timedOut: string[] }> {
    const requeued: string[] = [];
    const timedOut: string[] = [];
    const candidates = await this.receipts.findUnfinishedSince(
      new Date(now.getTime() - GRACE_MS),
      BATCH,
    );
    for (const receipt of candidates) {
      const stuck =
        receipt.status === ReceiptStatus.PROCESSING &&
        receipt.startedAt !== null &&
        now.getTime() - receipt.startedAt.getTime() > stuckProcessingMs;
      if (stuck) {
        if (
          await this.failures.record(
            receipt.id,
            'TIMEOUT',
            'Processing took too long and was stopped',
          )
        ) {
          timedOut.push(receipt.id);
        }
        continue;
      }
      if (!(await this.jobs.hasLiveJob(receipt.id))) {
        await this.jobs.enqueue(receipt.id);
        requeued.push(receipt.id);
      }
    }
    if (requeued.length || timedOut.length)
      this.logger.warn({ requeued, timedOut }, 'reconciled unfinished receipts');
    return { requeued, timedOut };
  }
}
