import { describe, expect, it } from 'vitest';
import { pickRequestId } from './request-id.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('pickRequestId', () => {
  it.each(['abc-123', 'trace:01HZX.7_a', 'x'.repeat(128)])('keeps a sane id %s', (id) => {
    expect(pickRequestId(id)).toBe(id);
  });

  it.each([undefined, '', 'has space', 'new\nline', 'x'.repeat(129), '<script>', 42])(
    'replaces %j with a fresh uuid',
    (id) => {
      expect(pickRequestId(id)).toMatch(UUID);
    },
  );

  it('takes the first of repeated headers', () => {
    expect(pickRequestId(['first', 'second'])).toBe('first');
  });
});
