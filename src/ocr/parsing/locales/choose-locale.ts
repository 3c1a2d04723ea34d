import type { Row } from '../rows.js';
import { LOCALES } from './index.js';
import type { Locale } from './locale.js';
import { ENGLISH } from './en.js';

const MARKERS = LOCALES.map((locale) => ({
  locale,
  patterns: locale.markers.map((source) => new RegExp(source)),
}));

/** Each marker counts once, however often it is printed; a printed currency counts double. */
const CURRENCY_WEIGHT = 2;

/**
 * Where the receipt was printed, from what it shows: the printed currency and the country's
 * markers (legal forms, tax words, address words, phone and postcode formats). Receipts that
 * show nothing read as plain English with day-first dates, as most of the world prints them.
 */
export function chooseLocale(rows: readonly Row[], printedCurrency: string | null): Locale {
  let best: { locale: Locale; score: number } = { locale: ENGLISH, score: 0 };
  for (const { locale, patterns } of MARKERS) {
    let score = patterns.filter((pattern) => rows.some((row) => pattern.test(row.upper))).length;
    if (printedCurrency !== null && locale.currency === printedCurrency) score += CURRENCY_WEIGHT;
    if (score > best.score) best = { locale, score };
  }
  return best.locale;
}
