import type { Field, LineItem, ReceiptRecord } from '../../ocr/parsing/receipt-record.js';
import { checkRecordAmounts } from './record-checks.js';

/** Record fields a user can correct; each holds a string value (or null for "none"). */
export const CORRECTABLE_FIELDS = [
  'merchantName',
  'address',
  'date',
  'time',
  'currency',
  'subtotal',
  'taxTotal',
  'tip',
  'discount',
  'total',
  'paymentMethod',
  'cardLast4',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const MONEY_FIELDS = ['subtotal', 'taxTotal', 'tip', 'discount', 'total'] as const;

export interface CorrectedLineItem {
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
}

/** What the user set, by field; `lineItems` replaces the whole list. */
export type Corrections = Partial<Record<CorrectableField, string | null>> & {
  lineItems?: CorrectedLineItem[];
};

/** A corrected field says so: `source: "user"`, confidence 1. */
export const USER_SOURCE = 'user';

// The parser's messages for missing key fields; re-derived here after a correction.
const NO_TOTAL = 'No total was found.';
const NO_DATE = 'No purchase date was found.';

/**
 * Cash rounding (to 0.05 or 0.10) moves the total of these currencies: their sums get the
 * parser's wider tolerance when re-checked after a correction.
 */
const CASH_ROUNDING_CURRENCIES = new Set(['MYR', 'AUD', 'NZD', 'CHF', 'CAD', 'SEK', 'NOK', 'DKK']);

/** A record with nothing read, for receipts the user types in by hand. */
export function emptyRecord(): ReceiptRecord {
  const none = (): Field<string> => ({ value: null, confidence: 0, source: null });
  return {
    merchantName: none(),
    address: none(),
    phone: none(),
    taxId: none(),
    receiptNumber: none(),
    date: none(),
    time: none(),
    currency: none(),
    subtotal: none(),
    taxTotal: none(),
    taxLines: [],
    tip: none(),
    discount: none(),
    total: none(),
    paymentMethod: none(),
    cardLast4: none(),
    lineItems: [],
    checks: { itemsMatchSubtotal: null, totalsAdd: null, issues: [NO_DATE, NO_TOTAL] },
  };
}

/**
 * The extracted record with the user's corrections laid over it, and its checks re-run. Used
 * after every extraction (so corrections survive reprocessing and re-extraction) and after
 * every correction. Pure: returns a new record.
 */
export function applyCorrections(
  extracted: ReceiptRecord,
  corrections: Corrections,
): ReceiptRecord {
  const record: ReceiptRecord = { ...extracted, checks: { ...extracted.checks } };
  let amountsChanged = false;
  for (const field of CORRECTABLE_FIELDS) {
    if (!(field in corrections)) continue;
    const value = corrections[field] ?? null;
    // 'user' is not a line reference: the stored record widens the parser's source type.
    record[field] = { value, confidence: 1, source: USER_SOURCE as never };
    if ((MONEY_FIELDS as readonly string[]).includes(field)) amountsChanged = true;
  }
  if (corrections.lineItems) {
    record.lineItems = corrections.lineItems.map((item): LineItem => ({
      ...item,
      confidence: 1,
      source: USER_SOURCE as never,
    }));
    amountsChanged = true;
  }
  if (amountsChanged) {
    record.checks = checkRecordAmounts({
      items: record.lineItems.map((item) => toCents(item.amount)),
      subtotal: centsOrNull(record.subtotal.value),
      tax: centsOrNull(record.taxTotal.value),
      tip: centsOrNull(record.tip.value),
      discount: record.discount.value === null ? null : Math.abs(toCents(record.discount.value)),
      total: centsOrNull(record.total.value),
      cashRounding: CASH_ROUNDING_CURRENCIES.has(record.currency.value ?? ''),
    });
  }
  const issues = record.checks.issues.filter((issue) => issue !== NO_TOTAL && issue !== NO_DATE);
  if (record.total.value === null) issues.unshift(NO_TOTAL);
  if (record.date.value === null) issues.unshift(NO_DATE);
  record.checks = { ...record.checks, issues };
  return record;
}

/** The weakest confidence of the fields a receipt is found and totalled by. */
export function overallConfidence(record: ReceiptRecord): number {
  const weakest = Math.min(
    record.merchantName.confidence,
    record.date.confidence,
    record.total.confidence,
  );
  return Math.round(weakest * 1000) / 1000;
}

/** The columns searched, sorted and totalled on, derived from the record. */
export function recordColumns(record: ReceiptRecord): {
  merchantName: string | null;
  receiptDate: string | null;
  currency: string | null;
  total: string | null;
  taxTotal: string | null;
  address: string | null;
  itemText: string | null;
  confidence: number;
} {
  const items = record.lineItems.map((item) => item.description).filter(Boolean);
  return {
    merchantName: record.merchantName.value,
    receiptDate: record.date.value,
    currency: record.currency.value,
    total: record.total.value,
    taxTotal: record.taxTotal.value,
    address: record.address.value,
    itemText: items.length ? items.join('\n') : null,
    confidence: overallConfidence(record),
  };
}

/** "12.5" → 1250, "-1.777" → -178: the checks compare whole cents. */
function toCents(decimal: string): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return 0;
  const fraction = (match[3] ?? '').padEnd(3, '0');
  const cents = Number(match[2]) * 100 + Number(fraction.slice(0, 2));
  const rounded = cents + (Number(fraction[2]) >= 5 ? 1 : 0);
  return match[1] ? -rounded : rounded;
}

function centsOrNull(decimal: string | null): number | null {
  return decimal === null ? null : toCents(decimal);
}
