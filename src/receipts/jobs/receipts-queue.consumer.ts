import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job, Queue } from 'bull';
import type { AllConfig } from '../../config/configuration.js';
import { ProcessReceiptProcessor } from './process-receipt.processor.js';
import {
  RECEIPTS_QUEUE,
  ReceiptJob,
  type ReceiptJobPayload,
  type ReextractReceiptPayload,
} from './receipt-jobs.js';
import { ReextractReceiptProcessor } from './reextract-receipt.processor.js';

/**
 * The worker's one consumer of the receipts queue: `WORKER_CONCURRENCY` jobs at a time, of
 * either kind, each handed to its processor by job name.
 *
 * One registration, not one `queue.process(name, n)` per job name: Bull runs a separate fetch
 * loop per registered slot and each loop takes whatever job is next, whatever its name, so
 * named registrations add up. With processing at 1 and re-extraction at 2, a worker held three
 * OCR jobs while its one recogniser read one of them — marked "processing" while they waited,
 * and taken from other workers that had nothing to do (bench/RESULTS.md, "Scaling out").
 */
@Injectable()
export class ReceiptsQueueConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReceiptsQueueConsumer.name);

  constructor(
    @InjectQueue(RECEIPTS_QUEUE) private readonly queue: Queue<ReceiptJobPayload>,
    private readonly processing: ProcessReceiptProcessor,
    private readonly reextraction: ReextractReceiptProcessor,
    private readonly config: ConfigService<AllConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const { concurrency } = this.config.getOrThrow('queue', { infer: true });
    // '*' is Bull's catch-all handler name: every job of the queue, counted once.
    void this.queue.process('*', concurrency, (job) => this.dispatch(job));
  }

  /** @throws Error for a job name no processor knows (the job fails and is kept for a look). */
  dispatch(job: Job<ReceiptJobPayload>): Promise<string> {
    switch (job.name) {
      case ReceiptJob.PROCESS:
        return this.processing.handle(job);
      case ReceiptJob.REEXTRACT:
        return this.reextraction.handle(job as Job<ReextractReceiptPayload>);
      default:
        this.logger.error({ jobId: job.id, name: job.name }, 'unknown job name; failed');
        return Promise.reject(new Error(`unknown job name: ${job.name}`));
    }
  }
}
