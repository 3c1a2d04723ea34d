/**
 * ISO 4217 currencies the parser recognises: the symbols and local abbreviations printed for
 * each, and its minor units (JPY has none, KWD has three), which decide how an amount is read
 * and written back.
 */
export interface Currency {
  code: string;
  /** Upper-case symbols and abbreviations printed against amounts; `$` is shared (see below). */
  symbols: string[];
  minorUnits: 0 | 2 | 3;
}

export const CURRENCIES: Currency[] = [
  { code: 'MYR', symbols: ['RM', 'MYR'], minorUnits: 2 },
  { code: 'USD', symbols: ['USD', 'US$'], minorUnits: 2 },
  { code: 'EUR', symbols: ['EUR', '€'], minorUnits: 2 },
  { code: 'GBP', symbols: ['GBP', '£'], minorUnits: 2 },
  { code: 'SGD', symbols: ['SGD', 'S$'], minorUnits: 2 },
  { code: 'AUD', symbols: ['AUD', 'A$'], minorUnits: 2 },
  { code: 'CAD', symbols: ['CAD', 'C$'], minorUnits: 2 },
  { code: 'NZD', symbols: ['NZD', 'NZ$'], minorUnits: 2 },
  { code: 'HKD', symbols: ['HKD', 'HK$'], minorUnits: 2 },
  { code: 'IDR', symbols: ['IDR', 'RP'], minorUnits: 2 },
  { code: 'CHF', symbols: ['CHF', 'FR.'], minorUnits: 2 },
  { code: 'JPY', symbols: ['JPY', '¥'], minorUnits: 0 },
  { code: 'INR', symbols: ['INR', '₹', 'RS.', 'RS'], minorUnits: 2 },
  { code: 'PHP', symbols: ['PHP', '₱'], minorUnits: 2 },
  { code: 'THB', symbols: ['THB', '฿'], minorUnits: 2 },
  { code: 'KWD', symbols: ['KWD', 'KD'], minorUnits: 3 },
  { code: 'BHD', symbols: ['BHD', 'BD'], minorUnits: 3 },
  { code: 'OMR', symbols: ['OMR'], minorUnits: 3 },
];

/** Printed symbol (upper case) → currency; `$` is left out: which dollar depends on the country. */
export const CURRENCY_BY_SYMBOL: ReadonlyMap<string, Currency> = new Map(
  CURRENCIES.flatMap((currency) => currency.symbols.map((symbol) => [symbol, currency] as const)),
);

/** Minor units of a currency code; two when unknown (the common case). */
export function minorUnitsOf(code: string | null): 0 | 2 | 3 {
  return CURRENCIES.find((currency) => currency.code === code)?.minorUnits ?? 2;
}
