import { Injectable } from '@nestjs/common';
import { WebhookEmitter } from '../../webhooks/webhook-emitter.js';
import type { ReceiptTimings } from '../receipt.entity.js';
import { ReceiptEvents } from '../events/receipt-events.js';
import { ReceiptCache } from '../receipt-cache.js';
import type { FailureCode } from '../receipt-status.js';
import { ReceiptsRepository } from '../receipts.repository.js';

/**
 * The one way a receipt ends `failed`, whichever path decides it: the processing attempt, Bull
 * giving up on a job that stalled too often, or the reconciler timing out a stuck receipt.
 * Row, cache, event and webhook always follow together, so no client waits on a stream that will
 * never hear the end (issue 8, defect 7).
 */
@Injectable()
export class ReceiptFailures {
  constructor(
    private readonly receipts: ReceiptsRepository,
    private readonly cache: ReceiptCache,
    private readonly events: ReceiptEvents,
    private readonly webhooks: WebhookEmitter,
  ) {}

  /** Fails an unfinished receipt; false when it was already finished or gone (nothing sent). */
  async record(
    receiptId: string,
    code: FailureCode,
    message: string,
    timings?: ReceiptTimings,
  ): Promise<boolean> {
    const failed = await this.receipts.markFailed(receiptId, code, message, timings);
    if (!failed) return false;
    await this.cache.invalidate(receiptId);
    await this.events.publish(receiptId, 'failed', {
      receiptId,
      status: 'failed',
      stage: null,
      progress: 100,
      error: { code, message },
    });
    const row = await this.receipts.findById(receiptId);
    if (row) await this.webhooks.receiptFinished(row);
    return true;
  }
}
