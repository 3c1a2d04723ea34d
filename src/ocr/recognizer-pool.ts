import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import Tesseract from 'tesseract.js';

import { AppError, ErrorCode } from '../common/errors/index.js';
import { inSpan } from '../tracing/tracer.js';

export interface RecognizerPoolOptions {
  size: number;
  recycleAfterJobs: number;
  jobTimeoutMs: number;
}

/**
 * Language data shipped in npm: the integer-quantised LSTM model only. The plain `4.0.0` folder
 * adds the legacy engine (~100 MB more per worker) for the same LSTM output, and without a local
 * langPath tesseract.js fetches from a CDN — offline that crashes the process.
 */
const LANG_PATH = join(
  dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng')),
  '4.0.0_best_int',
);

export interface RecognizeOptions {
  /** 0..1 of this recognition. */
  onProgress?: (fraction: number) => void;
}

interface Slot {
  worker: Tesseract.Worker;
  jobs: number;
  /** Where the worker's progress messages go while it runs a job. */
  onProgress?: (fraction: number) => void;
}

/**
 * A fixed-size pool of tesseract.js workers (each a worker thread, so recognition never blocks
 * the event loop). Workers are created lazily, reused, replaced after `recycleAfterJobs` jobs
 * (tesseract keeps memory from its largest page), and terminated when a job overruns its
 * deadline — a stuck worker cannot be interrupted any other way.
 */
export class RecognizerPool {
  private readonly idle: Slot[] = [];
  private readonly waiters: Array<() => void> = [];
  private live = 0;
  private closed = false;

  constructor(private readonly options: RecognizerPoolOptions) {}

  /**
   * Recognises one prepared image (PSM 6: one uniform block, which keeps a label and its amount
   * on one line). Progress is reported as 0..1 of this recognition.
   *
   * @throws AppError TIMEOUT when the deadline passes (the worker is replaced), OCR_FAILED when
   *   tesseract fails.
   */
  async recognize(image: Buffer, options: RecognizeOptions = {}): Promise<Tesseract.Page> {
    const slot = await this.acquire();
    slot.onProgress = options.onProgress;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError(
              ErrorCode.TIMEOUT,
              `OCR did not finish within ${this.options.jobTimeoutMs} ms.`,
              {
                details: { timeoutMs: this.options.jobTimeoutMs },
              },
            ),
          ),
        this.options.jobTimeoutMs,
      );
    });
    const recognition = slot.worker.recognize(image, {}, { text: true, blocks: true });
    // Once the deadline has won, a late failure of the abandoned recognition is of no interest.
    recognition.catch(() => undefined);
    try {
      const result = await inSpan('ocr.tesseract.recognize', () =>
        Promise.race([recognition, deadline]),
      );
      slot.jobs += 1;
      this.release(slot);
      return result.data;
    } catch (error) {
      // After a timeout or an engine error the worker's state is unknown: never reuse it.
      this.discard(slot);
      if (error instanceof AppError) throw error;
      throw new AppError(ErrorCode.OCR_FAILED, `OCR failed: ${String(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
      slot.onProgress = undefined;
    }
  }

  /** Terminates every worker; pending and later calls fail with OCR_FAILED. */
  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    this.live -= idle.length;
    for (const wake of this.waiters.splice(0)) wake();
    await Promise.all(idle.map((slot) => slot.worker.terminate()));
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      if (this.closed) {
        throw new AppError(ErrorCode.OCR_FAILED, 'The OCR engine is shutting down.');
      }
      const idle = this.idle.pop();
      if (idle) return idle;
      if (this.live < this.options.size) {
        this.live += 1;
        try {
          return await this.spawn();
        } catch (error) {
          this.live -= 1;
          this.wakeOne();
          throw new AppError(
            ErrorCode.OCR_FAILED,
            `The OCR engine could not start: ${String(error)}`,
            {
              cause: error,
            },
          );
        }
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private async spawn(): Promise<Slot> {
    const slot = {} as Slot;
    slot.jobs = 0;
    slot.worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
      langPath: LANG_PATH,
      gzip: true,
      // The default cache writes the 5 MB model into the working directory.
      cacheMethod: 'none',
      logger: (message) => {
        if (message.status === 'recognizing text') slot.onProgress?.(message.progress);
      },
      // Without a handler tesseract.js rethrows worker errors from its message listener, which
      // is an uncaught exception; the failed job's promise already rejects with the error.
      errorHandler: () => undefined,
    });
    await slot.worker.setParameters({
      tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK,
      preserve_interword_spaces: '1',
      // Characters receipts do not print but tesseract makes of table rules, specks and logos;
      // forbidding them makes it pick the real character (CER 11.9% → 10.9%, bench/RESULTS.md).
      tessedit_char_blacklist: '|©®§«»¦~',
    });
    return slot;
  }

  private release(slot: Slot): void {
    if (this.closed || slot.jobs >= this.options.recycleAfterJobs) {
      this.discard(slot);
      return;
    }
    this.idle.push(slot);
    this.wakeOne();
  }

  private discard(slot: Slot): void {
    this.live -= 1;
    // terminate() kills the thread synchronously; the promise only reports that it did.
    slot.worker.terminate().catch(() => undefined);
    this.wakeOne();
  }

  private wakeOne(): void {
    this.waiters.shift()?.();
  }
}
