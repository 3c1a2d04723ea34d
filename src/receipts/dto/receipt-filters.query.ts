import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CATEGORIES, type Category } from '../categories/categories.js';
import { ReceiptStatus } from '../receipt-status.js';
import { CURRENCY_CODES } from '../records/currencies.js';
import { queryArray, queryBoolean } from './query-transforms.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const AMOUNT = /^-?\d{1,12}(\.\d{1,4})?$/;

/**
 * The filters shared by the list, stats and exports. Each is served by an index (see the
 * migration); cross-field rules (`from` ≤ `to`, `minTotal` ≤ `maxTotal`) are checked by the
 * search service.
 */
export class ReceiptFiltersQuery {
  @ApiPropertyOptional({ enum: Object.values(ReceiptStatus), enumName: 'ReceiptStatus' })
  @IsOptional()
  @IsIn(Object.values(ReceiptStatus))
  status?: ReceiptStatus;

  @ApiPropertyOptional({
    description:
      'Up to 200 characters. Full-text search over merchant, address, OCR text, line items, note, tags and filename; every word ' +
      'must match (as a prefix). Results are ranked by relevance unless another sort is asked for.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    example: '2024-03-01',
    description: 'Receipt date on or after (ISO 8601)',
  })
  @IsOptional()
  @Matches(DATE, { message: 'from must be an ISO 8601 date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ example: '2024-03-31', description: 'Receipt date on or before' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be an ISO 8601 date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ example: '10.00', description: 'Total at least (decimal string)' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'minTotal must be a decimal string such as "10.00"' })
  minTotal?: string;

  @ApiPropertyOptional({ example: '99.99', description: 'Total at most' })
  @IsOptional()
  @Matches(AMOUNT, { message: 'maxTotal must be a decimal string such as "99.99"' })
  maxTotal?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217 code' })
  @IsOptional()
  @IsIn(CURRENCY_CODES, { message: 'currency must be an ISO 4217 code' })
  currency?: string;

  @ApiPropertyOptional({ description: 'Merchant name, case-insensitive, exact' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  merchant?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Repeatable (`tag=a&tag=b`): receipts carrying every one of these tags',
  })
  @IsOptional()
  @Transform(queryArray)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  tag?: string[];

  @ApiPropertyOptional({ enum: CATEGORIES, enumName: 'Category' })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: Category;

  @ApiPropertyOptional({ description: 'Only receipts whose checks found issues (or none: false)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'hasIssues must be true or false' })
  hasIssues?: boolean;

  @ApiPropertyOptional({ description: 'Only possible duplicates (or none: false)' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'duplicates must be true or false' })
  duplicates?: boolean;
}
