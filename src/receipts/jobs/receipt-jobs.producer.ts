import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bull';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import type { AllConfig } from '../../config/configuration.js';
import { currentTraceCarrier } from '../../tracing/tracer.js';
import {
  type ReceiptJobPayload,
  RECEIPTS_QUEUE,
  ReceiptJob,
  reextractJobId,
} from './receipt-jobs.js';

const ENQUEUE_TIMEOUT_MS = 2000;
const KEEP_FAILED_JOBS_SECONDS = 7 * 86_400;

function unavailable(cause?: unknown): AppError {
  return new AppError(
    ErrorCode.DEPENDENCY_UNAVAILABLE,
    'The job queue is unavailable, try again shortly',
    {
      cause,
      retryAfterSeconds: 2,
    },
  );
}

/**
 * The one place that adds receipt jobs. The job id is the receipt id, so a receipt can never
 * have two jobs at once; attempts, backoff and retention are decided here.
 */
@Injectable()
export class ReceiptJobsProducer {
  constructor(
    @InjectQueue(RECEIPTS_QUEUE) private readonly queue: Queue<ReceiptJobPayload>,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  /** Fails fast when Redis is down, before an upload is even read. */
  assertAvailable(): void {
    if (this.queue.client.status !== 'ready') throw unavailable();
  }

  /** Like assertAvailable, and also catches a frozen server: one PING, bounded by a timeout. */
  async assertResponsive(): Promise<void> {
    this.assertAvailable();
    await this.withTimeout(async () => {
      await this.queue.client.ping();
    });
  }

  /** Queues a receipt again (reprocess, reconciler): a kept job of the same id goes first. */
  async enqueue(receiptId: string, requestId?: string): Promise<void> {
    await this.withTimeout(async () => {
      // A finished job kept for inspection would make Bull ignore the new one (same id).
      const previous = await this.queue.getJob(receiptId);
      if (previous && !(await previous.isActive())) await previous.remove();
      await this.addProcessJob(receiptId, requestId);
    });
  }

  /**
   * Queues a just-created receipt: its id is new, so no earlier job can be in the way, and
   * the lookup `enqueue` makes first (a Redis round trip on every upload) is skipped.
   */
  async enqueueNew(receiptId: string, requestId?: string): Promise<void> {
    await this.withTimeout(() => this.addProcessJob(receiptId, requestId));
  }

  private async addProcessJob(receiptId: string, requestId?: string): Promise<void> {
    const { attempts, backoffMs } = this.config.getOrThrow('queue', { infer: true });
    await this.queue.add(
      ReceiptJob.PROCESS,
      { receiptId, requestId, trace: currentTraceCarrier() },
      {
        jobId: receiptId,
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: true,
        removeOnFail: { age: KEEP_FAILED_JOBS_SECONDS },
      },
    );
  }

  /**
   * Queues a re-extraction (parser only, milliseconds of work): one attempt, since a parser
   * error fails the same way again; a job already waiting for the receipt absorbs this one.
   */
  async enqueueReextract(receiptId: string, actorId: string, requestId?: string): Promise<void> {
    const jobId = reextractJobId(receiptId);
    await this.withTimeout(async () => {
      const previous = await this.queue.getJob(jobId);
      if (previous && (await previous.isCompleted().catch(() => false))) await previous.remove();
      if (previous && (await previous.isFailed().catch(() => false))) await previous.remove();
      await this.queue.add(
        ReceiptJob.REEXTRACT,
        { receiptId, actorId, requestId },
        {
          jobId,
          attempts: 1,
          removeOnComplete: true,
          removeOnFail: { age: KEEP_FAILED_JOBS_SECONDS },
        },
      );
    });
  }

  /** True when the queue holds a waiting, delayed or active job for the receipt. */
  async hasLiveJob(receiptId: string): Promise<boolean> {
    const job = await this.queue.getJob(receiptId);
    if (!job) return false;
    const state = await job.getState();
    return state === 'waiting' || state === 'delayed' || state === 'active' || state === 'paused';
  }

  private async withTimeout(work: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        work(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(unavailable()), ENQUEUE_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      throw error instanceof AppError ? error : unavailable(error);
    } finally {
      clearTimeout(timer);
    }
  }
}
