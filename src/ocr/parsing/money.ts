/**
 * Money in integer minor units of its currency (cents for most; yen have none, Kuwaiti dinars
 * three): parsing printed amounts in either `1,234.56` or `1.234,56` style, and formatting back
 * to decimal strings. No floats anywhere.
 */

export interface AmountMatch {
  /** Integer minor units, negative for `-1.77`, `1.77-` or `(1.77)`. */
  minor: number;
  /** Whether the amount was printed with a decimal part. */
  decimals: boolean;
  /** A currency symbol or code printed against the amount ($, RM, €, EUR …). */
  currency: string | null;
  index: number;
  end: number;
}

const CURRENCY_TOKEN = String.raw`(?:US\$|S\$|A\$|C\$|NZ\$|HK\$|RM|MYR|USD|EUR|GBP|SGD|AUD|CAD|NZD|HKD|IDR|Rp|CHF|Fr\.|JPY|INR|Rs\.?|PHP|THB|KWD|BHD|OMR|\$|€|£|¥|₹|₱|฿)`;

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

/** Every amount-like number in a line, left to right, in minor units of `minorUnits` digits. */
export function findAmounts(text: string, minorUnits = 2): AmountMatch[] {
  const matches: AmountMatch[] = [];
  for (const match of normaliseAmountText(text).matchAll(AMOUNT)) {
    const [whole, open, leadingSign, prefix, innerSign, digits, suffix, trailingSign, close] =
      match;
    const parsed = parseDigits(digits, minorUnits);
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
 * it (up to three for a three-decimal currency: "1.250" dinars), whichever character it is
 * (OCR often reads "." as ","); other groups of exactly three digits are thousands. Anything
 * else (a date like 14.03.2024, an id) is not an amount. Printed decimals beyond the currency's
 * minor units (yen printed "1500.00") are rounded away.
 */
export function parseDigits(
  cluster: string,
  minorUnits = 2,
): { minor: number; decimals: boolean } | null {
  const decimal = (minorUnits === 3 ? /^(.*?)[.,](\d{1,3})$/ : /^(.*?)[.,](\d{1,2})$/).exec(
    cluster,
  );
  const integerPart = decimal ? decimal[1] : cluster;
  if (!/^\d{1,3}(?:[.,]\d{3})*$/.test(integerPart) && !/^\d+$/.test(integerPart)) return null;
  const units = Number(integerPart.replace(/[.,]/g, ''));
  const scale = 10 ** minorUnits;
  if (!Number.isSafeInteger(units * scale)) return null;
  const fraction = decimal ? decimal[2] : '';
  const minor =
    minorUnits === 0
      ? Math.round(Number(`0.${fraction || '0'}`))
      : Number(fraction.padEnd(minorUnits, '0'));
  return { minor: units * scale + minor, decimals: Boolean(decimal) };
}

/** Parses a whole string as one amount ("1.234,56", "-£1.77"); null if it is not exactly one. */
export function parseAmount(text: string, minorUnits = 2): number | null {
  const found = findAmounts(text.trim(), minorUnits);
  return found.length === 1 ? found[0].minor : null;
}

/** Minor units as a decimal string with the currency's decimals: "12.50", "1500", "1.250". */
export function formatMinor(minor: number, minorUnits = 2): string {
  const sign = minor < 0 ? '-' : '';
  const absolute = Math.abs(minor);
  if (minorUnits === 0) return `${sign}${absolute}`;
  const scale = 10 ** minorUnits;
  const fraction = String(absolute % scale).padStart(minorUnits, '0');
  return `${sign}${Math.trunc(absolute / scale)}.${fraction}`;
}

/** Percent rate printed on a tax line ("8.25%", "19 %", "6%"), as a decimal string. */
export function findRate(text: string): string | null {
  const match = /(\d{1,2}(?:[.,]\d{1,3})?)\s?%/.exec(text);
  return match ? match[1].replace(',', '.') : null;
}
