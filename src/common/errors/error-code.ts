/**
 * Every error a client or an operator can see has one of these codes. The HTTP status for
 * each is decided once, in `error-status.ts`; services never speak HTTP because the same
 * services run inside the worker.
 */
export const ErrorCode = {
  // generic
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  MALFORMED_JSON: 'MALFORMED_JSON',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  DEPENDENCY_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  // auth
  UNAUTHORIZED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  INVALID_REFRESH_TOKEN: 'INVALID_REFRESH_TOKEN',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  FORBIDDEN: 'FORBIDDEN',
  // receipts and files
  RECEIPT_NOT_FOUND: 'RECEIPT_NOT_FOUND',
  RECEIPT_BUSY: 'RECEIPT_BUSY',
  FILE_MISSING: 'FILE_MISSING',
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  EMPTY_FILE: 'EMPTY_FILE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  IMAGE_TOO_LARGE: 'IMAGE_TOO_LARGE',
  TOO_MANY_PAGES: 'TOO_MANY_PAGES',
  PDF_ENCRYPTED: 'PDF_ENCRYPTED',
  // processing outcomes (stored on failed receipts, also thrown inside the worker)
  FILE_UNREADABLE: 'FILE_UNREADABLE',
  OCR_FAILED: 'OCR_FAILED',
  EXTRACTION_FAILED: 'EXTRACTION_FAILED',
  TIMEOUT: 'TIMEOUT',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
