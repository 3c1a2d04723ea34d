import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ReceiptEntity } from '../receipts/receipt.entity.js';
import { WebhookJobsProducer } from './jobs/webhook-jobs.producer.js';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import type { WebhookEventPayload, WebhookEventType } from './webhook-events.js';
import { WebhooksRepository } from './webhooks.repository.js';

/** What an event says about a receipt: its state and summary, never the file or OCR text. */
export type ReceiptSnapshot = Pick<
  ReceiptEntity,
  | 'id'
  | 'ownerId'
  | 'status'
  | 'merchantName'
  | 'receiptDate'
  | 'total'
  | 'currency'
  | 'reviewIssues'
  | 'errorCode'
  | 'errorMessage'
>;

const EVENT_OF_STATUS: Partial<Record<string, WebhookEventType>> = {
  completed: 'receipt.completed',
  needs_review: 'receipt.needs_review',
  failed: 'receipt.failed',
};

/**
 * Turns a receipt event into one delivery per subscribed webhook: a logged row first, then a
 * job. Called by the worker when a receipt reaches completed, needs_review or failed, and by
 * the corrections endpoint (`receipt.corrected`). It never throws: a webhook problem must not
 * fail the receipt; what could not be queued stays `pending` in the log and can be redelivered.
 */
@Injectable()
export class WebhookEmitter {
  private readonly logger = new Logger(WebhookEmitter.name);

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: WebhookJobsProducer,
  ) {}

  /** For a receipt that has just reached a terminal status. */
  async receiptFinished(receipt: ReceiptSnapshot): Promise<void> {
    const type = EVENT_OF_STATUS[receipt.status];
    if (type) await this.emit(type, receipt);
  }

  async emit(type: WebhookEventType, receipt: ReceiptSnapshot): Promise<void> {
    try {
      const subscribed = await this.webhooks.findSubscribed(receipt.ownerId, type);
      if (!subscribed.length) return;
      const payload = eventPayload(type, receipt);
      const rows = subscribed.map((webhook) => ({
        id: randomUUID(),
        webhookId: webhook.id,
        payload,
      }));
      await this.deliveries.insertPending(rows);
      await this.jobs.enqueue(rows.map((row) => row.id));
    } catch (error) {
      this.logger.error({ err: error, receiptId: receipt.id, type }, 'webhook event not queued');
    }
  }
}

export function eventPayload(
  type: WebhookEventType,
  receipt: ReceiptSnapshot,
): WebhookEventPayload {
  return {
    id: randomUUID(),
    type,
    timestamp: new Date().toISOString(),
    data: {
      receipt: {
        id: receipt.id,
        status: receipt.status,
        summary: {
          merchantName: receipt.merchantName,
          date: receipt.receiptDate,
          total: receipt.total,
          currency: receipt.currency,
        },
        reviewIssues: receipt.reviewIssues ?? [],
        error: receipt.errorCode
          ? { code: receipt.errorCode, message: receipt.errorMessage ?? '' }
          : null,
        links: { self: `/v1/receipts/${receipt.id}` },
      },
    },
  };
}
