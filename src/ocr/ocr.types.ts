import type { Readings } from './combine/readings.js';
import type { OcrEngineName } from './ocr-engine.js';
import type { ReceiptRecord } from './parsing/receipt-record.js';

/** A box in the page's own coordinates: image pixels (after EXIF rotation) or PDF points, origin top-left. */
export interface BBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: BBox;
}

export interface OcrLine {
  /** Words joined by one space, or two where a wide gap separates columns (label … amount). */
  text: string;
  /** 0..1; 1 for text read from a PDF text layer. */
  confidence: number;
  bbox: BBox;
  /** 1-based page number. */
  page: number;
  words?: OcrWord[];
  /** The engine that read the line; absent for PDF text layers. */
  engine?: OcrEngineName;
}

export type ExtractionStage = 'preparing' | 'reading' | 'extracting';

export interface ExtractionProgress {
  stage: ExtractionStage;
  /** 0..1 over the whole extraction, never decreasing. */
  progress: number;
}

/**
 * What produced the text: one OCR engine, both combined (`ppocr+tesseract`), a PDF's text layer,
 * or a PDF mixing text pages with OCR'd ones.
 */
export type ExtractionEngine = OcrEngineName | 'ppocr+tesseract' | 'pdf-text' | 'mixed';

export interface ExtractionResult {
  record: ReceiptRecord;
  text: string;
  /** The lines the record was read from (with two engines, the combined reading). */
  lines: OcrLine[];
  /** Each engine's own lines, kept so benchmarks can re-run parsing and combination. */
  readings: Readings;
  pages: number;
  engine: ExtractionEngine;
  timings: { preparingMs: number; readingMs: number; extractingMs: number };
}

export interface ExtractOptions {
  onProgress?: (progress: ExtractionProgress) => void;
}
