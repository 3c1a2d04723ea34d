import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope } from '../api-key-scopes.js';

@ApiSchema({ name: 'ApiKeyCreate', description: 'A new API key' })
export class CreateApiKeyDto {
  @ApiProperty({ maxLength: 100, example: 'Bookkeeping sync' })
  @IsString()
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({
    type: [String],
    enum: API_KEY_SCOPES,
    enumName: 'ApiKeyScope',
    example: ['receipts:read', 'exports'],
    description:
      'What the key may do: `receipts:read` (list, search, read, download, watch events, batches, stats, tags, trash), ' +
      '`receipts:write` (upload and batch upload, correct, confirm, tag, delete, restore, reprocess), `exports` (CSV and ZIP ' +
      'exports), `webhooks` (manage webhooks). Scopes are independent: write does not include read.',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes: ApiKeyScope[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2027-01-01T00:00:00Z',
    description:
      'When the key stops working (in the future, at most 10 years away); omit for never',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  expiresAt?: string;
}
