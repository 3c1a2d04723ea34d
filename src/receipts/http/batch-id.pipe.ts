import { ParseUUIDPipe } from '@nestjs/common';
import { AppError, ErrorCode } from '../../common/errors/index.js';

/** A malformed id names no batch: it is answered exactly as an unknown one. */
export const BATCH_ID = new ParseUUIDPipe({
  exceptionFactory: () => new AppError(ErrorCode.BATCH_NOT_FOUND, 'Batch not found'),
});
