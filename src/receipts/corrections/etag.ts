import { AppError, ErrorCode } from '../../common/errors/index.js';

/**
 * A strong ETag: the receipt's id and its version (bumped by a trigger on every write), so a
 * tag from another receipt never matches.
 */
export function etagOf(id: string, version: number): string {
  return `"${id}.${version}"`;
}

/**
 * RFC 9110 If-Match with strong comparison: `*` or a list of tags, one of which must be
 * current. Missing → 428, not current → 412.
 */
export function assertIfMatch(ifMatch: string | undefined, id: string, version: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new AppError(
      ErrorCode.PRECONDITION_REQUIRED,
      'Send If-Match with the ETag from GET /v1/receipts/{id}',
    );
  }
  if (ifMatch.trim() === '*') return;
  const current = etagOf(id, version);
  const tags = ifMatch.split(',').map((tag) => tag.trim());
  if (!tags.includes(current)) {
    throw new AppError(
      ErrorCode.PRECONDITION_FAILED,
      'The receipt changed since you read it (or the ETag is not this receipt’s): read it again',
      { details: { current } },
    );
  }
}
