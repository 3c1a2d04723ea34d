import { checkArithmetic } from './checks.js';
import { type DateMatch, type DayMonthOrder, findDates, findTimes } from './dates.js';
import {
  ADDRESS_STOP,
  ADDRESS_WORD,
  BUSINESS_WORD,
  CARD_PAYMENT,
  CASH_PAYMENT,
  CHANGE,
  COMPANY_REG,
  DATE_LABEL,
  DISCOUNT,
  HEADER_NOISE,
  LEGAL_FORM,
  MOBILE_PAYMENT,
  NOT_PURCHASE_DATE,
  NOT_TOTAL,
  PHONE_LABEL,
  RECEIPT_NUMBER_LABEL,
  ROUNDING,
  STRONG_TOTAL,
  SUBTOTAL,
  TAX,
  TAX_ID_LABEL,
  TENDERED,
  TIP,
  TOTAL,
} from './keywords.js';
import { type AmountMatch, findAmounts, findRate, formatMinor } from './money.js';
import type {
  Field,
  LineItem,
  ParseOptions,
  ParserLine,
  ReceiptRecord,
  TaxLine,
} from './receipt-record.js';

/**
 * Pure text → fields: the receipt's lines in reading order in, a ReceiptRecord out. Rules are
 * general (label vocabularies, layout position, arithmetic agreement), not tuned to one
 * country's receipts; every field carries the line it came from and a confidence that blends
 * how strong the rule was with how sure the OCR was of that line.
 */
export function parseReceipt(
  input: ReadonlyArray<ParserLine | string>,
  options: ParseOptions = {},
): ReceiptRecord {
  const lines = boundedLines(input);
  const context = new ReceiptContext(lines);

  const currency = findCurrency(lines);
  const order = dayMonthOrder(lines, currency.value);
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
  });
  if (!amounts.total) checks.issues.unshift('No total was found.');
  if (!date.value) checks.issues.unshift('No purchase date was found.');

  return {
    merchantName: merchant.field,
    address,
    phone: findPhone(lines),
    taxId: findTaxId(lines),
    receiptNumber: findReceiptNumber(lines),
    date,
    time,
    currency: { value: currency.value, confidence: currency.confidence, source: currency.source },
    subtotal: moneyField(amounts.subtotal),
    taxTotal: moneyField(amounts.taxTotal),
    taxLines: amounts.taxLines,
    tip: moneyField(amounts.tip),
    discount: moneyField(
      amounts.discount && { ...amounts.discount, minor: Math.abs(amounts.discount.minor) },
    ),
    total: moneyField(amounts.total),
    paymentMethod: payment.method,
    cardLast4: payment.cardLast4,
    lineItems: items.map(({ minor: _minor, ...item }) => item),
    checks,
  };
}

// ---------------------------------------------------------------------------------------------
// Lines

interface Line {
  index: number;
  /** As read, trimmed. */
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
 * With lines this short and long runs shortened, every rule below costs microseconds a line,
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

/** The receipt's lines up to the bounds above; lines past them are not read at all. */
function boundedLines(input: ReadonlyArray<ParserLine | string>): Line[] {
  const lines: Line[] = [];
  let chars = 0;
  for (const [index, entry] of input.slice(0, MAX_LINES).entries()) {
    const line = toLine(entry, index);
    chars += line.text.length;
    if (chars > MAX_TEXT_CHARS) break;
    if (line.text !== '') lines.push(line);
  }
  return lines;
}

function toLine(entry: ParserLine | string, index: number): Line {
  const text = boundedText(typeof entry === 'string' ? entry : entry.text);
  const ocr = typeof entry === 'string' ? 1 : (entry.confidence ?? 1);
  const money = findAmounts(text).filter((amount) => amount.decimals || amount.currency !== null);
  return { index, text, upper: text.toUpperCase(), ocr, money };
}

/** Blends a rule's certainty with the OCR's certainty about the line the value came from. */
function confidence(rule: number, line: Line | null): number {
  const ocr = line ? line.ocr : 1;
  return round2(rule * (0.55 + 0.45 * ocr));
}

function round2(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

function field<T>(value: T | null, rule: number, line: Line | null): Field<T> {
  if (value === null || !line) return { value: null, confidence: 0, source: null };
  return {
    value,
    confidence: confidence(rule, line),
    source: { line: line.index, text: line.text },
  };
}

function empty<T>(): Field<T> {
  return { value: null, confidence: 0, source: null };
}

/** The rightmost money amount of a line: receipts print the value flush right. */
function lastAmount(line: Line): AmountMatch | null {
  return line.money.length > 0 ? line.money[line.money.length - 1] : null;
}

class ReceiptContext {
  constructor(readonly lines: Line[]) {}

  /**
   * The line's own amount, or — when OCR split the row — the lone amount on the next line.
   * A label followed by damaged digits ("Net Total 25. J") had its amount on its own row.
   */
  amountFor(line: Line): { amount: AmountMatch; line: Line } | null {
    const own = lastAmount(line);
    if (own) return { amount: own, line };
    const next = this.lines[this.lines.indexOf(line) + 1];
    if (
      next &&
      !/\d/.test(line.text) &&
      next.money.length === 1 &&
      !/[A-Z]{3,}/.test(next.upper.replace(/\b(?:RM|USD|EUR|GBP|MYR|SGD)\b/g, ''))
    ) {
      return { amount: next.money[0], line: next };
    }
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Currency and date order

const CURRENCY_CODES: Record<string, string> = {
  RM: 'MYR',
  MYR: 'MYR',
  USD: 'USD',
  US$: 'USD',
  EUR: 'EUR',
  '€': 'EUR',
  GBP: 'GBP',
  '£': 'GBP',
  SGD: 'SGD',
  S$: 'SGD',
  AUD: 'AUD',
  A$: 'AUD',
  CAD: 'CAD',
  C$: 'CAD',
  NZD: 'NZD',
  NZ$: 'NZD',
  HKD: 'HKD',
  HK$: 'HKD',
  IDR: 'IDR',
  RP: 'IDR',
  CHF: 'CHF',
  'FR.': 'CHF',
  JPY: 'JPY',
  '¥': 'JPY',
  INR: 'INR',
  '₹': 'INR',
  'RS.': 'INR',
  RS: 'INR',
  PHP: 'PHP',
  '₱': 'PHP',
  THB: 'THB',
  '฿': 'THB',
};

/** Country markers that say which dollar (or which currency, when none is printed). */
const COUNTRY_HINTS: Array<[RegExp, string]> = [
  [
    /\bSDN\.?\s*BHD\b|\bMALAYSIA\b|\bJALAN\b|\bJLN\b|\bSELANGOR\b|\bJOHOR\b|\bKUALA\s*LUMPUR\b/,
    'MYR',
  ],
  [/\bPTE\.?\s*LTD\b|\bSINGAPORE\b/, 'SGD'],
  [/\bABN\b|\bAUSTRALIA\b|\bPTY\.?\s*LTD\b/, 'AUD'],
  [/\bHST\b|\bCANADA\b|\bGST\/HST\b/, 'CAD'],
  [/\bNEW\s*ZEALAND\b/, 'NZD'],
];

/** A US state and ZIP code ("SPRINGFIELD, IL 62701"), a US-style phone number, "SALES TAX". */
const US_HINT = new RegExp(
  String.raw`\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),?\s+\d{5}(?:-\d{4})?\b|\bSALES\s*TAX\b|\bUSA\b|\bU\.S\.A\b|\(\d{3}\)\s*\d{3}-\d{4}`,
);

function findCurrency(lines: Line[]): {
  value: string | null;
  confidence: number;
  source: Field<string>['source'];
} {
  const counts = new Map<string, { count: number; line: Line }>();
  for (const line of lines) {
    for (const amount of line.money) {
      if (!amount.currency) continue;
      const code = amount.currency === '$' ? '$' : CURRENCY_CODES[amount.currency.toUpperCase()];
      if (!code) continue;
      const entry = counts.get(code) ?? { count: 0, line };
      entry.count += 1;
      counts.set(code, entry);
    }
    // A currency code printed as a column header or label ("SUMME EUR", "AMOUNT (RM)").
    const code = /(?:^|[\s(])(RM|MYR|USD|EUR|GBP|SGD|AUD|CAD|IDR|CHF)(?:[\s):]|$)/.exec(
      line.upper,
    )?.[1];
    if (code) {
      const entry = counts.get(CURRENCY_CODES[code]) ?? { count: 0, line };
      entry.count += 1;
      counts.set(CURRENCY_CODES[code], entry);
    }
  }
  const all = lines.map((line) => line.upper).join('\n');
  const country = COUNTRY_HINTS.find(([pattern]) => pattern.test(all))?.[1] ?? null;
  const best = [...counts.entries()].sort((a, b) => b[1].count - a[1].count)[0];
  if (!best) {
    if (country) return { value: country, confidence: 0.5, source: null };
    if (US_HINT.test(all)) return { value: 'USD', confidence: 0.5, source: null };
    return { value: null, confidence: 0, source: null };
  }
  const [symbol, { line }] = best;
  if (symbol === '$') {
    if (country) return { ...field(country, 0.7, line) };
    return { ...field('USD', US_HINT.test(all) ? 0.85 : 0.6, line) };
  }
  return { ...field(symbol, 0.95, line) };
}

/**
 * Day-first unless the receipt says otherwise: a printed date that only parses one way proves
 * the order; failing that, US receipts (US dollars with US markers) are month-first.
 */
function dayMonthOrder(lines: Line[], currency: string | null): DayMonthOrder {
  let dmy = 0;
  let mdy = 0;
  for (const line of lines) {
    for (const match of findDates(line.text, 'dmy')) {
      if (match.proves === 'dmy') dmy += 1;
      if (match.proves === 'mdy') mdy += 1;
    }
  }
  if (dmy !== mdy) return dmy > mdy ? 'dmy' : 'mdy';
  const all = lines.map((line) => line.upper).join('\n');
  return currency === 'USD' && US_HINT.test(all) ? 'mdy' : 'dmy';
}

// ---------------------------------------------------------------------------------------------
// Date and time

function findDate(lines: Line[], order: DayMonthOrder, latest: string | undefined): Field<string> {
  const candidates: Array<{ match: DateMatch; line: Line; score: number }> = [];
  for (const line of lines) {
    for (const match of findDates(line.text, order, latest)) {
      let score = 1;
      if (DATE_LABEL.test(line.upper)) score += 3;
      if (findTimes(line.text).length > 0) score += 1;
      if (NOT_PURCHASE_DATE.test(line.upper)) score -= 4;
      if (match.compact) score -= DATE_LABEL.test(line.upper) ? 1 : 3;
      // Purchase dates sit in the header or the footer, rarely among the items.
      score -=
        0.5 *
        Math.min(1, line.index / Math.max(1, lines.length)) *
        (line.index > lines.length * 0.8 ? 0 : 1);
      candidates.push({ match, line, score });
    }
  }
  if (candidates.length === 0) return empty();
  // The same date printed twice (header and card slip) is stronger evidence.
  const printed = new Map<string, number>();
  for (const { match } of candidates) printed.set(match.iso, (printed.get(match.iso) ?? 0) + 1);
  for (const candidate of candidates) {
    const repeats = (printed.get(candidate.match.iso) ?? 1) - 1;
    candidate.score += Math.min(2, repeats) * 0.5;
  }
  candidates.sort((a, b) => b.score - a.score || a.line.index - b.line.index);
  const best = candidates[0];
  let rule = best.score >= 4 ? 0.95 : best.score >= 2 ? 0.85 : best.score >= 1 ? 0.7 : 0.4;
  if (best.match.ambiguous) rule -= 0.15;
  if (best.match.compact) rule -= 0.2;
  return field(best.match.iso, rule, best.line);
}

function findTime(lines: Line[], dateLine: number | null): Field<string> {
  const ordered = [
    ...lines.filter((line) => line.index === dateLine),
    ...lines.filter((line) => /\bTIME\b|\bZEIT\b|\bMASA\b|\bHEURE\b|\bHORA\b/.test(line.upper)),
    ...lines,
  ];
  for (const line of ordered) {
    const time = findTimes(line.text)[0];
    if (time) return field(time.value, line.index === dateLine ? 0.9 : 0.75, line);
  }
  return empty();
}

// ---------------------------------------------------------------------------------------------
// Totals, tax, tip, discount

interface Money {
  minor: number;
  line: Line;
  rule: number;
}

interface Totals {
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

function moneyField(money: Money | null): Field<string> {
  return money ? field(formatMinor(money.minor), money.rule, money.line) : empty();
}

function findTotals(context: ReceiptContext): Totals {
  const { lines } = context;
  // "TOTAL GST 3.08" is a tax line; "TOTAL SALES INCL GST 54.50" is not.
  const isTaxAmountLine = (line: Line) =>
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

  // Every labelled total is a candidate; the label's strength, agreement with the rest of the
  // receipt and position decide.
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
    const found = context.amountFor(line) ?? undottedAmount(line);
    if (!found || found.amount.minor <= 0) return;
    let score = strong ? 10 : 8;
    // An amount whose decimal point OCR lost ("GRAND TOTAL 9280") needs other evidence.
    if (!found.amount.decimals && found.amount.currency === null) score -= 3;
    // The total after cash rounding is what was paid ("ROUNDED TOTAL", "TOTAL AFTER ADJ").
    if (/ROUND|\bADJ/.test(line.upper)) score += 1.5;
    // "Total : 93.40 5.60" is the total row of a tax summary table, not the amount due.
    if (found.line === line && line.money.length >= 2) score -= 2;
    const minor = found.amount.minor;
    if (confirmations.has(minor)) score += 3;
    if (subtotal) {
      if (expectedTotals.some((value) => Math.abs(value - minor) <= 5)) score += 2;
      if (minor < subtotal.minor - Math.abs(discount?.minor ?? 0) - 5) score -= 3;
    }
    if (tax && minor <= tax.minor) score -= 4;
    score += position / Math.max(1, lines.length);
    candidates.push({ money: { minor, line: found.line, rule: 0 }, score });
  });

  let total: Money | null;
  if (candidates.length > 0) {
    // A larger labelled total outranks an equal score: "TOTAL" above "TOTAL INCL. GST" style pairs.
    candidates.sort((a, b) => b.score - a.score || b.money.minor - a.money.minor);
    const best = candidates[0];
    const rule = best.score >= 12 ? 0.97 : best.score >= 10 ? 0.9 : best.score >= 8 ? 0.75 : 0.5;
    total = { ...best.money, rule };
    // The printed total disagrees by one misread digit (5 read as 6) with what two other lines
    // say — tendered minus change, or subtotal plus tax: they are the better reading. A single
    // tendered amount is no such evidence (it may be misread too), and a few cents apart is
    // cash rounding, not a misread.
    if (best.score < 12 && !confirmations.has(best.money.minor)) {
      const paidMinusChange = changeGiven > 0 ? [...confirmations] : [];
      const evidence = [...paidMinusChange, ...expectedTotals.slice(0, 1)].find(
        (value) => Math.abs(value - best.money.minor) > 5 && misreadOf(value, best.money.minor),
      );
      if (evidence !== undefined) total = { minor: evidence, line: best.money.line, rule: 0.45 };
    }
  } else {
    total = fallbackTotal(lines, confirmations, tendered.length > 0 && changeGiven > 0);
  }

  const summaryLines = [subtotal, tax, total, ...subtotalLines.map((line) => ({ line }))]
    .filter((entry): entry is { line: Line } => Boolean(entry))
    .map((entry) => entry.line.index);
  return {
    total,
    subtotal,
    taxTotal: tax,
    taxLines: tax ? taxLines.map(toTaxLine).filter((line): line is TaxLine => line !== null) : [],
    tip,
    discount,
    totalLine: total?.line.index ?? null,
    firstSummaryLine: summaryLines.length > 0 ? Math.min(...summaryLines) : null,
  };
}

function isTotalLabel(line: Line): boolean {
  return TOTAL.test(line.upper) || STRONG_TOTAL.test(line.upper);
}

function pickLast(candidates: Line[], context: ReceiptContext, rule: number): Money | null {
  for (const line of [...candidates].reverse()) {
    const found = context.amountFor(line);
    if (found) return { minor: found.amount.minor, line: found.line, rule };
  }
  return null;
}

/**
 * Tax lines often repeat (a "GST 6%" line and a tax summary table). A line labelled as the
 * tax total wins; equal amounts count once; otherwise distinct rates add up.
 */
function summariseTax(taxLines: Line[]): Money | null {
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

function toTaxLine(line: Line): TaxLine | null {
  const amount = lastAmount(line);
  if (!amount) return null;
  const rate = findRate(line.text);
  const label =
    line.text
      .slice(0, amount.index)
      .replace(/[\s:.]+$/u, '')
      .trim() || line.text;
  return { label, ...(rate ? { rate } : {}), amount: formatMinor(amount.minor) };
}

/** A total-line number whose decimal point OCR dropped: "9280" or "92 80" for 92.80. */
function undottedAmount(line: Line): { amount: AmountMatch; line: Line } | null {
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
    line,
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
  lines: Line[],
  confirmations: Set<number>,
  paidWithChange: boolean,
): Money | null {
  const labelled = lines.find((line) => isTotalLabel(line) && !NOT_TOTAL.test(line.upper));
  if (labelled && paidWithChange) {
    const paid = [...confirmations].filter((value) => value > 0).sort((a, b) => a - b)[0];
    if (paid !== undefined) return { minor: paid, line: labelled, rule: 0.45 };
  }
  const counts = new Map<number, { count: number; line: Line }>();
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

// ---------------------------------------------------------------------------------------------
// Merchant, address, phone, ids

/** How far into the receipt the header block may reach. */
const HEADER_LINES = 10;

function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}

/** Phone, tax-id and date lines close the header block (name and address). */
function isBoundary(line: Line): boolean {
  return (
    (PHONE_LABEL.test(line.upper) && /\d{3}/.test(line.text)) ||
    TAX_ID_LABEL.test(line.text) ||
    findDates(line.text, 'dmy').length > 0
  );
}

interface Merchant {
  field: Field<string>;
  /** Index of the last line of the name (names may take two lines). */
  lastLine: number | null;
}

function findMerchant(lines: Line[]): Merchant {
  const header: Line[] = [];
  for (const line of lines.slice(0, HEADER_LINES)) {
    // Phone and tax-id lines may come before the name (they are never the name); amounts and
    // dates end the header.
    if ((line.money.length > 0 || findDates(line.text, 'dmy').length > 0) && header.length > 0) {
      break;
    }
    header.push(line);
  }
  let best: { line: Line; score: number; position: number } | null = null;
  header.forEach((line, position) => {
    const name = cleanName(line.text);
    const count = letters(name);
    if (count < 3 || count / name.replace(/\s/g, '').length < 0.5) return;
    if (HEADER_NOISE.test(line.upper) || COMPANY_REG.test(line.upper) || isBoundary(line)) return;
    if (isStreetLine(line)) return;
    // The name is printed first (and biggest); a legal form or a kind of shop confirms it.
    // Judged without a trailing registration number, whose digits look like a postcode.
    const upper = name.toUpperCase();
    let score = 3 - position;
    if (LEGAL_FORM.test(upper)) score += 4;
    else if (BUSINESS_WORD.test(upper)) score += 0.5;
    if (ADDRESS_WORD.test(upper) && !LEGAL_FORM.test(upper)) score -= 2;
    if (/^\d/.test(line.text)) score -= 1;
    if (line.text === line.text.toLowerCase()) score -= 1;
    // Logos and stamps come out of OCR as low-confidence scraps of mixed-case letters.
    score += (line.ocr - 0.75) * 3;
    const tokens = line.text.split(/\s+/).filter((token) => /\p{L}/u.test(token));
    const scraps = tokens.filter(
      (token) =>
        /\p{Ll}\p{Lu}|\p{L}\d|\d\p{L}{2}/u.test(token) ||
        (letters(token) <= 2 && !/^\W*\p{Lu}{1,2}\W*$/u.test(token)),
    ).length;
    if (tokens.length > 0 && scraps / tokens.length > 0.5) score -= 2.5;
    if (!best || score > best.score) best = { line, score, position };
  });
  if (!best) return { field: empty(), lastLine: null };
  const { line, score, position } = best as { line: Line; score: number; position: number };
  const parts = [line];
  const previous = header[position - 1];
  const next = header[position + 1];
  // "LIAN CHI PU TIAN VEGETARIAN" above "RESTAURANT SDN BHD": the marked line is only the
  // legal form and kind of shop, so the name starts on the line above.
  const bare = line.upper
    .replace(new RegExp(LEGAL_FORM.source, 'g'), '')
    .replace(new RegExp(BUSINESS_WORD.source, 'g'), '');
  if (previous && letters(bare) < 3 && isNameLike(previous)) parts.unshift(previous);
  // "HOME MASTER HARDWARE &" above "ELECTRICAL", or a legal form on its own line below.
  else if (
    next &&
    isNameLike(next) &&
    (/(?:&|\bAND|\bDAN|\bUND|\bET|-)$/.test(line.upper) ||
      (!LEGAL_FORM.test(line.upper) && LEGAL_FORM.test(next.upper)))
  ) {
    parts.push(next);
  }
  const name = cleanName(parts.map((part) => part.text).join(' '));
  if (!name) return { field: empty(), lastLine: null };
  const rule = score >= 5 ? 0.9 : score >= 2.5 ? 0.75 : 0.5;
  const source = {
    ...line,
    index: parts[0].index,
    text: parts.map((part) => part.text).join('\n'),
    ocr: Math.min(...parts.map((part) => part.ocr)),
  };
  return { field: field(name, rule, source), lastLine: parts[parts.length - 1].index };
}

function isNameLike(line: Line): boolean {
  return (
    letters(line.text) >= 3 &&
    !/\d{2}/.test(line.text) &&
    !HEADER_NOISE.test(line.upper) &&
    !isBoundary(line) &&
    !COMPANY_REG.test(line.upper) &&
    !ADDRESS_WORD.test(line.upper.replace(new RegExp(LEGAL_FORM.source, 'g'), ''))
  );
}

/**
 * The name without edge punctuation or a trailing registration number "(519537-X)", and with
 * the Malaysian legal form spelled right when OCR misread it ("SDN 8HD", "SCN BHD"): legal
 * forms are a closed vocabulary, so the intended word is certain.
 */
function cleanName(text: string): string {
  return text
    .replace(
      /\s*\(?\s*(?:CO\.?\s*REG\.?\s*(?:NO\.?)?\s*:?\s*)?\d{4,}[-\s]?[A-Z%\d]?\s*\)?\s*$/iu,
      '',
    )
    .replace(/\bS[DCO0]N(\.?\s*)[B8][HI][DO0]\b/g, 'SDN$1BHD')
    .replace(/^[^\p{L}\p{N}(]+|[^\p{L}\p{N}).]+$/gu, '')
    .replace(/\s{2,}/g, ' ');
}

/**
 * The address: the lines after the merchant's name, or — when the name is a logo OCR could not
 * read and the receipt starts with the street — the first street block of the header.
 */
function findAddress(lines: Line[], merchantLine: number | null): Field<string> {
  const afterName =
    merchantLine === null ? -1 : lines.findIndex((line) => line.index === merchantLine);
  return (
    (afterName >= 0 ? addressFrom(lines, afterName + 1) : null) ??
    addressFrom(
      lines,
      lines.findIndex((line, position) => position < HEADER_LINES && isStreetLine(line)),
    ) ??
    empty()
  );
}

/** A line that starts the way street addresses do: "NO. 31G, JALAN …", "12, HIGH STREET". */
function isStreetLine(line: Line): boolean {
  // Judged without a registration number, whose digits look like a postcode.
  const upper = cleanName(line.text).toUpperCase();
  return /^(?:NO\.?\s*\d|LOT\b|UNIT\b|\d+[A-Z]?\s*[,.]?\s)/.test(upper) && ADDRESS_WORD.test(upper);
}

function addressFrom(lines: Line[], start: number): Field<string> | null {
  if (start < 0) return null;
  const parts: Line[] = [];
  for (const line of lines.slice(start, start + 9)) {
    if (parts.length === 0 && isPreamble(line)) continue;
    // Also no address: e-mail and web addresses, "LABEL : 000181747712", long id numbers.
    const notAddress = /@|\.COM\b|:\s*\d[\d\s-]{6,}|\d{9,}/.test(line.upper);
    if (
      ADDRESS_STOP.test(line.upper) ||
      isBoundary(line) ||
      HEADER_NOISE.test(line.upper) ||
      notAddress
    ) {
      break;
    }
    if (letters(line.text) + (line.text.match(/\d/g) ?? []).length < 3) break;
    parts.push(line);
    if (parts.length >= 5) break;
  }
  const looksLikeAddress =
    parts.some((line) => ADDRESS_WORD.test(line.upper)) ||
    /^\(?\d+[A-Z]?\b|^(?:NO|LOT|UNIT|BLK|BLOCK|SUITE)\b/.test(parts[0]?.upper ?? '');
  if (parts.length === 0 || !looksLikeAddress) return null;
  // Joined as printed: receipts carry their own commas at line ends (or none). A phone number
  // printed without a label at the end of the last line is not part of the address.
  // Registration numbers "(1097826-X)" and stray end punctuation are not part of it either.
  const value = parts
    .map((line) => line.text.replace(/\s{2,}/g, ' '))
    .join(' ')
    .replace(/\s*\(\d{5,}-?\s?[A-Z+%]?\)\s*/gu, ' ')
    .replace(/\s+\(?\+?\d{2,4}\)?[-\s]\d{3,4}[-\s]?\d{3,4}$/u, '')
    .replace(/(\S)(?:\s+[.,;:])+$/u, '$1')
    .trim();
  const ocr = Math.min(...parts.map((line) => line.ocr));
  const rule = parts.every((line) => ADDRESS_WORD.test(line.upper)) ? 0.8 : 0.65;
  return {
    value,
    confidence: confidence(rule, { ...parts[0], ocr }),
    source: { line: parts[0].index, text: parts.map((line) => line.text).join('\n') },
  };
}

/**
 * What may sit between the name and the address: registration and tax numbers, a second name
 * line ("BISTRO & CAFE" under "THREE STOOGES"), a date, or OCR scraps of a logo.
 */
function isPreamble(line: Line): boolean {
  return (
    COMPANY_REG.test(line.upper) ||
    TAX_ID_LABEL.test(line.text) ||
    isNameLike(line) ||
    (findDates(line.text, 'dmy').length > 0 && letters(line.text) < 8) ||
    letters(line.text) + (line.text.match(/\d/g) ?? []).length < 3
  );
}

const PHONE_NUMBER = /(\+?\(?\d[\d\s()\-./]{5,}\d)/;

function findPhone(lines: Line[]): Field<string> {
  for (const line of lines) {
    const label = PHONE_LABEL.exec(line.upper);
    if (!label || line.money.length > 0) continue;
    const rest = line.text
      .slice(label.index + label[0].length)
      .replace(/^[\s:./#]*(?:FAX\s*)?/i, '');
    const number = PHONE_NUMBER.exec(rest.split(/\bFAX\b|\s{2,}|,|\bE-?MAIL\b/i)[0]);
    if (number && (number[1].match(/\d/g) ?? []).length >= 7)
      return field(number[1].trim(), 0.9, line);
  }
  // An unlabelled, phone-shaped number in the header: (217) 555-0134, 512-555-0199.
  for (const line of lines.slice(0, HEADER_LINES)) {
    const match = /\(\d{3}\)\s?\d{3}[-\s]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b/.exec(line.text);
    if (match) return field(match[0], 0.6, line);
  }
  return empty();
}

function findTaxId(lines: Line[]): Field<string> {
  for (const line of lines) {
    const label = TAX_ID_LABEL.exec(line.text);
    if (!label) continue;
    const rest = line.text.slice(label.index + label[0].length);
    const value = /^[\s.:#]*([A-Z0-9][A-Z0-9 \-/.]{4,}[A-Z0-9])/i.exec(rest)?.[1];
    if (value && /\d{3}/.test(value))
      return field(value.replace(/\s{2,}.*$/, '').trim(), 0.85, line);
  }
  return empty();
}

function findReceiptNumber(lines: Line[]): Field<string> {
  for (const line of lines) {
    const label = RECEIPT_NUMBER_LABEL.exec(line.text);
    if (!label) continue;
    const rest = line.text.slice(label.index + label[0].length);
    const value = /^[\s:.#]*([A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9\-/]*)/i.exec(rest)?.[1];
    if (!value || findDates(value, 'dmy').length > 0 || findTimes(value).length > 0) continue;
    return field(value, 0.8, line);
  }
  return empty();
}

// ---------------------------------------------------------------------------------------------
// Payment

const CARD_MASK = /(?<![*xX•#])[*xX•#]{2}[*xX•#\s-]*(\d{4})\b|ENDING\s*(?:IN|WITH)?\s*(\d{4})\b/;

function findPayment(
  lines: Line[],
  totalLine: number | null,
): { method: Field<string>; cardLast4: Field<string> } {
  // Payment lines follow the total; before it, "CASH BILL" and the like are document titles.
  const after = totalLine === null ? lines : lines.filter((line) => line.index >= totalLine);
  let method: Field<string> = empty();
  for (const line of after) {
    const kind = MOBILE_PAYMENT.test(line.upper)
      ? 'mobile'
      : CARD_PAYMENT.test(line.upper)
        ? 'card'
        : CASH_PAYMENT.test(line.upper) && !CHANGE.test(line.upper)
          ? 'cash'
          : null;
    if (kind) {
      method = field(kind, line.money.length > 0 ? 0.85 : 0.7, line);
      break;
    }
  }
  let cardLast4: Field<string> = empty();
  for (const line of lines) {
    // A mask run starts only where the previous character is not part of one, and holds no
    // nested repetition: "(?:[*]{2,}[\s-]*)+" backtracked exponentially on a line of stars.
    const match = CARD_MASK.exec(line.text);
    if (match) {
      cardLast4 = field(match[1] ?? match[2], 0.85, line);
      if (method.value === null) method = field('card', 0.6, line);
      break;
    }
  }
  return { method, cardLast4 };
}

// ---------------------------------------------------------------------------------------------
// Line items

interface ParsedItem extends LineItem {
  minor: number;
}

const QUANTITY_AT =
  /^(.*?)(?:^|\s)(\d{1,4}(?:[.,]\d{1,3})?)\s*(?:[xX×*@]|PCS?|EA)\s*(?:@\s*)?([\d.,]+\d)\b(.*)$/;
const LEADING_QUANTITY = /^(\d{1,3})\s*[xX×*]?\s+(?=\p{L})/u;

function findLineItems(
  context: ReceiptContext,
  merchantLine: number | null,
  summaryLine: number | null,
): ParsedItem[] {
  const { lines } = context;
  const end = summaryLine ?? lines.length;
  const items: ParsedItem[] = [];
  let pendingDescription: Line | null = null;
  for (const line of lines) {
    if (line.index <= (merchantLine ?? -1) || line.index >= end) continue;
    if (isLabelLine(line)) {
      pendingDescription = null;
      continue;
    }
    const amount = lastAmount(line);
    const descriptionText = amount ? line.text.slice(0, amount.index) : line.text;
    if (!amount) {
      // A description whose price is printed on the next row (common on Asian receipts).
      pendingDescription =
        letters(line.text) >= 3 && findDates(line.text, 'dmy').length === 0 ? line : null;
      continue;
    }
    let description = descriptionText;
    let source = line;
    if (letters(description) < 2 && pendingDescription) {
      description = `${pendingDescription.text} ${description}`;
      source = { ...pendingDescription, text: `${pendingDescription.text}\n${line.text}` };
    }
    pendingDescription = null;
    if (letters(description) < 2) continue;
    items.push(toItem(description, amount, line, source));
  }
  return items;
}

function isLabelLine(line: Line): boolean {
  return (
    isTotalLabel(line) ||
    SUBTOTAL.test(line.upper) ||
    (TAX.test(line.upper) && line.money.length > 0) ||
    TAX_ID_LABEL.test(line.text) ||
    TIP.test(line.upper) ||
    DISCOUNT.test(line.upper) ||
    CHANGE.test(line.upper) ||
    ROUNDING.test(line.upper) ||
    (TENDERED.test(line.upper) && line.money.length > 0) ||
    findDates(line.text, 'dmy').length > 0 ||
    (PHONE_LABEL.test(line.upper) && /\d{6}/.test(line.text.replace(/\D/g, '')))
  );
}

function toItem(rawDescription: string, amount: AmountMatch, line: Line, source: Line): ParsedItem {
  let description = rawDescription.replace(/\s{2,}/g, ' ').trim();
  let quantity = '1';
  let unitMinor = amount.minor;
  const atPrice = QUANTITY_AT.exec(description);
  if (atPrice) {
    const unit = findAmounts(atPrice[3])[0];
    if (unit) {
      quantity = atPrice[2].replace(',', '.');
      unitMinor = unit.minor;
      description = `${atPrice[1]} ${atPrice[4]}`.trim();
    }
  }
  const leading = LEADING_QUANTITY.exec(description);
  if (leading) {
    if (!atPrice) {
      quantity = leading[1];
      unitMinor = Math.round(amount.minor / Number(quantity));
    }
    description = description.slice(leading[0].length);
  }
  // Other prices on the row (unit price column) before the amount.
  const others = line.money.filter((other) => other !== amount && other.index < amount.index);
  if (!atPrice && others.length > 0) {
    const unit = others[others.length - 1].minor;
    const ratio = unit !== 0 ? amount.minor / unit : 0;
    if (Number.isInteger(ratio) && ratio > 0) {
      quantity = String(ratio);
      unitMinor = unit;
    }
    for (const other of others) {
      const printed = line.text.slice(other.index, other.end);
      const at = description.lastIndexOf(printed);
      if (at >= 0)
        description = `${description.slice(0, at)} ${description.slice(at + printed.length)}`;
    }
  }
  description = description
    .replace(/[\s@xX×*:-]+$/u, '')
    .replace(/^[\s\-*#.:]+/u, '')
    .trim();
  const consistent = Math.abs(Number(quantity) * unitMinor - amount.minor) <= 1;
  return {
    description,
    quantity,
    unitPrice: formatMinor(unitMinor),
    amount: formatMinor(amount.minor),
    confidence: confidence(consistent ? 0.7 : 0.45, line),
    source: { line: source.index, text: source.text },
    minor: amount.minor,
  };
}
