import { describe, expect, it } from 'vitest';
import { REDACTED, redactQuery, redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it.each([
    ['/v1/receipts/1/events?token=abc.def', `/v1/receipts/1/events?token=${REDACTED}`],
    ['/v1/me?access_token=eyJ&x=1', `/v1/me?access_token=${REDACTED}&x=1`],
    ['/a?x=1&TOKEN=s&y=2', `/a?x=1&TOKEN=${REDACTED}&y=2`],
    ['/a?to%6Ben=s', `/a?to%6Ben=${REDACTED}`],
    ['/a?token=s#frag', `/a?token=${REDACTED}`],
    ['/a?api_key=1&api_key=2', `/a?api_key=${REDACTED}&api_key=${REDACTED}`],
    ['/a?q=token&page=2', '/a?q=token&page=2'],
    ['/a?token', '/a?token'],
    ['/plain/path', '/plain/path'],
    ['/a?%E0%A4%A=1&token=x', `/a?%E0%A4%A=1&token=${REDACTED}`],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('is linear on hostile input (a 1 MB query of separators)', () => {
    const started = performance.now();
    const out = redactUrl(`/a?${'&x='.repeat(350_000)}&token=x`);
    expect(out.endsWith(`token=${REDACTED}`)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('redactQuery', () => {
  it('replaces credential values and keeps the rest', () => {
    expect(redactQuery({ token: 'abc', status: 'completed' })).toEqual({
      token: REDACTED,
      status: 'completed',
    });
  });
});
