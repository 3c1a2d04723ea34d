import { ApiProperty } from '@nestjs/swagger';
import { HistoryAction, type HistoryEntry } from '../history/receipt-history.repository.js';

export class ReceiptHistoryEntryDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ enum: Object.values(HistoryAction) })
  action: HistoryAction;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The field changed (merchantName, total, tags, category, note, status …)',
  })
  field: string | null;

  @ApiProperty({
    nullable: true,
    description: 'The value before',
    type: 'object',
    additionalProperties: true,
  })
  oldValue: unknown;

  @ApiProperty({
    nullable: true,
    description: 'The value after',
    type: 'object',
    additionalProperties: true,
  })
  newValue: unknown;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'Who (null: an admin command)',
  })
  actorId: string | null;

  @ApiProperty({ description: 'When (ISO 8601)' })
  at: string;

  static from(entry: HistoryEntry): ReceiptHistoryEntryDto {
    return { ...entry, at: entry.at.toISOString() };
  }
}

export class ReceiptHistoryDto {
  @ApiProperty({ type: [ReceiptHistoryEntryDto], description: 'Oldest first' })
  items: ReceiptHistoryEntryDto[];
}
