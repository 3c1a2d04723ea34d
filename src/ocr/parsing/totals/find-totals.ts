import { type AmountMatch, findRate, formatMinor } from '../money.js';
import {
  CHANGE,
  DISCOUNT,
  NOT_TOTAL,
  STRONG_TOTAL,
  SUBTOTAL,
  TAX,
  TAX_ID_LABEL,
  TENDERED,
  TIP,
  TOTAL,
} from '../keywords.js';
import type { Field, TaxLine } from '../receipt-record.js';
import { empty, field, lastAmount, type ReceiptRows, type Row } from '../rows.js';

export interface Money {
  minor: number;
  line: Row;
  rule: number;
  /** Not the printed figure: restored from other lines (a misread digit, no readable total). */
  repaired?: boolean;
}

export interface Totals {
  total: Money | null;
  subtotal: Money | null;
  taxTotal: Money | null;
  taxLines: TaxLine[];
  tip: Money | null;
  discount: Money | null;
  totalLine: number | null;
  /** First line of the totals block (subtotal, tax or total): line items end above it. */
  firstSummaryLine: number | null;
}

export function moneyField(money: Money | null, minorUnits = 2): Field<string> {
  return money ? field(formatMinor(money.minor, minorUnits), money.rule, money.line) : empty();
}

// Weights of a labelled total's score. Set by hand from how receipts print totals; the label
// weights were checked on the SROIE tune set (Nov 30), the arithmetic ones follow from what
// the receipt's own figures prove. Calibration (calibration.ts) makes the confidence a
// probability.
/** GRAND TOTAL, AMOUNT DUE, SUMME, TOTAL TTC: the amount paid by name. */
const STRONG_LABEL = 10;
/** TOTAL, TOT, TTL. */
const PLAIN_LABEL = 8;
/** A strong label confirmed by payment or arithmetic: no misread repair is tried. */
const CORROBORATED = 12;
const NO_DECIMAL_POINT = -3;
const AFTER_ROUNDING = 1.5;
const TABLE_ROW = -2;
/** Tendered less change, or a card payment, equals it. */
const CONFIRMED_BY_PAYMENT = 3;
/** Subtotal + tax + tip − discount equals it (within cash rounding). */
const ADDS_UP = 2;
const BELOW_SUBTOTAL = -3;
const NOT_ABOVE_TAX = -4;
/** Up to this much for the last line of the receipt. */
const LATER = 1;

/**
 * Total, subtotal, tax, tip and discount: every labelled total is a candidate, scored by its
 * label, agreement with payment and arithmetic, and position; a total that disagrees with
 * two other printed figures by one misread digit is repaired (and marked so).
 */
export function findTotals(context: ReceiptRows): Totals {
  const { rows: lines } = context;
  // "TOTAL GST 3.08" is a tax line; "TOTAL SALES INCL GST 54.50" is not.
  const isTaxAmountLine = (line: Row) =>
    TAX.test(line.upper) &&
    !TAX_ID_LABEL.test(line.upper) &&
    (!isTotalLabel(line) || NOT_TOTAL.test(line.upper));

  const subtotalLines = lines.filter(
    (line) => SUBTOTAL.test(line.upper) && context.amountFor(line),
  );
  const tipLines = lines.filter(
    (line) => TIP.test(line.upper) && lastAmount(line) && !isTotalLabel(line),
  );
  const discountLines = lines.filter(
    (line) =>
      DISCOUNT.test(line.upper) &&
      lastAmount(line) &&
      !isTotalLabel(line) &&
      !SUBTOTAL.test(line.upper),
  );
  const taxLines = lines.filter(
    (line) => isTaxAmountLine(line) && lastAmount(line) && !SUBTOTAL.test(line.upper),
  );

  // Amounts that confirm a total: what was tendered minus the change, or a card payment.
  const tendered = lines.filter(
    (line) => TENDERED.test(line.upper) && !isTotalLabel(line) && lastAmount(line),
  );
  const change = lines.find((line) => CHANGE.test(line.upper) && lastAmount(line));
  const confirmations = new Set<number>();
  // Printers show change as "20.00-" as often as "20.00".
  const changeGiven = change ? Math.abs((lastAmount(change) as AmountMatch).minor) : 0;
  for (const line of tendered) {
    const paid = (lastAmount(line) as AmountMatch).minor;
    // With change given, what was handed over is not the total; the difference is.
    confirmations.add(changeGiven > 0 ? paid - changeGiven : paid);
  }

  const subtotal = pickLast(subtotalLines, context, 0.85);
  const tax = summariseTax(taxLines);
  const tip = pickLast(tipLines, context, 0.8);
  const discount = pickLast(discountLines, context, 0.75);

  const expectedTotals = subtotal
    ? [
        subtotal.minor + (tax?.minor ?? 0) + (tip?.minor ?? 0) - Math.abs(discount?.minor ?? 0),
        subtotal.minor + (tip?.minor ?? 0) - Math.abs(discount?.minor ?? 0),
      ]
    : [];

  // Every labelled total is a candidate; the label's strength, agreement with the rest of the
  // receipt and position decide.
  const candidates: Array<{ money: Money; score: number }> = [];
  lines.forEach((line, position) => {
    // A "Rounded"/"Rounding" line carrying a whole amount (not a few cents of adjustment) is
    // the rounded total, even when OCR mangled the word TOTAL beside it.
    const roundedTotal =
      /\bROUNDED\b|^\W*ROUNDING\b/.test(line.upper) &&
      !/\bADJ/.test(line.upper) &&
      (lastAmount(line)?.minor ?? 0) >= 100;
    const strong = STRONG_TOTAL.test(line.upper) || roundedTotal;
    if (!strong && !isTotalLabel(line)) return;
    if (NOT_TOTAL.test(line.upper) && !strong) return;
    const found =
      context.amountFor(line) ??
      // A dropped decimal point can only be restored where amounts have two decimals.
      (context.minorUnits === 2 ? undottedAmount(line) : null);
    if (!found || found.amount.minor <= 0) return;
    let score = strong ? STRONG_LABEL : PLAIN_LABEL;
    // An amount whose decimal point OCR lost ("GRAND TOTAL 9280") needs other evidence.
    if (!found.amount.decimals && found.amount.currency === null) score += NO_DECIMAL_POINT;
    // The total after cash rounding is what was paid ("ROUNDED TOTAL", "TOTAL AFTER ADJ").
    if (/ROUND|\bADJ/.test(line.upper)) score += AFTER_ROUNDING;
    // "Total : 93.40 5.60" is the total row of a tax summary table, not the amount due.
    if (found.row === line && line.money.length >= 2) score += TABLE_ROW;
    const minor = found.amount.minor;
    if (confirmations.has(minor)) score += CONFIRMED_BY_PAYMENT;
    if (subtotal) {
      if (expectedTotals.some((value) => Math.abs(value - minor) <= 5)) score += ADDS_UP;
      if (minor < subtotal.minor - Math.abs(discount?.minor ?? 0) - 5) score += BELOW_SUBTOTAL;
    }
    if (tax && minor <= tax.minor) score += NOT_ABOVE_TAX;
    // Later labels win ties: the amount due is printed after the sums that lead to it.
    score += (position / Math.max(1, lines.length)) * LATER;
    candidates.push({ money: { minor, line: found.row, rule: 0 }, score });
  });

  let total: Money | null;
  if (candidates.length > 0) {
    // A larger labelled total outranks an equal score: "TOTAL" above "TOTAL INCL. GST" style pairs.
    candidates.sort((a, b) => b.score - a.score || b.money.minor - a.money.minor);
    const best = candidates[0];
    const rule =
      best.score >= CORROBORATED
        ? 0.97
        : best.score >= STRONG_LABEL
          ? 0.9
          : best.score >= PLAIN_LABEL
            ? 0.75
            : 0.5;
    total = { ...best.money, rule };
    // The printed total disagrees by one misread digit (5 read as 6) with what two other lines
    // say — tendered minus change, or subtotal plus tax: they are the better reading. A single
    // tendered amount is no such evidence (it may be misread too), and a few cents apart is
    // cash rounding, not a misread.
    if (best.score < CORROBORATED && !confirmations.has(best.money.minor)) {
      const paidMinusChange = changeGiven > 0 ? [...confirmations] : [];
      const evidence = [...paidMinusChange, ...expectedTotals.slice(0, 1)].find(
        (value) => Math.abs(value - best.money.minor) > 5 && misreadOf(value, best.money.minor),
      );
      if (evidence !== undefined) {
        total = {
          minor: evidence,
          line: best.money.line,
          rule: REPAIRED_TOTAL_RULE,
          repaired: true,
        };
      }
    }
  } else {
    total = fallbackTotal(lines, confirmations, tendered.length > 0 && changeGiven > 0);
    if (total) total = { ...total, repaired: true };
  }

  const summaryLines = [subtotal, tax, total, ...subtotalLines.map((line) => ({ line }))]
    .filter((entry): entry is { line: Row } => Boolean(entry))
    .map((entry) => entry.line.index);
  return {
    total,
    subtotal,
    taxTotal: tax,
    taxLines: tax
      ? taxLines
          .map((line) => toTaxLine(line, context.minorUnits))
          .filter((line): line is TaxLine => line !== null)
      : [],
    tip,
    discount,
    totalLine: total?.line.index ?? null,
    firstSummaryLine: summaryLines.length > 0 ? Math.min(...summaryLines) : null,
  };
}

export function isTotalLabel(line: Row): boolean {
  return TOTAL.test(line.upper) || STRONG_TOTAL.test(line.upper);
}

function pickLast(candidates: Row[], context: ReceiptRows, rule: number): Money | null {
  for (const line of [...candidates].reverse()) {
    const found = context.amountFor(line);
    if (found) return { minor: found.amount.minor, line: found.row, rule };
  }
  return null;
}

/**
 * Tax lines often repeat (a "GST 6%" line and a tax summary table). A line labelled as the
 * tax total wins; equal amounts count once; otherwise distinct rates add up.
 */
function summariseTax(taxLines: Row[]): Money | null {
  if (taxLines.length === 0) return null;
  const totalLine = taxLines.find((line) => /TOTAL|SUMME|JUMLAH/.test(line.upper));
  if (totalLine)
    return { minor: (lastAmount(totalLine) as AmountMatch).minor, line: totalLine, rule: 0.85 };
  const amounts = taxLines.map((line) => (lastAmount(line) as AmountMatch).minor);
  if (amounts.every((amount) => amount === amounts[0]))
    return { minor: amounts[0], line: taxLines[0], rule: 0.8 };
  const byRate = new Map<string, number>();
  taxLines.forEach((line, index) =>
    byRate.set(findRate(line.text) ?? `line${index}`, amounts[index]),
  );
  const sum = [...byRate.values()].reduce((acc, value) => acc + value, 0);
  return { minor: sum, line: taxLines[0], rule: 0.6 };
}

function toTaxLine(line: Row, minorUnits: number): TaxLine | null {
  const amount = lastAmount(line);
  if (!amount) return null;
  const rate = findRate(line.text);
  const label =
    line.text
      .slice(0, amount.index)
      .replace(/[\s:.]+$/u, '')
      .trim() || line.text;
  return { label, ...(rate ? { rate } : {}), amount: formatMinor(amount.minor, minorUnits) };
}

/** A total-line number whose decimal point OCR dropped: "9280" or "92 80" for 92.80. */
function undottedAmount(line: Row): { amount: AmountMatch; row: Row } | null {
  const match = /(?<![\d.,])(\d{1,5})\s?(\d{2})\s*$/.exec(
    line.text.replace(/[^\d\s]+$/u, '').trimEnd(),
  );
  if (!match || line.money.length > 0) return null;
  const minor = Number(match[1]) * 100 + Number(match[2]);
  return {
    amount: {
      minor,
      decimals: false,
      currency: null,
      index: match.index,
      end: match.index + match[0].length,
    },
    row: line,
  };
}

/**
 * Whether `printed` is a typical OCR misreading of `actual`: one digit wrong (5 read as 6), or
 * a currency sign read as a leading digit ("$1,013.76" as "51,013.76").
 */
function misreadOf(actual: number, printed: number): boolean {
  const right = formatMinor(actual);
  const read = formatMinor(printed);
  if (read.length === right.length + 1 && read.slice(1) === right) return true;
  if (read.length !== right.length || read === right) return false;
  return [...right].filter((char, index) => char !== read[index]).length === 1;
}

/**
 * No readable labelled total: what was tendered minus the change when both were printed,
 * else the amount the receipt repeats most (total, tendered, card slip), else the largest.
 */
function fallbackTotal(
  lines: Row[],
  confirmations: Set<number>,
  paidWithChange: boolean,
): Money | null {
  const labelled = lines.find((line) => isTotalLabel(line) && !NOT_TOTAL.test(line.upper));
  if (labelled && paidWithChange) {
    const paid = [...confirmations].filter((value) => value > 0).sort((a, b) => a - b)[0];
    if (paid !== undefined) return { minor: paid, line: labelled, rule: 0.45 };
  }
  const counts = new Map<number, { count: number; line: Row }>();
  for (const line of lines) {
    if (CHANGE.test(line.upper) || TAX.test(line.upper) || DISCOUNT.test(line.upper)) continue;
    const amount = lastAmount(line);
    if (!amount || amount.minor <= 0) continue;
    const entry = counts.get(amount.minor) ?? { count: 0, line };
    entry.count += 1;
    counts.set(amount.minor, entry);
  }
  const ranked = [...counts.entries()].sort(
    (a, b) =>
      b[1].count +
        (confirmations.has(b[0]) ? 1 : 0) -
        (a[1].count + (confirmations.has(a[0]) ? 1 : 0)) || b[0] - a[0],
  );
  if (ranked.length === 0) return null;
  const [minor, { count, line }] = ranked[0];
  return { minor, line, rule: count > 1 ? 0.45 : 0.25 };
}

/** How sure a total restored from other lines is (before calibration). */
const REPAIRED_TOTAL_RULE = 0.45;
