import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import Tesseract from 'tesseract.js';

import { inSpan } from '../tracing/tracer.js';
import { EnginePool, type EnginePoolOptions } from './engine-pool.js';

export type RecognizerPoolOptions = EnginePoolOptions;

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
  /** Aborted when the caller gave up: the worker is terminated and replaced. */
  signal?: AbortSignal;
  /** Replace the worker after this recognition (EnginePool's `retire`). */
  retire?: boolean;
}

/** A tesseract.js worker and where its progress messages go while it runs a job. */
interface TesseractWorker {
  worker: Tesseract.Worker;
  onProgress?: (fraction: number) => void;
  terminate(): Promise<unknown>;
}

/**
 * tesseract.js workers (each a worker thread) in an EnginePool: reused, replaced after
 * `recycleAfterJobs` jobs (tesseract keeps memory from its largest page), terminated when a
 * job overruns its deadline.
 */
export class RecognizerPool {
  private readonly pool: EnginePool<TesseractWorker>;

  constructor(options: RecognizerPoolOptions) {
    this.pool = new EnginePool(options, spawn);
  }

  /**
   * Recognises one prepared image (PSM 6: one uniform block, which keeps a label and its amount
   * on one line). Progress is reported as 0..1 of this recognition.
   *
   * @throws AppError TIMEOUT when the deadline passes or `signal` aborts (the worker is
   *   replaced), OCR_FAILED when tesseract fails.
   */
  async recognize(image: Buffer, options: RecognizeOptions = {}): Promise<Tesseract.Page> {
    return this.pool.run(
      async (engine) => {
        engine.onProgress = options.onProgress;
        try {
          const result = await inSpan('ocr.tesseract.recognize', () =>
            engine.worker.recognize(image, {}, { text: true, blocks: true }),
          );
          return result.data;
        } finally {
          engine.onProgress = undefined;
        }
      },
      { signal: options.signal, retire: options.retire },
    );
  }

  /** Terminates every worker; pending and later calls fail with OCR_FAILED. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}

async function spawn(): Promise<TesseractWorker> {
  const engine = {} as TesseractWorker;
  engine.worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
    langPath: LANG_PATH,
    gzip: true,
    // The default cache writes the 5 MB model into the working directory.
    cacheMethod: 'none',
    logger: (message) => {
      if (message.status === 'recognizing text') engine.onProgress?.(message.progress);
    },
    // Without a handler tesseract.js rethrows worker errors from its message listener, which
    // is an uncaught exception; the failed job's promise already rejects with the error.
    errorHandler: () => undefined,
  });
  engine.terminate = () => engine.worker.terminate();
  await engine.worker.setParameters({
    tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK,
    preserve_interword_spaces: '1',
    // Characters receipts do not print but tesseract makes of table rules, specks and logos;
    // forbidding them makes it pick the real character (CER 11.9% → 10.9%, bench/RESULTS.md).
    tessedit_char_blacklist: '|©®§«»¦~',
  });
  return engine;
}
