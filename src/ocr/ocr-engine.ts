import type { OCR_ENGINE_NAMES } from '../config/env.schema.js';
import type { PreparedImage } from './image-preparer.js';
import type { OcrLine } from './ocr.types.js';

/** The OCR engines a worker can run (`OCR_ENGINES`). */
export type OcrEngineName = (typeof OCR_ENGINE_NAMES)[number];

/** One prepared page and where its pixels sit on the page. */
export interface EnginePage {
  image: PreparedImage;
  /** 1-based. */
  number: number;
  /** Rendered pixels → PDF points for rendered PDF pages; 1 for images. */
  outerScale: number;
}

export interface ReadOptions {
  /** 0..1 of this page's reading. */
  onProgress?: (fraction: number) => void;
  /** Aborted when the receipt's deadline passed: the recogniser is stopped and replaced. */
  signal?: AbortSignal;
}

/**
 * A text recogniser behind a pool: reads a prepared page into lines in the page's coordinates,
 * each marked with the engine's name.
 *
 * @throws AppError TIMEOUT or OCR_FAILED.
 */
export interface OcrEngine {
  readonly name: OcrEngineName;
  read(page: EnginePage, options?: ReadOptions): Promise<OcrLine[]>;
  close(): Promise<void>;
}
