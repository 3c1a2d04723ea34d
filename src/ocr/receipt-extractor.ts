import sharp from 'sharp';

import { AppError, ErrorCode } from '../common/errors/index.js';
import { prepareImage } from './image-preparer.js';
import type { OcrConfig } from './ocr.config.js';
import { linesFromTesseract } from './ocr-lines.js';
import type {
  ExtractionEngine,
  ExtractionProgress,
  ExtractionResult,
  ExtractionStage,
  ExtractOptions,
  OcrLine,
} from './ocr.types.js';
import { locateSources } from './parsing/locate-sources.js';
import { parseReceipt } from './parsing/parse-receipt.js';
import { readPdfPages } from './pdf-reader.js';
import { RecognizerPool } from './recognizer-pool.js';
import { inSpan, tracer } from '../tracing/tracer.js';

export type ReceiptExtractorOptions = OcrConfig;

/** Share of overall progress given to each stage; reading (OCR) dominates the time. */
const STAGE_SPAN: Record<ExtractionStage, [number, number]> = {
  preparing: [0, 0.1],
  reading: [0.1, 0.95],
  extracting: [0.95, 1],
};

/**
 * The worker's whole extraction: image preparation, OCR or PDF text, and field parsing.
 * One instance per process owns the tesseract pool; call `close()` on shutdown.
 */
export class ReceiptExtractor {
  private readonly pool: RecognizerPool;

  constructor(private readonly options: ReceiptExtractorOptions) {
    this.pool = new RecognizerPool({
      size: options.poolSize,
      recycleAfterJobs: options.recycleAfterJobs,
      jobTimeoutMs: options.jobTimeoutMs,
    });
  }

  /**
   * The whole extraction (every page, every stage) runs under the job deadline
   * (`jobTimeoutMs`): past it the attempt fails with TIMEOUT, whatever stage it is in, so one
   * hostile file cannot hold a worker slot (issue 8, defect 5). The parser itself reads only
   * bounded text, so its synchronous part is short whatever the file holds.
   *
   * @throws AppError FILE_UNREADABLE (permanent), OCR_FAILED, TIMEOUT or EXTRACTION_FAILED.
   */
  async extract(
    file: { path: string; mimeType: string },
    opts: ExtractOptions = {},
  ): Promise<ExtractionResult> {
    const run = new ExtractionRun(opts.onProgress);
    const { jobTimeoutMs } = this.options;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        run.stop();
        reject(
          new AppError(ErrorCode.TIMEOUT, `Extraction did not finish within ${jobTimeoutMs} ms.`, {
            details: { timeoutMs: jobTimeoutMs },
          }),
        );
      }, jobTimeoutMs);
    });
    const work = this.run(file, run);
    // Once the deadline has won, a late failure of the abandoned work is of no interest.
    work.catch(() => undefined);
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async run(
    file: { path: string; mimeType: string },
    run: ExtractionRun,
  ): Promise<ExtractionResult> {
    const { lines, pages, engine } =
      file.mimeType === 'application/pdf'
        ? await this.readPdf(file.path, run)
        : await this.readImage(file.path, run);

    run.enter('extracting', 0);
    const started = performance.now();
    const span = tracer.startSpan('receipt.stage.extracting');
    let record;
    try {
      record = locateSources(
        parseReceipt(
          lines.map((line) => ({ text: line.text, confidence: line.confidence })),
          { latestDate: tomorrow() },
        ),
        lines,
      );
    } catch (error) {
      throw new AppError(
        ErrorCode.EXTRACTION_FAILED,
        'The receipt fields could not be extracted.',
        { cause: error },
      );
    } finally {
      span.end();
    }
    run.timings.extractingMs += performance.now() - started;
    run.enter('extracting', 1);

    return {
      record,
      text: lines.map((line) => line.text).join('\n'),
      lines,
      pages,
      engine,
      timings: {
        preparingMs: Math.round(run.timings.preparingMs),
        readingMs: Math.round(run.timings.readingMs),
        extractingMs: Math.round(run.timings.extractingMs),
      },
    };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  private async readImage(path: string, run: ExtractionRun): Promise<PageRead> {
    run.enter('preparing', 0);
    const pages = await countImagePages(path);
    if (pages > this.options.maxPdfPages) {
      throw new AppError(
        ErrorCode.FILE_UNREADABLE,
        `The image has ${pages} pages; the limit is ${this.options.maxPdfPages}.`,
        { permanent: true },
      );
    }
    const lines: OcrLine[] = [];
    for (let index = 0; index < pages && !run.stopped; index++) {
      let started = performance.now();
      const prepared = await inSpan('receipt.stage.preparing', () =>
        prepareImage(path, { maxImagePixels: this.options.maxImagePixels, page: index }),
      );
      run.timings.preparingMs += performance.now() - started;
      run.enter('preparing', (index + 1) / pages);

      started = performance.now();
      const page = await inSpan('receipt.stage.reading', () =>
        this.pool.recognize(prepared.data, {
          onProgress: (fraction) => run.enter('reading', (index + fraction) / pages),
        }),
      );
      lines.push(...linesFromTesseract(page, index + 1, { ...prepared, outerScale: 1 }));
      run.timings.readingMs += performance.now() - started;
    }
    return { lines, pages, engine: 'tesseract' };
  }

  private async readPdf(path: string, run: ExtractionRun): Promise<PageRead> {
    run.enter('preparing', 0);
    const lines: OcrLine[] = [];
    let pages = 0;
    let textPages = 0;
    let started = performance.now();
    for await (const content of readPdfPages(
      path,
      this.options.maxPdfPages,
      this.options.maxImagePixels,
    )) {
      if (run.stopped) return { lines, pages, engine: 'pdf-text' };
      pages += 1;
      const done = (content.page - 1) / content.pageCount;
      if (content.kind === 'text') {
        textPages += 1;
        lines.push(...content.lines);
        run.timings.readingMs += performance.now() - started;
      } else {
        run.timings.preparingMs += performance.now() - started;
        started = performance.now();
        const prepared = await inSpan('receipt.stage.preparing', () =>
          prepareImage(content.png, { maxImagePixels: this.options.maxImagePixels }),
        );
        run.timings.preparingMs += performance.now() - started;
        started = performance.now();
        const page = await inSpan('receipt.stage.reading', () =>
          this.pool.recognize(prepared.data, {
            onProgress: (fraction) => run.enter('reading', done + fraction / content.pageCount),
          }),
        );
        lines.push(
          ...linesFromTesseract(page, content.page, { ...prepared, outerScale: content.scale }),
        );
        run.timings.readingMs += performance.now() - started;
      }
      run.enter('reading', content.page / content.pageCount);
      started = performance.now();
    }
    const engine: ExtractionEngine =
      textPages === pages ? 'pdf-text' : textPages === 0 ? 'tesseract' : 'mixed';
    return { lines, pages, engine };
  }
}

interface PageRead {
  lines: OcrLine[];
  pages: number;
  engine: ExtractionEngine;
}

/**
 * Tracks one extraction's stage timings and turns stage-local progress into overall progress
 * that never goes back; each stage change is reported even when the figure has not moved.
 */
class ExtractionRun {
  readonly timings = { preparingMs: 0, readingMs: 0, extractingMs: 0 };
  private reported = { stage: null as ExtractionStage | null, progress: 0 };
  /** Set when the deadline passed: the abandoned work reports nothing more. */
  stopped = false;

  constructor(private readonly onProgress?: (progress: ExtractionProgress) => void) {}

  stop(): void {
    this.stopped = true;
  }

  enter(stage: ExtractionStage, fraction: number): void {
    if (this.stopped) return;
    const [from, to] = STAGE_SPAN[stage];
    const share = Math.min(1, Math.max(0, fraction));
    const progress = Math.max(
      this.reported.progress,
      Math.round((from + (to - from) * share) * 1000) / 1000,
    );
    if (stage === this.reported.stage && progress === this.reported.progress) return;
    this.reported = { stage, progress };
    this.onProgress?.({ stage, progress });
  }
}

/** Tomorrow (UTC): the latest date a receipt being processed now can carry, whatever its time zone. */
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

async function countImagePages(path: string): Promise<number> {
  try {
    return (await sharp(path, { limitInputPixels: false }).metadata()).pages ?? 1;
  } catch (error) {
    throw new AppError(ErrorCode.FILE_UNREADABLE, 'The image could not be read.', {
      permanent: true,
      cause: error,
    });
  }
}
