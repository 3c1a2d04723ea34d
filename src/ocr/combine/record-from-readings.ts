import type { OcrLine } from '../ocr.types.js';
import { parseReceipt } from '../parsing/parse-receipt.js';
import { locateSources } from '../parsing/locate-sources.js';
import type { ParseOptions, ReceiptRecord } from '../parsing/receipt-record.js';
import { combineReadings } from './combine-readings.js';
import type { Readings } from './readings.js';

export interface ExtractedRecord {
  record: ReceiptRecord;
  /** The lines the record's sources index into. */
  lines: OcrLine[];
}

/**
 * The record of a receipt from its readings: one engine's lines parsed, or both engines'
 * readings combined; every source gets its page, box and engine(s). Pure, so benchmarks re-run
 * it on saved readings.
 */
export function recordFromReadings(readings: Readings, options: ParseOptions): ExtractedRecord {
  if (readings.ppocr && readings.tesseract) {
    const { record, lines } = combineReadings(readings.ppocr, readings.tesseract, options);
    return { record: locateSources(record, lines), lines };
  }
  const lines = readings.ppocr ?? readings.tesseract ?? [];
  const record = parseReceipt(
    lines.map((line) => ({ text: line.text, confidence: line.confidence })),
    options,
  );
  return { record: locateSources(record, lines), lines };
}
