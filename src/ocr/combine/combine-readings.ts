import type { OcrLine } from '../ocr.types.js';
import { findDates } from '../parsing/dates.js';
import { findAmounts, parseAmount } from '../parsing/money.js';
import { parseReceipt } from '../parsing/parse-receipt.js';
import type { Field, FieldSource, ParseOptions, ReceiptRecord } from '../parsing/receipt-record.js';
import { type FusedReading, fuseSpacing } from './fuse-spacing.js';
import { mergeText } from './merge-text.js';

type Engine = NonNullable<FieldSource['engines']>[number];

/**
 * Both engines read the same value: independent readers rarely make the same mistake, so the
 * value is more likely right than either reading's confidence says.
 */
const AGREEMENT_BONUS = 0.15;
/**
 * Per further place the value is printed, in either reading (a total printed as TOTAL, as the
 * amount tendered, in the tax summary; the other engine's reading of the same line counts),
 * up to MAX_OCCURRENCES: a misread digit rarely repeats.
 */
const OCCURRENCE_WEIGHT = 0.1;
const MAX_OCCURRENCES = 3;
/** The reading's subtotal + tax (or items) add up to this total. */
const ARITHMETIC_WEIGHT = 0.2;

interface Reading {
  engine: Engine;
  record: ReceiptRecord;
  /** Maps the reading's line index to the combined lines' index. */
  lineOf: (index: number) => number;
}

/**
 * One record from PP-OCR's and tesseract's readings of the same receipt. Both readings are
 * parsed; for each field the candidates are weighed by agreement between the engines, repeated
 * occurrences on the receipt, arithmetic and the parser's confidence. Merchant and address come
 * from PP-OCR's letters and digits with tesseract's word spacing and punctuation (the lines the
 * record points at), and every field's source says which engine(s) it came from.
 */
export function combineReadings(
  ppocr: OcrLine[],
  tesseract: OcrLine[],
  options: ParseOptions,
): { record: ReceiptRecord; lines: OcrLine[] } {
  const fused = fuseSpacing(ppocr, tesseract);
  const primary: Reading = {
    engine: 'ppocr',
    record: parse(fused.lines, options),
    lineOf: (index) => index,
  };
  const secondary: Reading = {
    engine: 'tesseract',
    record: parse(tesseract, options),
    lineOf: (index) => fused.rowOf[index] ?? nearestLine(fused.lines, tesseract[index]),
  };
  const everyLine = [...fused.lines, ...tesseract];
  // A total is repeated at or below its own line (tendered, tax summary); counting the lines
  // above would reward item prices that happen to repeat.
  const below = (field: Field<string>, reading: Reading) => {
    const line = reading === primary ? fused.lines : tesseract;
    const from = field.source ? line[field.source.line] : undefined;
    return everyLine.filter(
      (other) =>
        !from ||
        other.page > from.page ||
        (other.page === from.page && other.bbox.y1 >= from.bbox.y0),
    );
  };
  const amountCount = (field: Field<string>, reading: Reading) => {
    const minor = parseAmount(field.value!);
    return below(field, reading).filter((line) =>
      findAmounts(line.text).some((amount) => amount.minor === minor),
    ).length;
  };
  const dateCount = (value: string) =>
    everyLine.filter((line) =>
      (['dmy', 'mdy'] as const).some((order) =>
        findDates(line.text, order).some((date) => date.iso === value),
      ),
    ).length;

  const total = weigh('total', primary, secondary, (field, reading) =>
    evidence(amountCount(field, reading), reading.record.checks.totalsAdd === true),
  );
  // Subtotal, tax, items and the arithmetic come from the reading that gave the total, so they
  // stay consistent with each other.
  const base = total.from === secondary ? secondary : primary;
  const other = base === primary ? secondary : primary;
  const date = weigh('date', primary, secondary, (field) => evidence(dateCount(field.value!)));

  const pick = <K extends ScalarField>(key: K) => weigh(key, primary, secondary, () => 0).field;
  const amount = <K extends ScalarField>(key: K) => weigh(key, base, other, () => 0).field;
  const record: ReceiptRecord = {
    ...relocate(base, base.record),
    merchantName: mergedText('merchantName', primary, secondary, fused, tesseract),
    address: mergedText('address', primary, secondary, fused, tesseract),
    phone: pick('phone'),
    taxId: pick('taxId'),
    receiptNumber: pick('receiptNumber'),
    date: date.field,
    time: pick('time'),
    currency: pick('currency'),
    subtotal: amount('subtotal'),
    taxTotal: amount('taxTotal'),
    tip: amount('tip'),
    discount: amount('discount'),
    total: total.field,
    paymentMethod: pick('paymentMethod'),
    cardLast4: pick('cardLast4'),
  };
  if (date.field.value !== null && base.record.date.value === null) {
    // The base reading missed the date the other one found: its "no date" issue is moot.
    record.checks = {
      ...record.checks,
      issues: record.checks.issues.filter((issue) => !/\bdate\b/i.test(issue)),
    };
  }
  return { record, lines: fused.lines };
}

type ScalarField = {
  [K in keyof ReceiptRecord]: ReceiptRecord[K] extends Field<string> ? K : never;
}[keyof ReceiptRecord];

function parse(lines: OcrLine[], options: ParseOptions): ReceiptRecord {
  return parseReceipt(
    lines.map((line) => ({ text: line.text, confidence: line.confidence })),
    options,
  );
}

function evidence(occurrences: number, addsUp = false): number {
  return (
    OCCURRENCE_WEIGHT * Math.min(MAX_OCCURRENCES, Math.max(0, occurrences - 1)) +
    (addsUp ? ARITHMETIC_WEIGHT : 0)
  );
}

/**
 * The better-supported of the two readings' values for one field: the same value → agreement;
 * otherwise confidence plus the field's evidence decides (ties go to the first reading).
 */
function weigh<K extends ScalarField>(
  key: K,
  first: Reading,
  second: Reading,
  support: (field: Field<string>, reading: Reading) => number,
): { field: Field<string>; from: Reading | null } {
  const a = first.record[key];
  const b = second.record[key];
  if (a.value === null && b.value === null) return { field: a, from: null };
  if (a.value !== null && b.value !== null && same(key, a.value, b.value)) {
    const field = sourced(first, a, [first.engine, second.engine]);
    return {
      field: {
        ...field,
        confidence: round2(Math.max(a.confidence, b.confidence) + AGREEMENT_BONUS),
      },
      from: first,
    };
  }
  const score = (field: Field<string>, reading: Reading) =>
    field.value === null ? -Infinity : field.confidence + support(field, reading);
  return score(a, first) >= score(b, second)
    ? { field: sourced(first, a, [first.engine]), from: first }
    : { field: sourced(second, b, [second.engine]), from: second };
}

/**
 * Merchant and address: PP-OCR's reading (better letters and digits) with tesseract's
 * punctuation and word spacing from its reading of the same rows (mergeText), unless PP-OCR
 * found nothing; tesseract's value only fills a gap.
 */
function mergedText(
  key: 'merchantName' | 'address',
  primary: Reading,
  secondary: Reading,
  fused: FusedReading,
  tesseract: OcrLine[],
): Field<string> {
  const field = primary.record[key];
  const other = secondary.record[key];
  if (field.value === null || field.source === null) {
    return sourced(secondary, other, [secondary.engine]);
  }
  const rows = sourceLines(fused.lines, field.source);
  const reference = tesseract
    .filter((_, index) => rows.includes(fused.rowOf[index] ?? -1))
    .map((line) => line.text)
    .join(' ');
  const merged = mergeText(field.value, reference);
  const agrees = other.value !== null && same(key, merged.text, other.value);
  const borrowed = merged.changed || rows.some((row) => fused.respaced[row]);
  return sourced(
    primary,
    {
      ...field,
      value: merged.text,
      confidence: agrees ? round2(field.confidence + AGREEMENT_BONUS) : field.confidence,
    },
    agrees || borrowed ? [primary.engine, secondary.engine] : [primary.engine],
  );
}

/** The lines a multi-line value was read from: its first line and the ones its text goes on to. */
function sourceLines(lines: OcrLine[], source: FieldSource): number[] {
  const parts = source.text.split('\n');
  const rows: number[] = [];
  for (let index = source.line; index < lines.length && rows.length < parts.length; index++) {
    if (lines[index].text === parts[rows.length]) rows.push(index);
  }
  return rows.length > 0 ? rows : [source.line];
}

function same(key: ScalarField, a: string, b: string): boolean {
  if (key === 'merchantName' || key === 'address') {
    const fold = (value: string) => value.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
    return fold(a) === fold(b);
  }
  return a === b;
}

/** The field with its source moved onto the combined lines and marked with its engines. */
function sourced<T>(reading: Reading, field: Field<T>, engines: Engine[]): Field<T> {
  if (!field.source) return field;
  return {
    ...field,
    source: { ...field.source, line: reading.lineOf(field.source.line), engines },
  };
}

/** Every line-based source of a whole record (items and all) moved onto the combined lines. */
function relocate(reading: Reading, record: ReceiptRecord): ReceiptRecord {
  return {
    ...record,
    lineItems: record.lineItems.map((item) =>
      item.source
        ? {
            ...item,
            source: {
              ...item.source,
              line: reading.lineOf(item.source.line),
              engines: [reading.engine],
            },
          }
        : item,
    ),
  };
}

/** The combined line nearest a line no combined line shares a row with. */
function nearestLine(lines: OcrLine[], line: OcrLine): number {
  let best = 0;
  let bestDistance = Infinity;
  const middle = (l: OcrLine) => (l.bbox.y0 + l.bbox.y1) / 2;
  lines.forEach((candidate, index) => {
    const distance =
      candidate.page === line.page ? Math.abs(middle(candidate) - middle(line)) : Infinity;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  });
  return best;
}

function round2(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
