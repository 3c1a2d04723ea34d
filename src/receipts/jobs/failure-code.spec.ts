import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../common/errors/index.js';
import { failureCodeOf, failureMessageOf } from './failure-code.js';

/** What pg and TypeORM throw when PostgreSQL goes away mid-query. */
function pgError(code: string, message: string): Error {
  const driverError = Object.assign(new Error(message), { code });
  return Object.assign(new Error(message), { driverError });
}

describe('failureCodeOf', () => {
  it.each([
    ['PostgreSQL refusing connections', pgError('ECONNREFUSED', 'connect ECONNREFUSED')],
    [
      'PostgreSQL shutting down',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['a connection cut mid-query', new Error('Connection terminated unexpectedly')],
    ['a frozen Redis', new Error('Command timed out')],
  ])('%s → DEPENDENCY_UNAVAILABLE, not OCR_FAILED', (_what, error) => {
    expect(failureCodeOf(error)).toBe('DEPENDENCY_UNAVAILABLE');
    expect(failureMessageOf(error)).toMatch(/unavailable/);
  });

  it('keeps processing codes, maps late file refusals, and calls the unknown OCR_FAILED', () => {
    expect(failureCodeOf(new AppError(ErrorCode.TIMEOUT, 'slow'))).toBe('TIMEOUT');
    expect(failureCodeOf(new AppError(ErrorCode.PDF_ENCRYPTED, 'locked'))).toBe('FILE_UNREADABLE');
    expect(failureCodeOf(new Error('tesseract exploded'))).toBe('OCR_FAILED');
    expect(failureMessageOf(new Error('secret /srv/path'))).toBe(
      'The receipt could not be processed',
    );
  });
});
