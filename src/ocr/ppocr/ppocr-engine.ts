import type { EnginePage, OcrEngine, ReadOptions } from '../ocr-engine.js';
import { linesFromWords, toPage } from '../ocr-lines.js';
import type { OcrLine, OcrWord } from '../ocr.types.js';
import type { PpOcrSegment } from './ppocr-pipeline.js';
import { PpOcrPool, type PpOcrPoolOptions } from './ppocr-pool.js';

/**
 * PP-OCRv4 (ONNX Runtime) over its pool of child processes. Each detected text box becomes a
 * "word" (it may hold several words), and boxes that share a row become one line, as PDF text
 * runs do.
 */
export class PpOcrEngine implements OcrEngine {
  readonly name = 'ppocr';
  private readonly pool: PpOcrPool;

  constructor(options: PpOcrPoolOptions) {
    this.pool = new PpOcrPool(options);
  }

  async read(page: EnginePage, options: ReadOptions = {}): Promise<OcrLine[]> {
    const { image } = page;
    if (!image.pixels) throw new Error('PP-OCR needs the prepared page as raw pixels.');
    const segments = await this.pool.recognize(
      { data: image.pixels, width: image.width, height: image.height },
      options,
    );
    const transform = { ...image, outerScale: page.outerScale };
    const words = segments.map((segment): OcrWord => ({
      text: toAscii(segment.text),
      confidence: segment.confidence,
      bbox: toPage(boundingBox(segment), transform),
    }));
    return linesFromWords(words, page.number).map((line) => ({ ...line, engine: this.name }));
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

function boundingBox(segment: PpOcrSegment) {
  const xs = segment.points.map((point) => point[0]);
  const ys = segment.points.map((point) => point[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * The Chinese recogniser writes full-width forms of ASCII punctuation and letters ("（GST",
 * "：") where the receipt printed plain ones; the parser's patterns expect ASCII.
 */
function toAscii(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
