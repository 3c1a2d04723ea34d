import { AppError, ErrorCode } from '../errors/index.js';

/**
 * No request body this API takes nests deeper than a few levels; 32 leaves room for any future
 * one. Deeper structures overflow class-transformer's recursion (a 3 KB body of ~1,600 nested
 * arrays was a 500), so they are refused before validation.
 */
export const MAX_JSON_DEPTH = 32;

/** Keys that name the prototype chain rather than data; never a field of ours. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function invalid(field: string, message: string): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, 'The request is not valid', {
    details: [{ field, messages: [message] }],
  });
}

/**
 * Checks a parsed JSON body without recursion (so no input can overflow the stack): nesting
 * at most MAX_JSON_DEPTH, and no `__proto__` / `constructor` / `prototype` keys at any level
 * (class-transformer skips them silently, so they escaped the "unknown field → 422" rule).
 *
 * @throws AppError VALIDATION_FAILED with the offending path in `details`.
 */
export function assertJsonBodyWithinLimits(body: unknown): void {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [
    { value: body, path: '', depth: 0 },
  ];
  while (pending.length) {
    const { value, path, depth } = pending.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw invalid(path || '(body)', `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) {
        throw invalid(child, `property ${key} should not exist`);
      }
      const next = (value as Record<string, unknown>)[key];
      pending.push({ value: next, path: child, depth: depth + 1 });
    }
  }
}
