import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { CLS_ID, ClsService } from 'nestjs-cls';
import { ReceiptFailures } from './receipt-failures.js';
import { context as otelContext, SpanKind } from '@opentelemetry/api';
import { contextFromCarrier, inSpan, tracer } from '../../tracing/tracer.js';
import { type ProcessReceiptPayload, RECEIPTS_QUEUE } from './receipt-jobs.js';
import { ReceiptProcessingService } from './receipt-processing.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STALLED = /stalled more than allowable limit/;

/**
 * The adapter for processing jobs, provided only by the worker module; ReceiptsQueueConsumer
 * hands it the jobs. Each job runs inside the request context of the upload that caused it, so
 * its logs carry that request id; errors go through to Bull, which retries.
 */
@Injectable()
export class ProcessReceiptProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ProcessReceiptProcessor.name);

  constructor(
    @InjectQueue(RECEIPTS_QUEUE) private readonly queue: Queue<ProcessReceiptPayload>,
    private readonly processing: ReceiptProcessingService,
    private readonly failures: ReceiptFailures,
    private readonly cls: ClsService,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.on(
      'failed',
      (job: Job<ProcessReceiptPayload>, error: Error) => void this.onFailed(job, error),
    );
  }

  async handle(job: Job<ProcessReceiptPayload>): Promise<string> {
    const { receiptId, requestId, trace } = job.data ?? {};
    if (typeof receiptId !== 'string' || !UUID.test(receiptId)) {
      this.logger.error({ jobId: job.id }, 'malformed job payload; discarded');
      void job.discard();
      throw new Error('malformed job payload');
    }
    const attempts = job.opts.attempts ?? 1;
    const attempt = job.attemptsMade + 1;
    // The upload's trace continues here: the time spent waiting in the queue, then the work.
    const parent = contextFromCarrier(trace);
    tracer
      .startSpan(
        'receipt.queue_wait',
        { startTime: job.timestamp, kind: SpanKind.CONSUMER },
        parent,
      )
      .end();
    return otelContext.with(parent, () =>
      inSpan(
        'receipt.process',
        () =>
          this.cls.run(() => {
            this.cls.set(CLS_ID, requestId ?? `job-${receiptId}`);
            return this.processing.process(receiptId, { attempt, willRetry: attempt < attempts });
          }),
        { 'receipt.id': receiptId, 'receipt.attempt': attempt },
        SpanKind.CONSUMER,
      ),
    );
  }

  /**
   * Bull can fail a job without running the handler to the end (it stalled too often:
   * workers killed mid-job). The receipt must then say so instead of staying unfinished.
   */
  private async onFailed(job: Job<ProcessReceiptPayload>, error: Error): Promise<void> {
    const stalled = STALLED.test(error.message);
    if (!stalled) return;
    const receiptId = job.data?.receiptId;
    if (typeof receiptId !== 'string' || !UUID.test(receiptId)) return;
    this.logger.warn({ receiptId }, 'job stalled too often; receipt marked failed');
    await this.failures
      .record(receiptId, 'TIMEOUT', 'Processing was interrupted too many times')
      .catch((failure: Error) =>
        this.logger.error(`stalled receipt ${receiptId} not marked failed: ${failure.message}`),
      );
  }
}
