import { ErrorCode } from './error-code.js';

export interface AppErrorOptions {
  details?: unknown;
  cause?: unknown;
  /**
   * A permanent error will fail the same way on every retry (a corrupt file, a pixel bomb);
   * the queue must not retry it. Transient errors (a dependency blip) are retried.
   */
  permanent?: boolean;
  /** Seconds a client should wait before retrying (sent as `Retry-After`). */
  retryAfterSeconds?: number;
}

/**
 * The base of every error the application throws on purpose. It carries a stable code
 * and a message meant for the client; the global filter decides the HTTP status from the code.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly permanent: boolean;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details;
    this.permanent = options.permanent ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
