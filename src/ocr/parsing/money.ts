/**
 * Money in integer minor units (cents): parsing printed amounts in either `1,234.56` or
 * `1.234,56` style, and formatting back to decimal strings. No floats anywhere.
 */

export interface AmountMatch {
  /** Integer minor units (two decimals), negative for `-1.77`, `1.77-` or `(1.77)`. */
  minor: number;
  /** Whether the amount was printed with a decimal part. */
  decimals: boolean;
  /** A currency symbol or code printed against the amount ($, RM, €, EUR …). */
  currency: string | null;
  index: number;
  end: number;
}

const CURRENCY_TOKEN = String.raw`(?:US\$|S\$|A\$|C\$|NZ\$|HK\$|RM|MYR|USD|EUR|GBP|SGD|AUD|CAD|NZD|HKD|IDR|Rp|CHF|Fr\.|JPY|INR|Rs\.?|PHP|THB|\$|€|£|¥|₹|₱|฿)`;

/**
 * An optional sign and currency, a digit cluster, an optional trailing currency or sign.
 * The cluster may not touch a letter or a further digit group (dates, phone numbers, ids).
 */
const AMOUNT = new RegExp(
  String.raw`(?<![\w.,/:-])(\()?([-−])?\s?(?:(${CURRENCY_TOKEN})\s?)?([-−])?(\d[\d.,]*\d|\d)(?![\d%/:]|[.,]\d)(?:\s?(${CURRENCY_TOKEN}))?(-)?(\))?(?!\w)`,
  'giu',
);

/** Joins OCR splits inside an amount ("9 .00", "9. 00") and reads O/o as zero in a decimal part. */
function normaliseAmountText(text: string): string {
  return text
    .replace(/(\d)\s+([.,])(\d{2})(?!\d)/g, '$1$2$3')
    .replace(/(\d)([.,])\s+(\d{2})(?!\d)/g, '$1$2$3')
    .replace(
      /(\d[.,])([0-9Oo])([Oo])(?!\w)/g,
      (_, head: string, a: string) => `${head}${a.replace(/[Oo]/, '0')}0`,
    )
    .replace(/(\d[.,])([Oo])(\d)(?!\w)/g, '$10$3');
}

/** Every amount-like number in a line, left to right. */
export function findAmounts(text: string): AmountMatch[] {
  const matches: AmountMatch[] = [];
  for (const match of normaliseAmountText(text).matchAll(AMOUNT)) {
    const [whole, open, leadingSign, prefix, innerSign, digits, suffix, trailingSign, close] =
      match;
    const parsed = parseDigits(digits);
    if (!parsed) continue;
    const negative = Boolean(leadingSign || innerSign || trailingSign || (open && close));
    matches.push({
      minor: negative ? -parsed.minor : parsed.minor,
      decimals: parsed.decimals,
      currency: prefix ?? suffix ?? null,
      index: match.index,
      end: match.index + whole.length,
    });
  }
  return matches;
}

/**
 * Reads a digit cluster. The last separator is a decimal point when one or two digits follow
 * it, whichever character it is (OCR often reads "." as ","); groups of exactly three digits
 * are thousands. Anything else (a date like 14.03.2024, an id) is not an amount.
 */
export function parseDigits(cluster: string): { minor: number; decimals: boolean } | null {
  const decimal = /^(.*?)[.,](\d{1,2})$/.exec(cluster);
  const integerPart = decimal ? decimal[1] : cluster;
  if (!/^\d{1,3}(?:[.,]\d{3})*$/.test(integerPart) && !/^\d+$/.test(integerPart)) return null;
  const units = Number(integerPart.replace(/[.,]/g, ''));
  if (!Number.isSafeInteger(units * 100)) return null;
  const cents = decimal ? Number(decimal[2].padEnd(2, '0')) : 0;
  return { minor: units * 100 + cents, decimals: Boolean(decimal) };
}

/** Parses a whole string as one amount ("1.234,56", "-£1.77"); null if it is not exactly one. */
export function parseAmount(text: string): number | null {
  const found = findAmounts(text.trim());
  return found.length === 1 ? found[0].minor : null;
}

export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const absolute = Math.abs(minor);
  return `${sign}${Math.trunc(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** Percent rate printed on a tax line ("8.25%", "19 %", "6%"), as a decimal string. */
export function findRate(text: string): string | null {
  const match = /(\d{1,2}(?:[.,]\d{1,3})?)\s?%/.exec(text);
  return match ? match[1].replace(',', '.') : null;
}
