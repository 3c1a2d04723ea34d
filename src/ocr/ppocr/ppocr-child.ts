import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { childProcessEnv } from '../../config/child-process-env.js';
import type { PooledEngine } from '../engine-pool.js';
import type { PpOcrPipelineOptions, PpOcrSegment } from './ppocr-pipeline.js';
import type { PpOcrRequest } from './ppocr-process.js';
import type { GreyImage } from './rec-batch.js';

/**
 * Heap cap of a PP-OCR process's JavaScript (tensors live outside it, in ONNX Runtime and
 * array buffers): a runaway post-processing step fails the page instead of growing the worker.
 */
const CHILD_HEAP_MB = 256;

/**
 * glibc malloc settings of a PP-OCR process (read by glibc when the process starts). ONNX
 * Runtime (its own arena is off) and each page's typed arrays take tens of MB a page from
 * malloc; with glibc's sliding mmap threshold (up to 32 MB), blocks that size soon come from
 * the main heap, which fragments and does not shrink. A fixed 4 MB threshold maps the large
 * blocks on their own and unmaps them when freed: over 10 receipts the process's peak fell
 * from ~290 to ~250 MB for 7% more CPU. Lower thresholds cut more (128 KB: ~190 MB) but every
 * mid-sized tensor then costs an mmap and fresh zeroed pages: 4× the CPU at 128 KB, +80% at
 * 1 MB (bench/RESULTS.md). Two arenas are plenty for its few threads.
 */
export const CHILD_MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '4194304' };

type ChildMessage =
  | { type: 'ready' }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'done'; id: number; segments: PpOcrSegment[] }
  | { type: 'failed'; id?: number; message: string };

/**
 * One child process running a PpOcrPipeline, one page at a time. Terminating it is SIGKILL:
 * safe in the middle of an ONNX Runtime session run, which a worker thread's terminate() was
 * not (it aborted the whole process), and the memory ONNX Runtime held goes back with it.
 */
export class PpOcrChild implements PooledEngine {
  private nextId = 1;
  private current?: {
    id: number;
    resolve: (segments: PpOcrSegment[]) => void;
    reject: (error: Error) => void;
    onProgress?: (fraction: number) => void;
  };
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('message', (message: ChildMessage) => {
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
    child.on('error', abort);
    child.on('exit', (code, signal) =>
      abort(new Error(`The PP-OCR process exited (${signal ?? `code ${code}`}).`)),
    );
  }

  /** Forks a process and waits until it has loaded the models. */
  static start(options: PpOcrPipelineOptions): Promise<PpOcrChild> {
    const entry = childEntry();
    const child = fork(entry.file, [JSON.stringify(options)], {
      // --expose-gc: the process collects between pages (ppocr-process.ts).
      execArgv: [...entry.execArgv, `--max-old-space-size=${CHILD_HEAP_MB}`, '--expose-gc'],
      env: childProcessEnv(CHILD_MALLOC_ENV),
      // Typed arrays cross as bytes (structured clone), not as JSON objects of numbers.
      serialization: 'advanced',
      // stdout belongs to the worker's JSON logs; ONNX Runtime's own complaints go to stderr.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const onMessage = (message: ChildMessage) => {
        if (message.type === 'ready') {
          cleanup();
          resolve(new PpOcrChild(child));
        } else if (message.type === 'failed') {
          cleanup();
          child.kill('SIGKILL');
          reject(new Error(message.message));
        }
      };
      const onError = (error: Error) => {
        cleanup();
        child.kill('SIGKILL');
        reject(error);
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        reject(
          new Error(`The PP-OCR process exited while starting (${signal ?? `code ${code}`}).`),
        );
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('error', onError);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.once('error', onError);
      child.once('exit', onExit);
    });
  }

  /** The process id, for tests and logs. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  read(image: GreyImage, onProgress?: (fraction: number) => void): Promise<PpOcrSegment[]> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.current = { id, resolve, reject, onProgress };
      const request: PpOcrRequest = {
        id,
        width: image.width,
        height: image.height,
        pixels: image.data,
      };
      this.child.send(request, (error) => {
        if (error && this.current?.id === id) this.finish(() => reject(error));
      });
    });
  }

  /** Kills the process (at once, whatever it is doing) and resolves once it has exited. */
  async terminate(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private finish(settle: () => void): void {
    this.current = undefined;
    settle();
  }
}

/**
 * The compiled entry in dist/, or — when this module runs from the TypeScript sources, as in
 * the tests — the source compiled on the fly by the same hooks the test harness gives its
 * child processes.
 */
function childEntry(): { file: string; execArgv: string[] } {
  const compiled = fileURLToPath(new URL('./ppocr-process.js', import.meta.url));
  if (existsSync(compiled)) return { file: compiled, execArgv: [] };
  const hooks = fileURLToPath(new URL('../../../test/utils/register-ts-hooks.ts', import.meta.url));
  return {
    file: fileURLToPath(new URL('./ppocr-process.ts', import.meta.url)),
    execArgv: ['--import', hooks],
  };
}
