import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ArithmeticChecksDto } from './arithmetic-checks.dto.js';
import { LineItemDto } from './line-item.dto.js';
import { ReceiptFieldDto } from './receipt-field.dto.js';
import { TaxLineDto } from './tax-line.dto.js';

const field = (description: string, example?: string) =>
  ApiProperty({
    type: ReceiptFieldDto,
    description,
    ...(example === undefined
      ? {}
      : { example: { value: example, confidence: 0.9, source: null } }),
  });

/**
 * The structured record of a completed (or needs_review) receipt. Every field is
 * `{ value, confidence, source }`; money is a decimal string with the currency's minor units.
 */
@ApiSchema({
  name: 'ReceiptRecord',
  description:
    'The fields extracted from a receipt; every field is { value, confidence, source }, money a decimal string',
})
export class ReceiptRecordDto {
  @field('Merchant (shop or company) name', 'CORNER CAFE LTD')
  merchantName: ReceiptFieldDto;

  @field('Merchant address, lines joined by ", "')
  address: ReceiptFieldDto;

  @field('Merchant phone number, as printed')
  phone: ReceiptFieldDto;

  @field('Tax or company registration id (VAT no., GST no., SIRET …)')
  taxId: ReceiptFieldDto;

  @field('Receipt, invoice or transaction number')
  receiptNumber: ReceiptFieldDto;

  @field('Purchase date, ISO 8601 (YYYY-MM-DD)', '2024-03-15')
  date: ReceiptFieldDto;

  @field('Purchase time, 24-hour HH:MM or HH:MM:SS', '12:41')
  time: ReceiptFieldDto;

  @field('ISO 4217 currency code', 'GBP')
  currency: ReceiptFieldDto;

  @field('Subtotal before tax, tip and discount')
  subtotal: ReceiptFieldDto;

  @field('Total tax')
  taxTotal: ReceiptFieldDto;

  @ApiProperty({ type: [TaxLineDto], description: 'Tax lines as printed (rate and amount)' })
  taxLines: TaxLineDto[];

  @field('Tip or service charge')
  tip: ReceiptFieldDto;

  @field('Discount, as a positive amount taken off')
  discount: ReceiptFieldDto;

  @field('Amount paid', '42.50')
  total: ReceiptFieldDto;

  @field('How it was paid: cash, card, mobile or other', 'card')
  paymentMethod: ReceiptFieldDto;

  @field('Last four digits of the card, when printed', '4242')
  cardLast4: ReceiptFieldDto;

  @ApiProperty({ type: [LineItemDto] })
  lineItems: LineItemDto[];

  @ApiProperty({
    type: ArithmeticChecksDto,
    description: 'Whether the amounts add up; a failed check makes the receipt needs_review',
  })
  checks: ArithmeticChecksDto;
}
