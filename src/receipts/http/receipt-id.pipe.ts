import { ParseUUIDPipe } from '@nestjs/common';
import { AppError, ErrorCode } from '../../common/errors/index.js';

/** A malformed id names no receipt: it is answered exactly as an unknown one. */
export const RECEIPT_ID = new ParseUUIDPipe({
  exceptionFactory: () => new AppError(ErrorCode.RECEIPT_NOT_FOUND, 'Receipt not found'),
});
