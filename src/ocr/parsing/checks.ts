import type { ArithmeticChecks } from './receipt-record.js';
import { formatMinor } from './money.js';

export interface CheckInput {
  /** Minor units; null when not found. */
  items: number[];
  subtotal: number | null;
  tax: number | null;
  tip: number | null;
  /** Positive minor units taken off. */
  discount: number | null;
  total: number | null;
  /** A rounding line was printed: cash rounding may move the total by a few cents. */
  rounded: boolean;
  /** The locale's cash-rounding step in minor units (5: to 0.05); 5 when not given. */
  cashRoundingStep?: number | null;
}

/** Printed figures are exact; a cent of slack covers per-line rounding of tax. */
const TOLERANCE = 1;
/** Cash rounding to 0.05 (Malaysia, Australia, Switzerland …). */
const ROUNDING_TOLERANCE = 5;

/**
 * The arithmetic a receipt should satisfy. Failures never throw: they become issues, and a
 * receipt with issues is sent for review instead of being trusted.
 */
export function checkArithmetic(input: CheckInput): ArithmeticChecks {
  const issues: string[] = [];
  const tolerance = input.rounded ? (input.cashRoundingStep ?? ROUNDING_TOLERANCE) : TOLERANCE;
  const itemsSum =
    input.items.length > 0 ? input.items.reduce((sum, amount) => sum + amount, 0) : null;

  let itemsMatchSubtotal: boolean | null = null;
  if (itemsSum !== null && input.subtotal !== null) {
    // Some printers show the subtotal after the discount.
    itemsMatchSubtotal =
      near(itemsSum, input.subtotal, TOLERANCE) ||
      (input.discount !== null && near(itemsSum - input.discount, input.subtotal, TOLERANCE));
    if (!itemsMatchSubtotal) {
      issues.push(
        `Line items add up to ${formatMinor(itemsSum)}, not the subtotal ${formatMinor(input.subtotal)}.`,
      );
    }
  }

  let totalsAdd: boolean | null = null;
  const base = input.subtotal ?? itemsSum;
  if (input.total !== null && base !== null) {
    const extras = (input.tip ?? 0) - (input.discount ?? 0);
    const candidates = [base + extras];
    // Tax printed on top of the subtotal, or only shown as "included" (VAT/GST-inclusive prices).
    if (input.tax !== null) candidates.unshift(base + input.tax + extras);
    // A subtotal printed after the discount already has it taken off.
    if (input.discount !== null && input.subtotal !== null) {
      candidates.push(base + (input.tip ?? 0) + (input.tax ?? 0), base + (input.tip ?? 0));
    }
    totalsAdd = candidates.some((expected) => near(expected, input.total as number, tolerance));
    if (!totalsAdd) {
      const parts = [`subtotal ${formatMinor(base)}`];
      if (input.tax !== null) parts.push(`tax ${formatMinor(input.tax)}`);
      if (input.tip !== null) parts.push(`tip ${formatMinor(input.tip)}`);
      if (input.discount !== null) parts.push(`discount ${formatMinor(input.discount)}`);
      issues.push(
        `The total ${formatMinor(input.total)} does not follow from ${parts.join(', ')}.`,
      );
    }
  }
  return { itemsMatchSubtotal, totalsAdd, issues };
}

function near(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance;
}
