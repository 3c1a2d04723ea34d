import { CURRENCY_WORD } from '../keywords.js';
import { chooseLocale } from '../locales/choose-locale.js';
import { CURRENCY_BY_SYMBOL } from '../locales/currencies.js';
import type { Locale } from '../locales/index.js';
import type { Field } from '../receipt-record.js';
import { field, type Row } from '../rows.js';

/** Currencies written `$`: which one is the country's. */
const DOLLARS = new Set(['USD', 'SGD', 'AUD', 'CAD', 'NZD', 'HKD']);

// How sure each kind of evidence makes the currency.
/** A code or unambiguous symbol printed against amounts or as a column label. */
const PRINTED_RULE = 0.95;
/** `$` on a receipt whose country says which dollar (US: state + ZIP, sales tax). */
const DOLLAR_OF_COUNTRY_RULE = 0.85;
/** `$` on a receipt of another dollar country (AU, SG …), told by its markers. */
const DOLLAR_BY_MARKERS_RULE = 0.7;
/** `$` and nothing else: US dollars, the most common. */
const BARE_DOLLAR_RULE = 0.6;
/** Nothing printed: the currency of the country the receipt's markers point to. */
const COUNTRY_ONLY_CONFIDENCE = 0.5;

export interface CurrencyReading {
  field: Field<string>;
  locale: Locale;
}

/**
 * The receipt's currency and locale. The most printed currency wins; `$` and receipts that
 * print none are decided by the locale the receipt's markers point to.
 */
export function findCurrency(rows: readonly Row[]): CurrencyReading {
  const counts = new Map<string, { count: number; row: Row }>();
  const count = (code: string, row: Row) => {
    const entry = counts.get(code) ?? { count: 0, row };
    entry.count += 1;
    counts.set(code, entry);
  };
  for (const row of rows) {
    for (const amount of row.money) {
      if (!amount.currency) continue;
      const symbol = amount.currency.toUpperCase();
      const code = symbol === '$' ? '$' : CURRENCY_BY_SYMBOL.get(symbol)?.code;
      if (code) count(code, row);
    }
    const word = CURRENCY_WORD.exec(row.upper)?.[1];
    const code = word === 'EURO' ? 'EUR' : word ? CURRENCY_BY_SYMBOL.get(word)?.code : undefined;
    if (code) count(code, row);
  }
  const best = [...counts.entries()].sort((a, b) => b[1].count - a[1].count)[0];
  const printed = best && best[0] !== '$' ? best[0] : null;
  const locale = chooseLocale(rows, printed);
  if (!best) {
    const value = locale.currency;
    return {
      field: { value, confidence: value ? COUNTRY_ONLY_CONFIDENCE : 0, source: null },
      locale,
    };
  }
  const [symbol, { row }] = best;
  if (symbol !== '$') return { field: field(symbol, PRINTED_RULE, row), locale };
  if (locale.currency && DOLLARS.has(locale.currency)) {
    const rule = locale.currency === 'USD' ? DOLLAR_OF_COUNTRY_RULE : DOLLAR_BY_MARKERS_RULE;
    return { field: field(locale.currency, rule, row), locale };
  }
  return { field: field('USD', BARE_DOLLAR_RULE, row), locale };
}
