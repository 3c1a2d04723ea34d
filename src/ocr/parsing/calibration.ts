import type { ArithmeticChecks, Field } from './receipt-record.js';

/**
 * Field confidences that mean what they say (issue 13, item 5): a calibrated 0.8 is right at
 * least 95% of the time. The extractors' own scores (rule strength × OCR certainty) order
 * values well but are not probabilities; these tables turn them into one.
 *
 * Fitted on the 120 `tune` receipts of the SROIE development set read by tesseract (Nov 30):
 * in each band of raw confidence, the share of values that were right, taken at the lower
 * end of its one-sigma Wilson interval (small bands must not claim more than they showed) and
 * made non-decreasing. The `measure` receipts check them (bench:accuracy prints accuracy per
 * decile). Refit when the OCR engine or the extractors change: the fit is only as good as the
 * readings it was made on.
 */
interface Band {
  /** Raw confidences from this value up (to the next band) … */
  from: number;
  /** … are right this often. */
  calibrated: number;
}

/** Tuned on the tune set: merchant names are exact-match, so OCR misreads keep them < 0.8. */
const MERCHANT_BANDS: Band[] = [
  { from: 0, calibrated: 0.05 },
  { from: 0.6, calibrated: 0.12 },
  { from: 0.7, calibrated: 0.71 },
  { from: 0.8, calibrated: 0.78 },
];

/** Tuned on the tune set: a whole address read without one misread character is rare. */
const ADDRESS_BANDS: Band[] = [
  { from: 0, calibrated: 0.09 },
  { from: 0.6, calibrated: 0.34 },
  { from: 0.7, calibrated: 0.48 },
];

/** Tuned on the tune set: a valid date found is nearly always the purchase date. */
const DATE_BANDS: Band[] = [
  { from: 0, calibrated: 0.2 },
  { from: 0.3, calibrated: 0.8 },
  { from: 0.5, calibrated: 0.88 },
  { from: 0.6, calibrated: 0.91 },
];

/** Tuned on the tune set: a total that the subtotal, tax and items add up to. */
const CONFIRMED_TOTAL_BANDS: Band[] = [
  { from: 0, calibrated: 0.4 },
  { from: 0.6, calibrated: 0.67 },
  { from: 0.7, calibrated: 0.86 },
  { from: 0.8, calibrated: 0.94 },
];

/** Tuned on the tune set: a total the arithmetic does not confirm (or cannot check). */
const TOTAL_BANDS: Band[] = [
  { from: 0, calibrated: 0.18 },
  { from: 0.6, calibrated: 0.58 },
  { from: 0.7, calibrated: 0.64 },
  { from: 0.8, calibrated: 0.78 },
  { from: 0.9, calibrated: 0.94 },
];

/** Below this a total or a date is not trusted without a human look. */
export const REVIEW_THRESHOLD = 0.8;

function calibrate(raw: number, bands: Band[]): number {
  if (raw <= 0) return 0;
  let calibrated = bands[0].calibrated;
  for (const band of bands) if (raw >= band.from) calibrated = band.calibrated;
  return calibrated;
}

function withConfidence<T>(field: Field<T>, bands: Band[]): Field<T> {
  return field.value === null
    ? field
    : { ...field, confidence: calibrate(field.confidence, bands) };
}

export interface Calibrated {
  merchantName: Field<string>;
  address: Field<string>;
  date: Field<string>;
  total: Field<string>;
}

/** The four fields a receipt is found and totalled by, with calibrated confidences. */
export function calibrateFields(fields: Calibrated, checks: ArithmeticChecks): Calibrated {
  return {
    merchantName: withConfidence(fields.merchantName, MERCHANT_BANDS),
    address: withConfidence(fields.address, ADDRESS_BANDS),
    date: withConfidence(fields.date, DATE_BANDS),
    total: withConfidence(
      fields.total,
      checks.totalsAdd === true ? CONFIRMED_TOTAL_BANDS : TOTAL_BANDS,
    ),
  };
}

/**
 * Why the total or the date needs a human look even though one was found: it is below the
 * review threshold, or it is not the printed figure but one restored from other lines.
 */
export function reviewIssues(
  fields: Pick<Calibrated, 'date' | 'total'>,
  totalRepaired: boolean,
): string[] {
  const issues: string[] = [];
  const { total, date } = fields;
  if (total.value !== null && totalRepaired) {
    issues.push(`The total ${total.value} was restored from other lines, not read as printed.`);
  } else if (total.value !== null && total.confidence < REVIEW_THRESHOLD) {
    issues.push(`The total ${total.value} is uncertain (confidence ${total.confidence}).`);
  }
  if (date.value !== null && date.confidence < REVIEW_THRESHOLD) {
    issues.push(`The date ${date.value} is uncertain (confidence ${date.confidence}).`);
  }
  return issues;
}
