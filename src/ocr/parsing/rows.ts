import { type AmountMatch, findAmounts } from './money.js';
import type { Field, ParserLine } from './receipt-record.js';

/**
 * The shared row model every extractor reads: one printed line of the receipt in reading
 * order, bounded, upper-cased once, with its money amounts found once.
 */
export interface Row {
  /** Index of the OCR line it came from (sources point back to it). */
  index: number;
  /** As read, trimmed, bounded (see boundedText). */
  text: string;
  /** Upper case, for label matching. */
  upper: string;
  /** OCR confidence of the line, 0..1. */
  ocr: number;
  /** Money amounts: printed with decimals or with a currency, left to right. */
  money: AmountMatch[];
}

/** Marks OCR leaves at line ends from table rules, specks and the paper's edge. */
const EDGE_JUNK = /^[\s|!¦©®°§¢~_»«’‘`"'•:;,]+|[\s|!¦©®°§¢~_»«’‘`"'•;]+$/gu;

/**
 * Bounds on what the parser reads (issue 8, defect 5). Receipts have tens of lines of at most
 * ~50 characters (an A4 invoice's text layer ~150); a text-layer PDF can hand over anything.
 * With lines this short and long runs shortened, every rule costs microseconds a line,
 * whatever the text.
 */
const MAX_LINES = 1000;
const MAX_LINE_CHARS = 240;
/** A 20-page text-layer invoice holds ~60,000 characters; a receipt a few thousand. */
const MAX_TEXT_CHARS = 64_000;
/** No receipt number is longer (card numbers, EAN barcodes and transaction ids are shorter). */
const MAX_DIGIT_RUN = 32;

/**
 * The line as the rules see it: cut to a bounded length, whitespace runs shortened to the two
 * spaces that mark a column gap, digit runs cut to the longest printed number, so no rule can
 * meet a run long enough to make backtracking costly.
 */
function boundedText(raw: string): string {
  return raw
    .slice(0, MAX_LINE_CHARS * 4)
    .replace(/\s{3,}/g, '  ')
    .replace(/\d{33,}/g, (run) => run.slice(0, MAX_DIGIT_RUN))
    .slice(0, MAX_LINE_CHARS)
    .replace(EDGE_JUNK, '');
}

/**
 * The receipt's rows up to the bounds above; lines past them are not read at all. Amounts are
 * read with the currency's minor units (JPY 0, KWD 3).
 */
export function buildRows(input: ReadonlyArray<ParserLine | string>, minorUnits = 2): Row[] {
  const rows: Row[] = [];
  let chars = 0;
  for (const [index, entry] of input.slice(0, MAX_LINES).entries()) {
    const text = boundedText(typeof entry === 'string' ? entry : entry.text);
    chars += text.length;
    if (chars > MAX_TEXT_CHARS) break;
    if (text === '') continue;
    const ocr = typeof entry === 'string' ? 1 : (entry.confidence ?? 1);
    // Where the currency has minor units, a number without decimals or a currency sign is a
    // quantity, a code or a date part; where it has none (yen), it is money as printed.
    const money = findAmounts(text, minorUnits).filter(
      (amount) => amount.decimals || amount.currency !== null || minorUnits === 0,
    );
    rows.push({ index, text, upper: text.toUpperCase(), ocr, money });
  }
  return rows;
}

/** Blends a rule's certainty with the OCR's certainty about the line the value came from. */
export function confidence(rule: number, row: Row | null): number {
  const ocr = row ? row.ocr : 1;
  return round2(rule * (0.55 + 0.45 * ocr));
}

function round2(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

export function field<T>(value: T | null, rule: number, row: Row | null): Field<T> {
  if (value === null || !row) return { value: null, confidence: 0, source: null };
  return {
    value,
    confidence: confidence(rule, row),
    source: { line: row.index, text: row.text },
  };
}

export function empty<T>(): Field<T> {
  return { value: null, confidence: 0, source: null };
}

/** The rightmost money amount of a row: receipts print the value flush right. */
export function lastAmount(row: Row): AmountMatch | null {
  return row.money.length > 0 ? row.money[row.money.length - 1] : null;
}

export function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

/** The receipt's rows with what several extractors ask of them. */
export class ReceiptRows {
  private readonly positions: ReadonlyMap<Row, number>;

  constructor(
    readonly rows: Row[],
    /** Decimals of the receipt's currency. */
    readonly minorUnits = 2,
  ) {
    this.positions = new Map(rows.map((row, position) => [row, position]));
  }

  /**
   * The row's own amount, or — when OCR split the row — the lone amount on the next row.
   * A label followed by damaged digits ("Net Total 25. J") had its amount on its own row.
   */
  amountFor(row: Row): { amount: AmountMatch; row: Row } | null {
    const own = lastAmount(row);
    if (own) return { amount: own, row };
    const next = this.rows[(this.positions.get(row) ?? -2) + 1];
    if (
      next &&
      !/\d/.test(row.text) &&
      next.money.length === 1 &&
      !/[A-Z]{3,}/.test(next.upper.replace(/\b(?:RM|USD|EUR|GBP|MYR|SGD)\b/g, ''))
    ) {
      return { amount: next.money[0], row: next };
    }
    return null;
  }
}
