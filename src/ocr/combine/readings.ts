import type { OcrEngineName } from '../ocr-engine.js';
import type { OcrLine } from '../ocr.types.js';

/** Each engine's reading of the whole receipt (all pages), in reading order. */
export type Readings = Partial<Record<OcrEngineName, OcrLine[]>>;
