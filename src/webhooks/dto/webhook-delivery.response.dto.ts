import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { DELIVERY_STATUSES, type DeliveryStatus, WEBHOOK_EVENTS } from '../webhook-events.js';
import type { WebhookDeliveryEntity } from '../webhook-delivery.entity.js';

@ApiSchema({ name: 'WebhookDelivery', description: 'One event sent (or being sent) to a webhook' })
export class WebhookDeliveryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The event id; also the `webhook-id` header' })
  eventId: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, enumName: 'WebhookEventType' })
  eventType: string;

  @ApiProperty({
    enum: DELIVERY_STATUSES,
    enumName: 'WebhookDeliveryStatus',
    description:
      'pending (queued), retrying (failed, another attempt at nextRetryAt), succeeded (2xx), failed (out of attempts), refused (the target address is not allowed; never retried)',
  })
  status: DeliveryStatus;

  @ApiProperty({ example: 1, description: 'Attempts made so far' })
  attempts: number;

  @ApiProperty({ type: Number, nullable: true, example: 200, description: 'Of the last attempt' })
  statusCode: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 84,
    description: 'Of the last attempt (ms)',
  })
  durationMs: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'Answered 500' })
  error: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The receiver’s answer, first 1 KB' })
  responseBody: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  nextRetryAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  deliveredAt: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The body sent: `{ id, type, timestamp, data: { receipt: { id, status, summary, reviewIssues, error, links } } }`',
  })
  payload: object;

  static from(d: WebhookDeliveryEntity): WebhookDeliveryResponseDto {
    return {
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      statusCode: d.lastStatusCode,
      durationMs: d.lastDurationMs,
      error: d.lastError,
      responseBody: d.responseBody,
      nextRetryAt: d.nextRetryAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      payload: d.payload,
    };
  }
}
