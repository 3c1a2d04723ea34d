import { type ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { FieldSourceDto } from './field-source.dto.js';

/**
 * A value's origin: the OCR line it was read from, `"user"` when a person corrected it, or
 * null when nothing was found. Shared by fields and line items.
 */
export const FIELD_SOURCE_SCHEMA: ApiPropertyOptions = {
  nullable: true,
  oneOf: [
    { $ref: getSchemaPath(FieldSourceDto) },
    { type: 'string', enum: ['user'], description: 'Corrected by a person' },
  ],
};
