import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { CLS_ID, ClsService } from 'nestjs-cls';
import { RECEIPTS_QUEUE, ReceiptJob, type ReextractReceiptPayload } from './receipt-jobs.js';
import { ReceiptReextraction } from './receipt-reextraction.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Parsing takes milliseconds: a couple at a time keeps OCR jobs from waiting behind them. */
const CONCURRENCY = 2;

/** Queue adapter for re-extraction jobs (worker only); the work is ReceiptReextraction's. */
@Injectable()
export class ReextractReceiptProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReextractReceiptProcessor.name);

  constructor(
    @InjectQueue(RECEIPTS_QUEUE) private readonly queue: Queue<ReextractReceiptPayload>,
    private readonly reextraction: ReceiptReextraction,
    private readonly cls: ClsService,
  ) {}

  onApplicationBootstrap(): void {
    void this.queue.process(ReceiptJob.REEXTRACT, CONCURRENCY, (job) => this.handle(job));
  }

  async handle(job: Job<ReextractReceiptPayload>): Promise<string> {
    const { receiptId, actorId, requestId } = job.data ?? {};
    if (!UUID.test(String(receiptId)) || !UUID.test(String(actorId))) {
      this.logger.error({ jobId: job.id }, 'malformed job payload; discarded');
      throw new Error('malformed job payload');
    }
    return this.cls.run(async () => {
      this.cls.set(CLS_ID, requestId ?? `job-${receiptId}`);
      const receipt = await this.reextraction.reextract(receiptId, actorId, actorId);
      return receipt.status;
    });
  }
}
