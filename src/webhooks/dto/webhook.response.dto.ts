import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../webhook-events.js';
import type { WebhookEntity } from '../webhook.entity.js';

@ApiSchema({
  name: 'Webhook',
  description: 'A webhook subscription (its secret is shown only at creation)',
})
export class WebhookResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'https://hooks.example.com/receipt-vault' })
  url: string;

  @ApiProperty({ type: [String], enum: WEBHOOK_EVENTS, enumName: 'WebhookEventType' })
  events: WebhookEventType[];

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  static from(webhook: WebhookEntity): WebhookResponseDto {
    return {
      id: webhook.id,
      url: webhook.url,
      events: webhook.events,
      description: webhook.description,
      createdAt: webhook.createdAt.toISOString(),
    };
  }
}
