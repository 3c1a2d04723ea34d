import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bull';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import type { AllConfig } from '../../config/configuration.js';
import { type DeliverWebhookPayload, WEBHOOKS_QUEUE, WebhookJob } from './webhook-jobs.js';

const ENQUEUE_TIMEOUT_MS = 2000;
const KEEP_FAILED_JOBS_SECONDS = 7 * 86_400;

/**
 * The one place that adds delivery jobs. The job id is the delivery id; attempts and the
 * exponential backoff (WEBHOOK_MAX_ATTEMPTS, WEBHOOK_BACKOFF_MS: 8 attempts over about a day
 * by default) are decided here.
 */
@Injectable()
export class WebhookJobsProducer {
  constructor(
    @InjectQueue(WEBHOOKS_QUEUE) private readonly queue: Queue<DeliverWebhookPayload>,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  async enqueue(deliveryIds: string[]): Promise<void> {
    if (!deliveryIds.length) return;
    const { maxAttempts, backoffMs } = this.config.getOrThrow('webhooks', { infer: true });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.addBulk(
          deliveryIds.map((deliveryId) => ({
            name: WebhookJob.DELIVER,
            data: { deliveryId },
            opts: {
              jobId: deliveryId,
              attempts: maxAttempts,
              backoff: { type: 'exponential', delay: backoffMs },
              removeOnComplete: true,
              removeOnFail: { age: KEEP_FAILED_JOBS_SECONDS },
            },
          })),
        ),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timed out')), ENQUEUE_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      throw new AppError(ErrorCode.DEPENDENCY_UNAVAILABLE, 'The job queue is unavailable', {
        cause: error,
        retryAfterSeconds: 2,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** When the next attempt runs, for the delivery log (Bull's exponential: delay · 2^(n−1)). */
  nextRetryAt(attemptsMade: number): Date | null {
    const { maxAttempts, backoffMs } = this.config.getOrThrow('webhooks', { infer: true });
    if (attemptsMade >= maxAttempts) return null;
    return new Date(Date.now() + backoffMs * 2 ** (attemptsMade - 1));
  }
}
