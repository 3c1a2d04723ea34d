import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { EnginePool, type EnginePoolOptions } from '../engine-pool.js';
import type { PpOcrPipelineOptions, PpOcrSegment } from './ppocr-pipeline.js';
import type { PpOcrRequest } from './ppocr-thread.js';
import type { GreyImage } from './rec-batch.js';

export type PpOcrPoolOptions = EnginePoolOptions & PpOcrPipelineOptions;

/**
 * Heap cap of a PP-OCR thread's JavaScript (tensors live outside it, in ONNX Runtime and
 * array buffers): a runaway post-processing step fails the page instead of growing the worker.
 */
const THREAD_HEAP_MB = 256;

type ThreadMessage =
  | { type: 'ready' }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'done'; id: number; segments: PpOcrSegment[] }
  | { type: 'failed'; id?: number; message: string };

/** One worker thread running a PpOcrPipeline, one page at a time. */
class PpOcrThread {
  private nextId = 1;
  private current?: {
    id: number;
    resolve: (segments: PpOcrSegment[]) => void;
    reject: (error: Error) => void;
    onProgress?: (fraction: number) => void;
  };

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: ThreadMessage) => {
      const job = this.current;
      if (!job || !('id' in message) || message.id !== job.id) return;
      if (message.type === 'progress') job.onProgress?.(message.fraction);
      else if (message.type === 'done') this.finish(() => job.resolve(message.segments));
      else if (message.type === 'failed') this.finish(() => job.reject(new Error(message.message)));
    });
    const abort = (error: Error) => {
      const job = this.current;
      if (job) this.finish(() => job.reject(error));
    };
    worker.on('error', abort);
    worker.on('exit', (code) => abort(new Error(`The PP-OCR thread exited (code ${code}).`)));
  }

  static start(options: PpOcrPipelineOptions): Promise<PpOcrThread> {
    const entry = threadEntry();
    const worker = new Worker(entry.file, {
      workerData: options,
      execArgv: entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    return new Promise((resolve, reject) => {
      const onMessage = (message: ThreadMessage) => {
        if (message.type === 'ready') {
          cleanup();
          resolve(new PpOcrThread(worker));
        } else if (message.type === 'failed') {
          cleanup();
          void worker.terminate();
          reject(new Error(message.message));
        }
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`The PP-OCR thread exited while starting (code ${code}).`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
  }

  read(image: GreyImage, onProgress?: (fraction: number) => void): Promise<PpOcrSegment[]> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.current = { id, resolve, reject, onProgress };
      // A copy the thread owns: transferring moves it without a second copy.
      const pixels = new Uint8Array(image.data);
      const request: PpOcrRequest = { id, width: image.width, height: image.height, pixels };
      this.worker.postMessage(request, [pixels.buffer]);
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }

  private finish(settle: () => void): void {
    this.current = undefined;
    settle();
  }
}

/**
 * PP-OCR worker threads in an EnginePool: each loads the ONNX models once (~16 MB of weights)
 * and is replaced after `recycleAfterJobs` pages or when a page overruns its deadline.
 */
export class PpOcrPool {
  private readonly pool: EnginePool<PpOcrThread>;

  constructor(options: PpOcrPoolOptions) {
    const { detWidth, detMaxPixels, maxBoxes } = options;
    this.pool = new EnginePool(options, () =>
      PpOcrThread.start({ detWidth, detMaxPixels, maxBoxes }),
    );
  }

  /**
   * Text boxes of one greyscale page, in reading order.
   *
   * @throws AppError TIMEOUT when the deadline passes (the thread is replaced), OCR_FAILED when
   *   the engine fails or cannot start.
   */
  async recognize(
    image: GreyImage,
    options: { onProgress?: (fraction: number) => void } = {},
  ): Promise<PpOcrSegment[]> {
    return this.pool.run((thread) => thread.read(image, options.onProgress));
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

/**
 * The compiled thread in dist/, or — when this module runs from the TypeScript sources, as in
 * the tests — the source compiled on the fly by the same hooks the test harness gives its
 * child processes.
 */
function threadEntry(): { file: string; execArgv: string[] } {
  const compiled = fileURLToPath(new URL('./ppocr-thread.js', import.meta.url));
  if (existsSync(compiled)) return { file: compiled, execArgv: [] };
  const hooks = fileURLToPath(new URL('../../../test/utils/register-ts-hooks.ts', import.meta.url));
  return {
    file: fileURLToPath(new URL('./ppocr-thread.ts', import.meta.url)),
    execArgv: ['--import', hooks],
  };
}
