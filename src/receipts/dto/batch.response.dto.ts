import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ErrorCode } from '../../common/errors/error-code.js';
import { ReceiptStatus } from '../receipt-status.js';

/** A receipt's status as a batch reports it: `deleted` once the receipt was purged. */
export const BatchReceiptStatus = { ...ReceiptStatus, DELETED: 'deleted' } as const;
export type BatchReceiptStatus = (typeof BatchReceiptStatus)[keyof typeof BatchReceiptStatus];

@ApiSchema({ name: 'BatchEntryError', description: 'Why one file of a batch was refused' })
export class BatchEntryErrorDto {
  @ApiProperty({
    enum: Object.values(ErrorCode),
    enumName: 'ErrorCode',
    example: 'FILE_TOO_LARGE',
    description: 'The code a single upload of this file would have been refused with',
  })
  code: string;

  @ApiProperty({ example: 'The file is larger than the 20971520 bytes allowed' })
  message: string;
}

@ApiSchema({
  name: 'BatchEntry',
  description:
    'One `file` part of a batch, in request order: either a receipt (`id`, `status`, and ' +
    '`duplicateOf` for bytes uploaded before) or an `error`',
})
export class BatchEntryDto {
  @ApiProperty({ minimum: 0, description: '0-based position of the `file` part in the request' })
  index: number;

  @ApiProperty({ nullable: true, type: String, description: 'The client filename (metadata only)' })
  filename: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  id?: string;

  @ApiPropertyOptional({
    enum: Object.values(BatchReceiptStatus),
    enumName: 'BatchReceiptStatus',
    description: 'The receipt status (at upload in the POST answer, current in GET)',
  })
  status?: BatchReceiptStatus;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Set when the same file was uploaded before: the existing receipt',
  })
  duplicateOf?: string;

  @ApiPropertyOptional({ type: BatchEntryErrorDto })
  error?: BatchEntryErrorDto;
}

@ApiSchema({ name: 'BatchLinks', description: 'Where to read and watch a batch' })
export class BatchLinksDto {
  @ApiProperty({ example: '/v1/batches/7b1e…' })
  self: string;

  @ApiProperty({ example: '/v1/batches/7b1e…/events', description: 'Server-Sent Events' })
  events: string;
}

export function batchLinks(id: string): BatchLinksDto {
  const self = `/v1/batches/${id}`;
  return { self, events: `${self}/events` };
}

@ApiSchema({
  name: 'BatchAccepted',
  description: 'The answer to a batch upload: one entry per `file` part',
})
export class BatchAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  batchId: string;

  @ApiProperty({ type: [BatchEntryDto] })
  receipts: BatchEntryDto[];

  @ApiProperty({ type: BatchLinksDto })
  links: BatchLinksDto;
}

@ApiSchema({ name: 'BatchCounts', description: 'How many entries of a batch are in each state' })
export class BatchCountsDto {
  @ApiProperty() queued: number;
  @ApiProperty() processing: number;
  @ApiProperty() completed: number;
  @ApiProperty() needs_review: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: 'Receipts purged since (no longer exist)' }) deleted: number;
  @ApiProperty({ description: 'Files refused at upload (entries with an `error`)' })
  refused: number;
}

@ApiSchema({ name: 'Batch', description: 'A batch upload and the current state of its receipts' })
export class BatchResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: 'Number of `file` parts (entries)' })
  total: number;

  @ApiProperty({
    description:
      'True when every receipt is completed, needs_review, failed or deleted (refused files count as done)',
  })
  done: boolean;

  @ApiProperty({ type: BatchCountsDto })
  counts: BatchCountsDto;

  @ApiProperty({ type: [BatchEntryDto] })
  receipts: BatchEntryDto[];

  @ApiProperty({ type: BatchLinksDto })
  links: BatchLinksDto;
}
