import { expect } from 'vitest';
import type { HttpResult } from './http.js';

/** A dependency outage answer: 503 DEPENDENCY_UNAVAILABLE in the common body, Retry-After 1–2 s. */
export function expectUnavailable(res: HttpResult): void {
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({
    statusCode: 503,
    code: 'DEPENDENCY_UNAVAILABLE',
    requestId: expect.any(String),
  });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(2);
}
