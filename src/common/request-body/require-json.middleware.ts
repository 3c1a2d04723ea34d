import type { NextFunction, Request, Response } from 'express';
import { AppError, ErrorCode } from '../errors/index.js';

/** JSON bodies; `application/merge-patch+json` and other `+json` types included. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;
/** Uploads stream their own multipart bodies (and check their own type). */
const MULTIPART_TYPE = /^multipart\/form-data\s*(?:;|$)/i;

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (!!length && length !== '0');
}

/**
 * Every body this API reads is JSON or (for uploads) multipart. A form-encoded or text body
 * would otherwise be parsed by Express's other parsers and reach validation as something else,
 * so it gets 415 UNSUPPORTED_MEDIA_TYPE before any parser runs.
 */
export function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  const type = req.headers['content-type'] ?? '';
  if (!hasBody(req) || JSON_TYPE.test(type) || MULTIPART_TYPE.test(type)) return next();
  next(
    new AppError(
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      'Send the request body as application/json (uploads as multipart/form-data)',
      { details: { contentType: type || null } },
    ),
  );
}
