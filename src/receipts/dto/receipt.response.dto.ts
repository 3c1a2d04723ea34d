import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { ReceiptRecord } from '../../ocr/parsing/receipt-record.js';
import type { ReceiptEntity, ReceiptTimings } from '../receipt.entity.js';
import { CATEGORIES, type Category } from '../categories/categories.js';
import { FAILURE_CODES, ReceiptStage, ReceiptStatus } from '../receipt-status.js';
import { ReceiptRecordDto } from './record/receipt-record.dto.js';
import { ReceiptTimingsDto } from './record/receipt-timings.dto.js';

@ApiSchema({ name: 'ReceiptLinks', description: 'Where to read, watch and download a receipt' })
export class ReceiptLinksDto {
  @ApiProperty({ example: '/v1/receipts/3f0c…' })
  self: string;

  @ApiProperty({
    example: '/v1/receipts/3f0c…/events',
    description: 'Server-Sent Events of its progress',
  })
  events: string;

  @ApiProperty({ example: '/v1/receipts/3f0c…/file', description: 'The original upload' })
  file: string;
}

@ApiSchema({ name: 'ReceiptError', description: 'Why processing failed' })
export class ReceiptErrorDto {
  @ApiProperty({ enum: [...FAILURE_CODES], enumName: 'FailureCode', example: 'OCR_FAILED' })
  code: string;

  @ApiProperty({ example: 'The text of the receipt could not be read.' })
  message: string;
}

@ApiSchema({
  name: 'ReceiptSummary',
  description: 'The key fields, also when the record is not loaded',
})
export class ReceiptSummaryDto {
  @ApiProperty({ nullable: true, type: String })
  merchantName: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '2024-03-15',
    description: 'ISO 8601 date',
  })
  date: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '42.50',
    description: 'Decimal string, never a float',
  })
  total: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'EUR', description: 'ISO 4217' })
  currency: string | null;
}

@ApiSchema({ name: 'ReceiptCategory', description: 'The category and who chose it' })
export class ReceiptCategoryDto {
  @ApiProperty({ enum: CATEGORIES, nullable: true, type: String })
  value: Category | null;

  @ApiProperty({
    enum: ['rule', 'user'],
    nullable: true,
    type: String,
    description: '`rule`: suggested from the merchant and items; `user`: set by you',
  })
  source: 'rule' | 'user' | null;
}

@ApiSchema({
  name: 'ReceiptAccepted',
  description: 'An accepted upload (or the existing receipt for a duplicate)',
})
export class ReceiptAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: Object.values(ReceiptStatus), enumName: 'ReceiptStatus' })
  status: ReceiptStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Set when the same file was uploaded before: the existing receipt',
  })
  duplicateOf?: string;

  @ApiProperty({ type: ReceiptLinksDto })
  links: ReceiptLinksDto;
}

export function receiptLinks(id: string): ReceiptLinksDto {
  const self = `/v1/receipts/${id}`;
  return { self, events: `${self}/events`, file: `${self}/file` };
}

@ApiSchema({
  name: 'Receipt',
  description: 'A receipt: its processing state and, when done, the extracted record',
})
export class ReceiptResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: Object.values(ReceiptStatus), enumName: 'ReceiptStatus' })
  status: ReceiptStatus;

  @ApiProperty({
    enum: Object.values(ReceiptStage),
    enumName: 'ReceiptStage',
    nullable: true,
    description: 'While processing',
  })
  stage: ReceiptStage | null;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent, at the last stage change' })
  progress: number;

  @ApiProperty({ description: 'Processing attempts so far' })
  attempts: number;

  @ApiProperty({ nullable: true, type: String, description: 'The client filename (metadata only)' })
  filename: string | null;

  @ApiProperty({ example: 'image/jpeg', description: 'Decided from the bytes, not the client' })
  mimeType: string;

  @ApiProperty()
  sizeBytes: number;

  @ApiProperty({ description: 'SHA-256 of the original, hex' })
  sha256: string;

  @ApiProperty({ nullable: true, type: Number })
  pages: number | null;

  @ApiProperty({ nullable: true, type: String })
  note: string | null;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ type: ReceiptSummaryDto })
  summary: ReceiptSummaryDto;

  @ApiProperty({ type: ReceiptCategoryDto })
  category: ReceiptCategoryDto;

  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'The weakest confidence (0–1) of merchant, date and total; review least certain first',
  })
  confidence: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'When the record was confirmed as is' })
  confirmedAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Who confirmed it' })
  confirmedBy: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'An older receipt with the same merchant, date and total (nothing is deleted)',
  })
  possibleDuplicateOf: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'When it was moved to the trash' })
  deletedAt: string | null;

  @ApiProperty({ description: 'Changes on every write; the ETag is built from it' })
  version: number;

  @ApiProperty({
    type: ReceiptRecordDto,
    nullable: true,
    description: 'The extracted fields, when completed or needs_review; null before that',
  })
  record: ReceiptRecord | null;

  @ApiProperty({
    type: [String],
    description: 'Why the receipt needs review (arithmetic that does not add up, missing fields)',
  })
  reviewIssues: string[];

  @ApiProperty({
    type: ReceiptErrorDto,
    nullable: true,
    description: 'When failed, or the last failed attempt while retrying',
  })
  error: ReceiptErrorDto | null;

  @ApiProperty({ nullable: true, type: String, enum: ['tesseract', 'pdf-text', 'mixed'] })
  engine: string | null;

  @ApiProperty({
    type: ReceiptTimingsDto,
    description: 'Per-stage timestamps (…At) and durations (…Ms) of the latest run',
  })
  timings: ReceiptTimings;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  finishedAt: string | null;

  @ApiProperty({ type: ReceiptLinksDto })
  links: ReceiptLinksDto;

  static from(r: ReceiptEntity): ReceiptResponseDto {
    return {
      id: r.id,
      status: r.status,
      stage: r.stage,
      progress: r.progress,
      attempts: r.attempts,
      filename: r.originalFilename,
      mimeType: r.mimeType,
      sizeBytes: r.sizeBytes,
      sha256: r.sha256,
      pages: r.pages,
      note: r.note,
      tags: r.tags,
      summary: {
        merchantName: r.merchantName,
        date: r.receiptDate,
        total: r.total,
        currency: r.currency,
      },
      category: { value: r.category, source: r.categorySource },
      confidence: r.confidence,
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      confirmedBy: r.confirmedBy,
      possibleDuplicateOf: r.possibleDuplicateOf,
      deletedAt: r.deletedAt?.toISOString() ?? null,
      version: r.version,
      record: r.record,
      reviewIssues: r.reviewIssues ?? [],
      error: r.errorCode ? { code: r.errorCode, message: r.errorMessage ?? '' } : null,
      engine: r.engine,
      timings: r.timings,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      links: receiptLinks(r.id),
    };
  }
}

@ApiSchema({
  name: 'EventsToken',
  description: 'A short-lived token for one receipt’s event stream',
})
export class EventsTokenDto {
  @ApiProperty({
    description: 'Pass as `?token=` to the events URL (EventSource cannot send headers)',
  })
  token: string;

  @ApiProperty({ example: 300 })
  expiresIn: number;

  @ApiProperty({ example: '/v1/receipts/3f0c…/events?token=…' })
  url: string;
}
