/**
 * The structured record extracted from a receipt. Money is a decimal string with the
 * currency's minor units ("12.50", "-1.77"; "1500" yen, "3.750" dinars), never a float; it is
 * computed in integer minor units.
 */

/**
 * Where a value was read: the index of the OCR line (0-based, over all pages) and its text;
 * once the OCR lines are known, also the line's page (1-based) and box in that page's
 * coordinates (image pixels or PDF points, origin top-left), so a client can highlight it.
 */
export interface FieldSource {
  line: number;
  text: string;
  page?: number;
  box?: { x0: number; y0: number; x1: number; y1: number };
  /**
   * The OCR engine(s) whose reading gave the value (both when they agreed or one restored the
   * other's spacing); absent for PDF text layers. Set by the OCR layer, never by the parser.
   */
  engines?: Array<'tesseract' | 'ppocr'>;
}

export interface Field<T> {
  value: T | null;
  /**
   * 0..1: how likely the value is right, ordering right values above wrong ones. Calibrated
   * for merchant name, address, date and total (calibration.ts): 0.8 or more is right at least
   * 95% of the time on the development set.
   */
  confidence: number;
  source: FieldSource | null;
}

export interface TaxLine {
  label: string;
  /** Percent as a decimal string ("8.25"), when printed. */
  rate?: string;
  amount: string;
}

export interface LineItem {
  description: string;
  /** Decimal string ("2", "0.5"). */
  quantity: string;
  unitPrice: string;
  amount: string;
  confidence: number;
  source: FieldSource | null;
}

export interface ArithmeticChecks {
  /** Line items add up to the subtotal; null when either is missing. */
  itemsMatchSubtotal: boolean | null;
  /**
   * subtotal (or the items' sum) + tax + tip − discount = total, tax possibly included in the
   * prices; null when the total or every base is missing.
   */
  totalsAdd: boolean | null;
  /** Why the receipt needs a human look; empty when nothing is suspect. */
  issues: string[];
}

export interface ReceiptRecord {
  merchantName: Field<string>;
  address: Field<string>;
  phone: Field<string>;
  taxId: Field<string>;
  receiptNumber: Field<string>;
  /** ISO 8601 calendar date, YYYY-MM-DD. */
  date: Field<string>;
  /** HH:MM or HH:MM:SS, 24-hour. */
  time: Field<string>;
  /** ISO 4217 code. */
  currency: Field<string>;
  subtotal: Field<string>;
  taxTotal: Field<string>;
  taxLines: TaxLine[];
  tip: Field<string>;
  discount: Field<string>;
  total: Field<string>;
  /** 'cash', 'card', 'mobile' or 'other'. */
  paymentMethod: Field<string>;
  cardLast4: Field<string>;
  lineItems: LineItem[];
  checks: ArithmeticChecks;
}

export interface ParseOptions {
  /**
   * The latest plausible purchase date (YYYY-MM-DD), normally tomorrow in the caller's clock.
   * Dates after it are OCR misreads (2018 read as 2078) and are ignored. No limit when absent.
   */
  latestDate?: string;
}

/** One line of text handed to the parser, with the OCR confidence of that line (0..1). */
export interface ParserLine {
  text: string;
  confidence?: number;
}
