import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, ErrorCode } from '../../common/errors/index.js';

/** Where the last page ended: the sort key's value (as PostgreSQL printed it) and the id. */
export interface CursorPosition {
  value: string;
  id: string;
  /** Relevance order: where the first page's ranking window ended (see RankingWindow). */
  floor?: string;
}

interface CursorBody {
  /** The position. */
  p: CursorPosition;
  /** Fingerprint of the filters and sort the cursor belongs to. */
  f: string;
}

function invalid(message = 'The cursor is not valid for this query'): AppError {
  return new AppError(ErrorCode.INVALID_CURSOR, message);
}

/**
 * Opaque, signed cursors: base64url JSON plus an HMAC, bound to the query they came from. A
 * tampered cursor, or one reused with other filters or another sort, is 400 INVALID_CURSOR
 * rather than a wrong page.
 */
export class SearchCursorCodec {
  private readonly key: Buffer;

  constructor(secret: string) {
    // A key of its own, derived from the app secret, so a cursor can never pass as a token.
    this.key = createHmac('sha256', secret).update('receipt-search-cursor').digest();
  }

  encode(position: CursorPosition, fingerprint: string): string {
    const body: CursorBody = { p: position, f: fingerprint };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  decode(cursor: string, fingerprint: string): CursorPosition {
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined) throw invalid('The cursor is malformed');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw invalid('The cursor was altered');
    }
    let body: CursorBody;
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorBody;
    } catch {
      throw invalid('The cursor is malformed');
    }
    if (body.f !== fingerprint) {
      throw invalid('The cursor belongs to other filters or another sort; start again without it');
    }
    const { value, id, floor } = body.p ?? {};
    if (typeof value !== 'string' || typeof id !== 'string') throw invalid();
    if (floor !== undefined && typeof floor !== 'string') throw invalid();
    return floor === undefined ? { value, id } : { value, id, floor };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, 22);
  }
}

/** A short, stable fingerprint of the query a cursor belongs to. */
export function fingerprintOf(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16);
}
