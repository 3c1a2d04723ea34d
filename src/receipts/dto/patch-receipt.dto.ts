import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CATEGORIES, type Category } from '../categories/categories.js';
import { CURRENCY_CODES } from '../records/currencies.js';

/** Non-negative decimal string; the currency's minor units are checked by the service. */
const MONEY = /^\d{1,12}(\.\d{1,4})?$/;
const MONEY_MESSAGE = 'must be a non-negative decimal string such as "12.50"';
/** A calendar date; impossible days (2024-02-30) are refused by the service. */
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const QUANTITY = /^\d{1,6}(\.\d{1,3})?$/;

export class LineItemDto {
  @ApiPropertyOptional({ maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  description: string;

  @ApiPropertyOptional({ example: '1', description: 'Decimal string' })
  @IsString()
  @Matches(QUANTITY, { message: 'quantity must be a decimal string such as "2" or "0.5"' })
  quantity: string;

  @ApiPropertyOptional({ example: '3.20' })
  @IsString()
  @Matches(MONEY, { message: `unitPrice ${MONEY_MESSAGE}` })
  unitPrice: string;

  @ApiPropertyOptional({ example: '3.20' })
  @IsString()
  @Matches(MONEY, { message: `amount ${MONEY_MESSAGE}` })
  amount: string;
}

/**
 * A JSON merge-patch (RFC 7396) of a receipt: a member present sets that field (the value
 * then has `source: "user"` and confidence 1), `null` sets it to "no value", an absent member
 * leaves it alone. `lineItems` and `tags` replace the whole list.
 */
export class PatchReceiptDto {
  // `type: String` on each nullable field: the design type of `string | null` is Object, which
  // would document (and generate clients with) an object instead of a nullable string.
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  merchantName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2024-03-15',
    description: 'ISO 8601 date',
  })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'date must be an ISO 8601 date (YYYY-MM-DD)' })
  date?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '13:45',
    description: 'HH:MM or HH:MM:SS',
  })
  @IsOptional()
  @IsString()
  @Matches(TIME, { message: 'time must be HH:MM or HH:MM:SS (24-hour)' })
  time?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'EUR',
    description: 'ISO 4217 code',
  })
  @IsOptional()
  @IsIn(CURRENCY_CODES, { message: 'currency must be an ISO 4217 code' })
  currency?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '40.00' })
  @IsOptional()
  @IsString()
  @Matches(MONEY, { message: `subtotal ${MONEY_MESSAGE}` })
  subtotal?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2.50' })
  @IsOptional()
  @IsString()
  @Matches(MONEY, { message: `taxTotal ${MONEY_MESSAGE}` })
  taxTotal?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0.00' })
  @IsOptional()
  @IsString()
  @Matches(MONEY, { message: `tip ${MONEY_MESSAGE}` })
  tip?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0.00',
    description: 'Positive: taken off',
  })
  @IsOptional()
  @IsString()
  @Matches(MONEY, { message: `discount ${MONEY_MESSAGE}` })
  discount?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '42.50' })
  @IsOptional()
  @IsString()
  @Matches(MONEY, { message: `total ${MONEY_MESSAGE}` })
  total?: string | null;

  @ApiPropertyOptional({ nullable: true, enum: ['cash', 'card', 'mobile', 'other'] })
  @IsOptional()
  @IsIn(['cash', 'card', 'mobile', 'other'])
  paymentMethod?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '4242' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}$/, { message: 'cardLast4 must be four digits' })
  cardLast4?: string | null;

  @ApiPropertyOptional({ type: [LineItemDto], description: 'Replaces every line item' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  lineItems?: LineItemDto[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'Replaces the tags; case-insensitive, at most 20 of 1–50 characters',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(50, { each: true })
  tags?: string[] | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: CATEGORIES,
    description: 'Overrides the suggested category (source becomes "user")',
  })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: Category | null;
}
