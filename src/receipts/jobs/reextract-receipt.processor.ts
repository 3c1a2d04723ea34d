import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { CLS_ID, ClsService } from 'nestjs-cls';
import type { ReextractReceiptPayload } from './receipt-jobs.js';
import { ReceiptReextraction } from './receipt-reextraction.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Adapter for re-extraction jobs (worker only; ReceiptsQueueConsumer hands it the jobs, in the
 * same `WORKER_CONCURRENCY` slots as OCR jobs — parsing takes milliseconds); the work is
 * ReceiptReextraction's.
 */
@Injectable()
export class ReextractReceiptProcessor {
  private readonly logger = new Logger(ReextractReceiptProcessor.name);

  constructor(
    private readonly reextraction: ReceiptReextraction,
    private readonly cls: ClsService,
  ) {}

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
