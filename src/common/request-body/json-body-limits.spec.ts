import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/index.js';
import { assertJsonBodyWithinLimits, MAX_JSON_DEPTH } from './json-body-limits.js';

function nested(depth: number): unknown {
  return JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
}

function refusal(body: unknown): AppError | undefined {
  try {
    assertJsonBodyWithinLimits(body);
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('assertJsonBodyWithinLimits', () => {
  it('accepts ordinary bodies and exactly the maximum depth', () => {
    expect(refusal({ email: 'a@b.c', password: 'x', tags: ['a', 'b'] })).toBeUndefined();
    expect(refusal(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(refusal(undefined)).toBeUndefined();
  });

  it('refuses one level more, and 100,000 levels without overflowing the stack', () => {
    expect(refusal(nested(MAX_JSON_DEPTH + 1))?.code).toBe('VALIDATION_FAILED');
    expect(refusal({ email: nested(100_000) })).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: expect.stringMatching(/^email(\.0)+$/) }],
    });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key at any level', (key) => {
    const top = JSON.parse(`{"email":"a@b.c","${key}":{"admin":true}}`);
    const deep = JSON.parse(`{"items":[{"${key}":1}]}`);
    expect(refusal(top)).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: key }] });
    expect(refusal(deep)).toMatchObject({ details: [{ field: `items.0.${key}` }] });
  });
});
