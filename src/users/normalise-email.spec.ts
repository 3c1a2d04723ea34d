import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './normalise-email.js';

describe('normaliseEmail', () => {
  it.each([
    ['A@x.com', 'a@x.com'],
    ['  Bob@Example.COM\t', 'bob@example.com'],
    ['ｆｕｌｌ@ｗｉｄｔｈ.com', 'full@width.com'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });
});
