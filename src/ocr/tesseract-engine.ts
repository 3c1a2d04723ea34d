import type { EnginePoolOptions } from './engine-pool.js';
import type { EnginePage, OcrEngine, ReadOptions } from './ocr-engine.js';
import { linesFromTesseract } from './ocr-lines.js';
import type { OcrLine } from './ocr.types.js';
import { RecognizerPool } from './recognizer-pool.js';

/** tesseract.js (LSTM, PSM 6) over its pool of worker threads. */
export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract';
  private readonly pool: RecognizerPool;

  constructor(options: EnginePoolOptions) {
    this.pool = new RecognizerPool(options);
  }

  async read(page: EnginePage, options: ReadOptions = {}): Promise<OcrLine[]> {
    const result = await this.pool.recognize(page.image.data, options);
    return linesFromTesseract(result, page.number, {
      ...page.image,
      outerScale: page.outerScale,
    }).map((line) => ({ ...line, engine: this.name }));
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
