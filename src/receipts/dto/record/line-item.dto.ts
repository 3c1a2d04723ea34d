import { ApiExtraModels, ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { FieldSource } from '../../../ocr/parsing/receipt-record.js';
import { FieldSourceDto } from './field-source.dto.js';
import { FIELD_SOURCE_SCHEMA } from './field-source.schema.js';

@ApiExtraModels(FieldSourceDto)
@ApiSchema({ name: 'LineItem', description: 'One purchased item' })
export class LineItemDto {
  @ApiProperty({ example: 'Flat White' })
  description: string;

  @ApiProperty({ example: '2', description: 'Decimal string ("2", "0.5")' })
  quantity: string;

  @ApiProperty({ example: '3.20', description: 'Decimal string' })
  unitPrice: string;

  @ApiProperty({ example: '6.40', description: 'Decimal string: quantity × unit price' })
  amount: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.88 })
  confidence: number;

  @ApiProperty(FIELD_SOURCE_SCHEMA)
  source: FieldSource | 'user' | null;
}
