import { AppError, ErrorCode, isDependencyUnavailable } from '../../common/errors/index.js';
import { FAILURE_CODES, type FailureCode } from '../receipt-status.js';

const UNPROCESSABLE_FILE = new Set<string>([
  ErrorCode.IMAGE_TOO_LARGE,
  ErrorCode.TOO_MANY_PAGES,
  ErrorCode.PDF_ENCRYPTED,
  ErrorCode.EMPTY_FILE,
  ErrorCode.UNSUPPORTED_MEDIA_TYPE,
]);

/** The code a failed attempt is recorded with (stored on the receipt, shown to the client). */
export function failureCodeOf(error: unknown): FailureCode {
  // PostgreSQL or Redis went away mid-attempt: nothing is wrong with the receipt (retried).
  if (isDependencyUnavailable(error)) return 'DEPENDENCY_UNAVAILABLE';
  const code = error instanceof AppError ? error.code : undefined;
  if (code && (FAILURE_CODES as readonly string[]).includes(code)) return code as FailureCode;
  // Refusals found only now (the API checks these too) mean the file cannot be processed.
  if (code && UNPROCESSABLE_FILE.has(code)) return 'FILE_UNREADABLE';
  return 'OCR_FAILED';
}

/** The message stored with it: an AppError's own, never an internal error's text. */
export function failureMessageOf(error: unknown): string {
  if (isDependencyUnavailable(error)) return 'A backing service was unavailable; reprocess it';
  return error instanceof AppError ? error.message : 'The receipt could not be processed';
}
