import { ApiExtraModels, ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { FieldSource } from '../../../ocr/parsing/receipt-record.js';
import { FieldSourceDto } from './field-source.dto.js';
import { FIELD_SOURCE_SCHEMA } from './field-source.schema.js';

/** One extracted value with how sure extraction is and where it came from. */
@ApiExtraModels(FieldSourceDto)
@ApiSchema({
  name: 'ReceiptField',
  description: 'One extracted value, how sure extraction is (0–1) and where it came from',
})
export class ReceiptFieldDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '42.50',
    description: 'The value as text (money as a decimal string); null when not found',
  })
  value: string | null;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.93, description: '1 for a correction' })
  confidence: number;

  @ApiProperty(FIELD_SOURCE_SCHEMA)
  source: FieldSource | 'user' | null;
}
