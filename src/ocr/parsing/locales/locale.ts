/**
 * What the parser needs to know about where a receipt was printed. One file per language or
 * country under `locales/`; a new country is a new file (registered in `locales/index.ts`)
 * plus fixture tests, not edits to shared rules.
 *
 * Labels are regular-expression sources matched against upper-cased line text. Every locale's
 * labels are tried on every receipt (receipts mix languages: "VISA" and "TOTAL" on a German
 * till, Malay and English on one Malaysian receipt); the locale chosen for a receipt decides
 * only what the text cannot: date order, the currency when none is printed, cash rounding.
 * Keep each source linear-time: no nested quantifiers, no unbounded repetition followed by
 * something that can fail late (issue 8, defect 5).
 */
export interface Locale {
  /** BCP 47 tag: `en-MY`, `de-DE`. */
  id: string;
  /** Order of day and month when a numeric date parses both ways. */
  dateOrder: 'dmy' | 'mdy';
  /** The separator printed before the minor units (`12.50` or `12,50`). */
  decimalSeparator: '.' | ',';
  /** The separator between thousands groups (`1,234.50`, `1.234,50`, `1 234,50`, `1'234.50`). */
  thousandsSeparator: ',' | '.' | ' ' | "'";
  /** ISO 4217 code of the country's currency; null for a language-only locale. */
  currency: string | null;
  /**
   * Cash totals are rounded to this many minor units (5: to 0.05) where the country has no
   * smallest coins; null where they are paid exactly.
   */
  cashRounding: number | null;
  /** Month names and abbreviations, upper case, without accents where tills drop them. */
  months: Record<string, number>;
  /**
   * Text that shows a receipt is from here: country names, legal forms, address words, tax
   * and phone formats. Each hit counts once when the locale is chosen.
   */
  markers: string[];
  labels: Partial<Record<LabelFamily, string[]>>;
}

/** The kinds of label the extractors look for. */
export type LabelFamily =
  /** The amount paid, strongest meaning first: GRAND TOTAL, SUMME, TOTAL TTC. */
  | 'strongTotal'
  /** A plain total label: TOTAL, TOT, TTL. */
  | 'total'
  /** "TOTAL" lines that are not the amount paid: TOTAL QTY, TOTAL SAVINGS. */
  | 'notTotal'
  | 'subtotal'
  /** Tax amounts: GST, VAT, MWST, TVA. */
  | 'tax'
  /** A tax registration rather than an amount: GST REG NO, USt-IdNr, SIRET. */
  | 'taxIdLabel'
  | 'tip'
  | 'discount'
  | 'rounding'
  /** Money handed over. */
  | 'tendered'
  | 'change'
  | 'cardPayment'
  | 'mobilePayment'
  | 'cashPayment'
  | 'phoneLabel'
  | 'receiptNumberLabel'
  | 'dateLabel'
  | 'timeLabel'
  /** Dates that are not the purchase date: expiry, best before. */
  | 'notPurchaseDate'
  /** Header boilerplate, never the merchant's name (anchored at the line start). */
  | 'headerNoise'
  /** Legal forms: a line carrying one is almost surely the merchant's name. */
  | 'legalForm'
  /** Kinds of shop: a weaker sign that a header line names the business. */
  | 'businessWord'
  | 'addressWord'
  /** Postcode shapes, matched as they are (not as words). */
  | 'postcode'
  /** Lines that end the address block (phone, web, opening hours, till data). */
  | 'addressStop'
  /**
   * Street words written at the end of a compound, number after: "Hauptstraße 17",
   * "Kalverstraat 12" (matched without a word boundary before them).
   */
  | 'streetSuffix'
  /** Opening hours: "Mo-Sa", "MON - FRI", "Öffnungszeiten". */
  | 'openingHours'
  /** Currency words printed as column headers or labels: EUR, EURO, RM. */
  | 'currencyWord';

/** TOTAL as OCR reads it: O as 0, L as 1 or I. */
export const T0TAL = 'T[O0]TA[L1I]';

/** "<tax> REG NO", "<tax> ID", "<tax>#": the label of a tax registration number. */
export function taxNumberLabel(tax: string): string {
  return `${tax}\\s*(?:REG(?:ISTRATION)?\\.?\\s*)?(?:ID|NO|NR|NUM(?:BER)?|#|REG)\\b`;
}
