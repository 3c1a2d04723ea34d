import type { OcrLine } from '../ocr.types.js';
import { parseReceipt } from '../parsing/parse-receipt.js';
import type { ParseOptions, ReceiptRecord } from '../parsing/receipt-record.js';
import type { Readings } from './readings.js';

export interface ExtractedRecord {
  record: ReceiptRecord;
  /** The lines the record's sources index into. */
  lines: OcrLine[];
}

/**
 * The record of a receipt from its readings: the one engine's lines parsed, or both engines'
 * readings combined. Pure, so benchmarks re-run it on saved readings.
 */
export function recordFromReadings(readings: Readings, options: ParseOptions): ExtractedRecord {
  const lines = readings.ppocr ?? readings.tesseract ?? [];
  const record = parseReceipt(
    lines.map((line) => ({ text: line.text, confidence: line.confidence })),
    options,
  );
  return { record, lines };
}
