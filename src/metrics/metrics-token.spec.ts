import { describe, expect, it } from 'vitest';
import { checkMetricsAccess } from './metrics-token.js';

const TOKEN = 'a-metrics-token-of-some-length';

describe('checkMetricsAccess', () => {
  it('serves nobody when no token is configured, whatever is presented', () => {
    expect(checkMetricsAccess(undefined, undefined)).toBe('disabled');
    expect(checkMetricsAccess(undefined, `Bearer ${TOKEN}`)).toBe('disabled');
  });

  it.each([
    [undefined],
    [''],
    [TOKEN],
    [`Basic ${TOKEN}`],
    [`Bearer ${TOKEN}x`],
    [`Bearer ${TOKEN.slice(0, -1)}`],
    ['Bearer '],
  ])('denies %j', (header) => {
    expect(checkMetricsAccess(TOKEN, header)).toBe('denied');
  });

  it('allows the exact bearer token, scheme in any case', () => {
    expect(checkMetricsAccess(TOKEN, `Bearer ${TOKEN}`)).toBe('allowed');
    expect(checkMetricsAccess(TOKEN, `bearer ${TOKEN}`)).toBe('allowed');
  });
});
