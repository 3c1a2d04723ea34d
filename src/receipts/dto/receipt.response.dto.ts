import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ReceiptRecord } from '../../ocr/parsing/receipt-record.js';
import type { ReceiptEntity, ReceiptTimings } from '../receipt.entity.js';
import { ReceiptStage, ReceiptStatus } from '../receipt-status.js';

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

export class ReceiptErrorDto {
  @ApiProperty({ enum: ['FILE_UNREADABLE', 'OCR_FAILED', 'EXTRACTION_FAILED', 'TIMEOUT'] })
  code: string;

  @ApiProperty()
  message: string;
}

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

export class ReceiptAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: Object.values(ReceiptStatus) })
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

export class ReceiptResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: Object.values(ReceiptStatus) })
  status: ReceiptStatus;

  @ApiProperty({
    enum: Object.values(ReceiptStage),
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

  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description:
      'When completed or needs_review: every field as { value, confidence (0–1), source: { line, text } | null } — ' +
      'merchantName, address, phone, taxId, receiptNumber, date, time, currency, subtotal, taxTotal, taxLines, tip, ' +
      'discount, total, paymentMethod, cardLast4, lineItems, and checks { itemsMatchSubtotal, totalsAdd, issues }',
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
    type: 'object',
    additionalProperties: true,
    description: 'Per-stage timestamps (…At) and durations (…Ms) of the latest run',
  })
  timings: ReceiptTimings;

  @ApiProperty()
  createdAt: string;

  @ApiProperty()
  updatedAt: string;

  @ApiProperty({ nullable: true, type: String })
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

export class ReceiptPageDto {
  @ApiProperty({ type: [ReceiptResponseDto] })
  items: ReceiptResponseDto[];

  @ApiProperty({ description: 'Receipts matching the filter, over all pages' })
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

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
