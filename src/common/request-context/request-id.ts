import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'X-Request-ID';

// A client-supplied id is kept only when it is short and made of safe characters: it ends up
// in logs and headers, so anything else could forge log lines or split headers.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function pickRequestId(incoming: unknown): string {
  const value: unknown = Array.isArray(incoming) ? (incoming as unknown[])[0] : incoming;
  return typeof value === 'string' && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
