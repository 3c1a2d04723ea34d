import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import {
  hashApiKey,
  isWellFormedApiKey,
  newApiKey,
  visiblePrefixOf,
} from '../api-keys/api-key-secret.js';
import { apiKeyFrom } from './api-key-credential.js';

const KEY = `rv_${'a'.repeat(43)}`;
const request = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as Request;

describe('apiKeyFrom', () => {
  it.each([
    [{ 'x-api-key': KEY }, KEY],
    [{ 'x-api-key': ` ${KEY} ` }, KEY],
    [{ authorization: `Bearer ${KEY}` }, KEY],
    [{ authorization: `bearer   ${KEY}` }, KEY],
    // X-API-Key wins; a JWT in Authorization is left to the JWT strategy.
    [{ 'x-api-key': KEY, authorization: 'Bearer eyJhbGciOi.x.y' }, KEY],
    [{ authorization: 'Bearer eyJhbGciOi.x.y' }, undefined],
    [{ authorization: `Basic ${KEY}` }, undefined],
    [{}, undefined],
    // An empty or odd X-API-Key is still a key attempt (refused as invalid), never ignored.
    [{ 'x-api-key': '' }, ''],
    [{ 'x-api-key': 'nonsense' }, 'nonsense'],
  ])('%j → %s', (headers, expected) => {
    expect(apiKeyFrom(request(headers))).toBe(expected);
  });
});

describe('API key secrets', () => {
  it('are rv_ + 43 base64url characters, different every time, and recognisable', () => {
    const [a, b] = [newApiKey(), newApiKey()];
    expect(a).toMatch(/^rv_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(isWellFormedApiKey(a)).toBe(true);
    expect(isWellFormedApiKey(`${a}x`)).toBe(false);
    expect(isWellFormedApiKey(a.replace('rv_', 'xx_'))).toBe(false);
    expect(visiblePrefixOf(a)).toBe(a.slice(0, 11));
  });

  it('hash to the SHA-256 hex of the whole key', () => {
    expect(hashApiKey('rv_abc')).toBe(
      '01dec18d7824d09114ade3e8f45ec95470c7c41d16e7a6628663254ea3e42a96',
    );
  });
});
