import sharp from 'sharp';

import { AppError, ErrorCode } from '../common/errors/index.js';
import { prepareImage } from './image-preparer.js';
import { recordFromReadings } from './combine/record-from-readings.js';
import type { Readings } from './combine/readings.js';
import type { OcrConfig } from './ocr.config.js';
import type { EnginePage, OcrEngine } from './ocr-engine.js';
import type {
  ExtractionEngine,
  ExtractionProgress,
  ExtractionResult,
  ExtractionStage,
  ExtractOptions,
  OcrLine,
} from './ocr.types.js';
import { readPdfPages } from './pdf-reader.js';
import { PpOcrEngine } from './ppocr/ppocr-engine.js';
import type { PpOcrPipelineOptions } from './ppocr/ppocr-pipeline.js';
import { TesseractEngine } from './tesseract-engine.js';
import { inSpan, tracer } from '../tracing/tracer.js';

export interface ReceiptExtractorOptions extends OcrConfig {
  /** PP-OCR settings other than the measured defaults (benchmarks compare them). */
  ppocr?: Partial<PpOcrPipelineOptions>;
}

/**
 * PP-OCR's measured settings (bench/RESULTS.md): detection at 480 px wide read as well as the
 * reference's 960 px longer side on typical receipts, and keeps long receipts' text legible;
 * 1.2 MP caps its memory (~100 MB of activations at 0.5 MP). 400 boxes is ~4× a dense receipt.
 * Strips 640 px high cut the PP-OCR process's peak over a run of receipts from ~400 to ~300 MB
 * for the same error rate (8.67% against 8.61% on 40 receipts; on all 248 the combined reading
 * scored the same or better): detection activations grow with the area seen at once.
 */
const PPOCR_DEFAULTS: PpOcrPipelineOptions = {
  detWidth: 480,
  detMaxPixels: 1_228_800,
  maxBoxes: 400,
  detStripHeight: 640,
};

/** libvips threads per image operation unless configured: one core per job being prepared. */
const DEFAULT_IMAGE_THREADS = 1;

/** Share of overall progress given to each stage; reading (OCR) dominates the time. */
const STAGE_SPAN: Record<ExtractionStage, [number, number]> = {
  preparing: [0, 0.1],
  reading: [0.1, 0.95],
  extracting: [0.95, 1],
};

/**
 * The worker's whole extraction: image preparation, OCR or PDF text, and field parsing.
 * One instance per process owns the OCR engines' pools; call `close()` on shutdown.
 */
export class ReceiptExtractor {
  private readonly engines: OcrEngine[];

  constructor(private readonly options: ReceiptExtractorOptions) {
    // libvips' pool is process-wide; by default it takes every core for each image, so a worker
    // at concurrency 1 briefly used both cores while preparing (bench/RESULTS.md, "Scaling out").
    sharp.concurrency(options.imageThreads ?? DEFAULT_IMAGE_THREADS);
    // libvips' operation cache (by default up to 50 MB and 100 operations) keeps results for
    // inputs seen again; a worker sees each upload once, so it only holds memory.
    sharp.cache(false);
    const pool = {
      size: options.poolSize,
      recycleAfterJobs: options.recycleAfterJobs,
      jobTimeoutMs: options.jobTimeoutMs,
    };
    this.engines = options.engines.map((name) =>
      name === 'ppocr'
        ? new PpOcrEngine({ ...pool, ...PPOCR_DEFAULTS, ...options.ppocr })
        : new TesseractEngine(pool),
    );
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
    const { jobTimeoutMs } = this.options;
    const run = new ExtractionRun(jobTimeoutMs, opts.onProgress);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = run.timeoutError();
        // Recognisers still reading this receipt's pages are stopped, not left to finish.
        run.stop(error);
        reject(error);
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
    const { readings, pages, engine } =
      file.mimeType === 'application/pdf'
        ? await this.readPdf(file.path, run)
        : await this.readImage(file.path, run);

    // The timer cannot fire while synchronous work holds the event loop, so the deadline is
    // also checked between stages: work that overran it fails the same way, whichever finishes
    // first.
    run.assertInTime();
    run.enter('extracting', 0);
    const started = performance.now();
    const span = tracer.startSpan('receipt.stage.extracting');
    let extracted;
    try {
      extracted = recordFromReadings(readings, { latestDate: tomorrow() });
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
    run.assertInTime();
    run.enter('extracting', 1);

    const { record, lines } = extracted;
    return {
      record,
      text: lines.map((line) => line.text).join('\n'),
      lines,
      readings,
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
    await Promise.all(this.engines.map((engine) => engine.close()));
  }

  /** Every engine reads the page at once, each into its own reading; progress is their mean. */
  private async readPage(
    page: EnginePage,
    readings: Readings,
    signal: AbortSignal,
    onProgress: (fraction: number) => void,
  ): Promise<void> {
    const fractions = this.engines.map(() => 0);
    const lines = await Promise.all(
      this.engines.map((engine, index) =>
        engine.read(page, {
          signal,
          onProgress: (fraction) => {
            fractions[index] = fraction;
            onProgress(fractions.reduce((sum, value) => sum + value, 0) / fractions.length);
          },
        }),
      ),
    );
    this.engines.forEach((engine, index) => readings[engine.name]!.push(...lines[index]));
  }

  /** Text-layer lines are exact: every engine's reading gets them as they are. */
  private addToAll(readings: Readings, lines: OcrLine[]): void {
    for (const engine of this.engines) readings[engine.name]!.push(...lines);
  }

  private emptyReadings(): Readings {
    return Object.fromEntries(this.engines.map((engine) => [engine.name, []]));
  }

  private get engineName(): ExtractionEngine {
    return this.engines.length > 1 ? 'ppocr+tesseract' : this.engines[0].name;
  }

  private get needsPixels(): boolean {
    return this.engines.some((engine) => engine.name === 'ppocr');
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
    const readings = this.emptyReadings();
    for (let index = 0; index < pages && !run.stopped; index++) {
      let started = performance.now();
      const prepared = await inSpan('receipt.stage.preparing', () =>
        prepareImage(path, {
          maxImagePixels: this.options.maxImagePixels,
          page: index,
          pixels: this.needsPixels,
        }),
      );
      run.timings.preparingMs += performance.now() - started;
      run.enter('preparing', (index + 1) / pages);

      started = performance.now();
      await inSpan('receipt.stage.reading', () =>
        this.readPage(
          { image: prepared, number: index + 1, outerScale: 1 },
          readings,
          run.signal,
          (fraction) => run.enter('reading', (index + fraction) / pages),
        ),
      );
      run.timings.readingMs += performance.now() - started;
    }
    return { readings, pages, engine: this.engineName };
  }

  private async readPdf(path: string, run: ExtractionRun): Promise<PageRead> {
    run.enter('preparing', 0);
    const readings = this.emptyReadings();
    let pages = 0;
    let textPages = 0;
    let started = performance.now();
    for await (const content of readPdfPages(
      path,
      this.options.maxPdfPages,
      this.options.maxImagePixels,
    )) {
      if (run.stopped) return { readings, pages, engine: 'pdf-text' };
      pages += 1;
      const done = (content.page - 1) / content.pageCount;
      if (content.kind === 'text') {
        textPages += 1;
        this.addToAll(readings, content.lines);
        run.timings.readingMs += performance.now() - started;
      } else {
        run.timings.preparingMs += performance.now() - started;
        started = performance.now();
        const prepared = await inSpan('receipt.stage.preparing', () =>
          prepareImage(content.png, {
            maxImagePixels: this.options.maxImagePixels,
            pixels: this.needsPixels,
          }),
        );
        run.timings.preparingMs += performance.now() - started;
        started = performance.now();
        await inSpan('receipt.stage.reading', () =>
          this.readPage(
            { image: prepared, number: content.page, outerScale: content.scale },
            readings,
            run.signal,
            (fraction) => run.enter('reading', done + fraction / content.pageCount),
          ),
        );
        run.timings.readingMs += performance.now() - started;
      }
      run.enter('reading', content.page / content.pageCount);
      started = performance.now();
    }
    const engine: ExtractionEngine =
      textPages === pages ? 'pdf-text' : textPages === 0 ? this.engineName : 'mixed';
    return { readings, pages, engine };
  }
}

interface PageRead {
  readings: Readings;
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
  private readonly controller = new AbortController();

  private readonly deadlineAt: number;

  constructor(
    private readonly timeoutMs: number,
    private readonly onProgress?: (progress: ExtractionProgress) => void,
  ) {
    this.deadlineAt = performance.now() + timeoutMs;
  }

  /** Aborted when the deadline passed. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Set when the deadline passed: the abandoned work reports nothing more. */
  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  stop(reason: AppError): void {
    this.controller.abort(reason);
  }

  timeoutError(): AppError {
    return new AppError(
      ErrorCode.TIMEOUT,
      `Extraction did not finish within ${this.timeoutMs} ms.`,
      { details: { timeoutMs: this.timeoutMs } },
    );
  }

  /** @throws AppError TIMEOUT once the deadline has passed. */
  assertInTime(): void {
    if (this.stopped || performance.now() > this.deadlineAt) throw this.timeoutError();
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
