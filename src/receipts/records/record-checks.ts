import type { ArithmeticChecks } from '../../ocr/parsing/receipt-record.js';

/** Amounts of a record in whole cents; null when the field has no value. */
export interface RecordAmounts {
  items: number[];
  subtotal: number | null;
  tax: number | null;
  tip: number | null;
  /** Positive: taken off. */
  discount: number | null;
  total: number | null;
  /** The currency rounds cash totals (to 0.05 or 0.10). */
  cashRounding: boolean;
}

const CENT = 1;
const CASH_ROUNDING = 5;

/**
 * The arithmetic a corrected record must satisfy, run by the API after a correction. It is the
 * same rule as the parser's `checkArithmetic` (src/ocr/parsing/checks.ts), which the API may
 * not load (the API's import graph never reaches src/ocr); `record-checks.spec.ts` runs both
 * over one table of cases so they cannot drift apart.
 */
export function checkRecordAmounts(a: RecordAmounts): ArithmeticChecks {
  const issues: string[] = [];
  const itemsSum = a.items.length ? a.items.reduce((sum, cents) => sum + cents, 0) : null;
  const close = (x: number, y: number, slack: number) => Math.abs(x - y) <= slack;

  let itemsMatchSubtotal: boolean | null = null;
  if (itemsSum !== null && a.subtotal !== null) {
    const subtotal = a.subtotal;
    // Printed either before the discount or after it.
    itemsMatchSubtotal = [itemsSum, itemsSum - (a.discount ?? NaN)].some((sum) =>
      close(sum, subtotal, CENT),
    );
    if (!itemsMatchSubtotal) {
      issues.push(`Line items add up to ${cents(itemsSum)}, not the subtotal ${cents(subtotal)}.`);
    }
  }

  let totalsAdd: boolean | null = null;
  const base = a.subtotal ?? itemsSum;
  if (a.total !== null && base !== null) {
    const tip = a.tip ?? 0;
    const tax = a.tax ?? 0;
    const off = a.discount ?? 0;
    // Tax on top or included in the prices; a subtotal possibly already net of the discount.
    const expected = [base + tip - off];
    if (a.tax !== null) expected.push(base + tax + tip - off);
    if (a.discount !== null && a.subtotal !== null) expected.push(base + tip + tax, base + tip);
    const total = a.total;
    totalsAdd = expected.some((sum) => close(sum, total, a.cashRounding ? CASH_ROUNDING : CENT));
    if (!totalsAdd) {
      const parts = [`subtotal ${cents(base)}`];
      if (a.tax !== null) parts.push(`tax ${cents(a.tax)}`);
      if (a.tip !== null) parts.push(`tip ${cents(a.tip)}`);
      if (a.discount !== null) parts.push(`discount ${cents(a.discount)}`);
      issues.push(`The total ${cents(total)} does not follow from ${parts.join(', ')}.`);
    }
  }
  return { itemsMatchSubtotal, totalsAdd, issues };
}

function cents(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
