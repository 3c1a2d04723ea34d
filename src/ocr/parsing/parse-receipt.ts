import { findAddress } from './address/find-address.js';
import { calibrateFields, reviewIssues } from './calibration.js';
import { checkArithmetic } from './checks.js';
import { findCurrency } from './currency/find-currency.js';
import { dayMonthOrder } from './dates/date-order.js';
import { findDate, findTime } from './dates/find-date.js';
import { findPhone, findReceiptNumber, findTaxId } from './identifiers/find-identifiers.js';
import { findLineItems } from './items/find-line-items.js';
import { ROUNDING } from './keywords.js';
import { minorUnitsOf } from './locales/currencies.js';
import { findMerchant } from './merchant/find-merchant.js';
import { findPayment } from './payment/find-payment.js';
import type { ParseOptions, ParserLine, ReceiptRecord } from './receipt-record.js';
import { buildRows, ReceiptRows } from './rows.js';
import { findTotals, moneyField } from './totals/find-totals.js';

/**
 * Pure text → fields: the receipt's lines in reading order in, a ReceiptRecord out. One
 * extractor per field (merchant/, address/, dates/, totals/, items/, currency/, payment/,
 * identifiers/) over the shared row model (rows.ts); label vocabularies, months, date order,
 * currencies and cash rounding come from the locale files (locales/). Rules are general
 * (labels, layout position, arithmetic agreement), not tuned to one country's receipts; every
 * field carries the line it came from and a confidence that blends how strong the rule was
 * with how sure the OCR was of that line.
 */
export function parseReceipt(
  input: ReadonlyArray<ParserLine | string>,
  options: ParseOptions = {},
): ReceiptRecord {
  const firstRead = buildRows(input);
  const currency = findCurrency(firstRead);
  // Amounts are read again where the currency does not have two decimals (JPY, KWD).
  const minorUnits = minorUnitsOf(currency.field.value);
  const lines = minorUnits === 2 ? firstRead : buildRows(input, minorUnits);
  const context = new ReceiptRows(lines, minorUnits);
  const { locale } = currency;

  const order = dayMonthOrder(lines, locale);
  const date = findDate(lines, order, options.latestDate);
  const time = findTime(lines, date.source?.line ?? null);
  const amounts = findTotals(context);
  const merchant = findMerchant(lines);
  const address = findAddress(lines, merchant.lastLine);
  const items = findLineItems(context, merchant.lastLine, amounts.firstSummaryLine);
  const payment = findPayment(lines, amounts.totalLine);

  const checks = checkArithmetic({
    items: items.map((item) => item.minor),
    subtotal: amounts.subtotal?.minor ?? null,
    tax: amounts.taxTotal?.minor ?? null,
    tip: amounts.tip?.minor ?? null,
    discount: amounts.discount ? Math.abs(amounts.discount.minor) : null,
    total: amounts.total?.minor ?? null,
    rounded: lines.some((line) => ROUNDING.test(line.upper) || /ROUND/.test(line.upper)),
    cashRoundingStep: locale.cashRounding,
  });
  const money = (value: Parameters<typeof moneyField>[0]) => moneyField(value, minorUnits);
  const calibrated = calibrateFields(
    { merchantName: merchant.field, address, date, total: money(amounts.total) },
    checks,
  );
  checks.issues.push(...reviewIssues(calibrated, amounts.total?.repaired === true));
  if (!amounts.total) checks.issues.unshift('No total was found.');
  if (!date.value) checks.issues.unshift('No purchase date was found.');

  return {
    ...calibrated,
    phone: findPhone(lines),
    taxId: findTaxId(lines),
    receiptNumber: findReceiptNumber(lines),
    time,
    currency: currency.field,
    subtotal: money(amounts.subtotal),
    taxTotal: money(amounts.taxTotal),
    taxLines: amounts.taxLines,
    tip: money(amounts.tip),
    discount: money(
      amounts.discount && { ...amounts.discount, minor: Math.abs(amounts.discount.minor) },
    ),
    paymentMethod: payment.method,
    cardLast4: payment.cardLast4,
    lineItems: items.map(({ minor: _minor, ...item }) => item),
    checks,
  };
}
