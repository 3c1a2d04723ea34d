import { AppError, ErrorCode } from '../common/errors/index.js';

export interface EnginePoolOptions {
  size: number;
  /** An engine is replaced after this many jobs, to hand back memory it keeps. */
  recycleAfterJobs: number;
  /** Deadline of one job; past it the engine is terminated and replaced. */
  jobTimeoutMs: number;
}

/**
 * An engine instance in its own thread or process, which only terminating can interrupt.
 * Terminating must be safe at any moment, also in the middle of a job.
 */
export interface PooledEngine {
  terminate(): Promise<unknown>;
}

export interface RunOptions {
  /** Aborted when the caller no longer wants the result. */
  signal?: AbortSignal;
  /**
   * Replace the engine once this job is done, whatever its job count: the job is known to make
   * it keep memory it will not give back (a page larger than the engine's usual ones).
   */
  retire?: boolean;
}

interface Slot<E> {
  engine: E;
  jobs: number;
}

/**
 * A fixed-size pool of OCR engines, each in its own worker thread or child process so
 * recognition never blocks the event loop. Engines are created lazily, reused, replaced after
 * `recycleAfterJobs` jobs, and terminated when a job overruns its deadline — a stuck engine
 * cannot be interrupted any other way, and a slow page must fail with TIMEOUT rather than hold
 * the worker.
 */
export class EnginePool<E extends PooledEngine> {
  private readonly idle: Array<Slot<E>> = [];
  private readonly waiters: Array<() => void> = [];
  private live = 0;
  private closed = false;

  constructor(
    private readonly options: EnginePoolOptions,
    private readonly spawnEngine: () => Promise<E>,
  ) {}

  /**
   * Runs one job on an idle engine. `signal` lets the caller give up early (its own deadline
   * passed): the engine is terminated at once rather than left computing for nobody.
   *
   * @throws AppError TIMEOUT when the deadline passes or `signal` aborts (the engine is
   *   replaced), OCR_FAILED when the engine fails or cannot start.
   */
  async run<T>(job: (engine: E) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const { signal, retire = false } = options;
    if (signal?.aborted) throw stopped(signal);
    const slot = await this.acquire();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError(
              ErrorCode.TIMEOUT,
              `OCR did not finish within ${this.options.jobTimeoutMs} ms.`,
              { details: { timeoutMs: this.options.jobTimeoutMs } },
            ),
          ),
        this.options.jobTimeoutMs,
      );
      if (signal) {
        onAbort = () => reject(stopped(signal));
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    const work = job(slot.engine);
    // Once the deadline has won, a late failure of the abandoned job is of no interest.
    work.catch(() => undefined);
    try {
      const result = await Promise.race([work, deadline]);
      slot.jobs += 1;
      this.release(slot, retire);
      return result;
    } catch (error) {
      // After a timeout or an engine error the engine's state is unknown: never reuse it.
      this.discard(slot);
      if (error instanceof AppError) throw error;
      throw new AppError(ErrorCode.OCR_FAILED, `OCR failed: ${String(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Terminates every engine; pending and later calls fail with OCR_FAILED. */
  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle.splice(0);
    this.live -= idle.length;
    for (const wake of this.waiters.splice(0)) wake();
    await Promise.all(idle.map((slot) => slot.engine.terminate()));
  }

  private async acquire(): Promise<Slot<E>> {
    for (;;) {
      if (this.closed) {
        throw new AppError(ErrorCode.OCR_FAILED, 'The OCR engine is shutting down.');
      }
      const idle = this.idle.pop();
      if (idle) return idle;
      if (this.live < this.options.size) {
        this.live += 1;
        try {
          return { engine: await this.spawnEngine(), jobs: 0 };
        } catch (error) {
          this.live -= 1;
          this.wakeOne();
          throw new AppError(
            ErrorCode.OCR_FAILED,
            `The OCR engine could not start: ${String(error)}`,
            { cause: error },
          );
        }
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private release(slot: Slot<E>, retire: boolean): void {
    if (this.closed || retire || slot.jobs >= this.options.recycleAfterJobs) {
      this.discard(slot);
      return;
    }
    this.idle.push(slot);
    this.wakeOne();
  }

  private discard(slot: Slot<E>): void {
    this.live -= 1;
    // Terminating kills the thread at once; the promise only reports that it did.
    slot.engine.terminate().catch(() => undefined);
    this.wakeOne();
  }

  private wakeOne(): void {
    this.waiters.shift()?.();
  }
}

/** The caller's own deadline passed: its reason when that is one of ours, TIMEOUT otherwise. */
function stopped(signal: AbortSignal): AppError {
  return signal.reason instanceof AppError
    ? signal.reason
    : new AppError(ErrorCode.TIMEOUT, 'OCR was stopped: its caller gave up waiting.');
}
