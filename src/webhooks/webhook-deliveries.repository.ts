import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { DeliveryStatus, WebhookEventPayload } from './webhook-events.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';

export interface AttemptRecord {
  status: DeliveryStatus;
  attempts: number;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  responseBody: string | null;
  nextRetryAt: Date | null;
}

/** The delivery log. Reads for users go through a webhook the caller has checked they own. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(
    @InjectRepository(WebhookDeliveryEntity)
    private readonly rows: Repository<WebhookDeliveryEntity>,
  ) {}

  async insertPending(
    deliveries: { id: string; webhookId: string; payload: WebhookEventPayload }[],
  ): Promise<void> {
    if (!deliveries.length) return;
    await this.rows.insert(
      deliveries.map(({ id, webhookId, payload }) => ({
        id,
        webhookId,
        eventId: payload.id,
        eventType: payload.type,
        payload,
        status: 'pending' as const,
      })),
    );
  }

  findPageForWebhook(webhookId: string, limit: number): Promise<WebhookDeliveryEntity[]> {
    return this.rows.find({
      where: { webhookId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  findByIdForWebhook(id: string, webhookId: string): Promise<WebhookDeliveryEntity | null> {
    return this.rows.findOneBy({ id, webhookId });
  }

  findById(id: string): Promise<WebhookDeliveryEntity | null> {
    return this.rows.findOneBy({ id });
  }

  async recordAttempt(id: string, attempt: AttemptRecord): Promise<void> {
    await this.rows.update(id, {
      status: attempt.status,
      attempts: attempt.attempts,
      lastStatusCode: attempt.statusCode,
      lastDurationMs: attempt.durationMs,
      lastError: attempt.error,
      responseBody: attempt.responseBody,
      nextRetryAt: attempt.nextRetryAt,
      deliveredAt: attempt.status === 'succeeded' ? new Date() : null,
    });
  }

  async delete(id: string): Promise<void> {
    await this.rows.delete({ id });
  }
}
