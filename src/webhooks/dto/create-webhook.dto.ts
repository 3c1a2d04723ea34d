import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../webhook-events.js';

@ApiSchema({ name: 'WebhookCreate', description: 'A new webhook subscription' })
export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://hooks.example.com/receipt-vault',
    maxLength: 2048,
    description:
      'http(s) URL without credentials; https in production. Private, loopback and link-local addresses are refused unless the operator allows them (WEBHOOK_ALLOW_PRIVATE_HOSTS).',
  })
  @IsString()
  // Longer URLs get WEBHOOK_URL_INVALID from the guard; this only bounds the work.
  @MaxLength(10_000)
  url: string;

  @ApiProperty({
    type: [String],
    enum: WEBHOOK_EVENTS,
    enumName: 'WebhookEventType',
    example: ['receipt.completed', 'receipt.needs_review'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: 200, example: 'Bookkeeping sync' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}
