import { ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** When each stage of the latest run started (ISO 8601) and how long it took (ms). */
@ApiSchema({
  name: 'ReceiptTimings',
  description: 'When each stage of the latest run started (ISO 8601) and how long it took (ms)',
})
export class ReceiptTimingsDto {
  @ApiPropertyOptional({ format: 'date-time' })
  queuedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  preparingAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  readingAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  extractingAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  savingAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  finishedAt?: string;

  @ApiPropertyOptional({ example: 180, description: 'Image preparation (decode, rotate, clean)' })
  preparingMs?: number;

  @ApiPropertyOptional({ example: 1450, description: 'OCR or reading the PDF text layer' })
  readingMs?: number;

  @ApiPropertyOptional({ example: 12, description: 'Parsing the text into fields' })
  extractingMs?: number;

  @ApiPropertyOptional({ example: 25 })
  savingMs?: number;

  @ApiPropertyOptional({ example: 1720, description: 'From the start of the run to the end' })
  totalMs?: number;
}
