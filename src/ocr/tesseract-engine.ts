import type { EnginePoolOptions } from './engine-pool.js';
import type { EnginePage, OcrEngine, ReadOptions } from './ocr-engine.js';
import { linesFromTesseract } from './ocr-lines.js';
import type { OcrLine } from './ocr.types.js';
import { RecognizerPool } from './recognizer-pool.js';

/**
 * A recogniser that read a page larger than this is replaced after it. tesseract.js's WebAssembly
 * memory grows to fit the largest page it has read and never shrinks: one worker read 2.3 and
 * 3.0 MP receipts at ~255 MB of process memory, a 6.8 MP page took it to ~335 MB, and it stayed
 * there for the small pages after (bench/RESULTS.md). Prepared SROIE receipts are 1.2–3 MP (1000
 * px wide), so only unusually long pages pay the ~0.4 s of a fresh recogniser.
 */
export const RETIRE_AFTER_PAGE_PIXELS = 4_000_000;

/** tesseract.js (LSTM, PSM 6) over its pool of worker threads. */
export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract';
  private readonly pool: RecognizerPool;

  constructor(options: EnginePoolOptions) {
    this.pool = new RecognizerPool(options);
  }

  async read(page: EnginePage, options: ReadOptions = {}): Promise<OcrLine[]> {
    const { width, height } = page.image;
    const result = await this.pool.recognize(page.image.data, {
      ...options,
      retire: width * height > RETIRE_AFTER_PAGE_PIXELS,
    });
    return linesFromTesseract(result, page.number, {
      ...page.image,
      outerScale: page.outerScale,
    }).map((line) => ({ ...line, engine: this.name }));
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
