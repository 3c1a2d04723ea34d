import { describe, expect, it } from 'vitest';

import { ctcDecode, loadCharset } from './ctc-decode.js';

/** One-hot-ish softmax rows: the given class gets `p`, the rest share what is left. */
function steps(classes: number, picks: Array<[number, number]>): Float32Array {
  const data = new Float32Array(picks.length * classes);
  picks.forEach(([best, p], t) => {
    for (let c = 0; c < classes; c++) data[t * classes + c] = (1 - p) / (classes - 1);
    data[t * classes + best] = p;
  });
  return data;
}

describe('loadCharset', () => {
  it('puts the CTC blank first and the space last, with or without a trailing newline', () => {
    expect(loadCharset('a\nb\nc', 5)).toEqual(['', 'a', 'b', 'c', ' ']);
    expect(loadCharset('a\r\nb\r\nc\n', 5)).toEqual(['', 'a', 'b', 'c', ' ']);
  });

  it('refuses a dictionary that does not fit the model (the off-by-one that shifts every character)', () => {
    expect(() => loadCharset('a\nb\nc', 6)).toThrow(/3 entries; the model has 6 classes/);
  });
});

describe('ctcDecode', () => {
  const charset = ['', 'T', 'O', 'A', 'L', ' '];

  it('collapses repeats, drops blanks and keeps doubled letters split by a blank', () => {
    // T T O blank O T A L L → "TOOTAL"
    const picks: Array<[number, number]> = [
      [1, 0.9],
      [1, 0.9],
      [2, 0.8],
      [0, 0.99],
      [2, 0.8],
      [1, 0.7],
      [3, 0.9],
      [4, 0.9],
      [4, 0.9],
    ];
    const [result] = ctcDecode(steps(6, picks), 1, picks.length, charset);
    expect(result.text).toBe('TOOTAL');
    // Mean of the kept steps' probabilities: 0.9, 0.8, 0.8, 0.7, 0.9, 0.9.
    expect(result.confidence).toBeCloseTo(5 / 6, 5);
  });

  it('decodes each item of a batch on its own', () => {
    const data = new Float32Array([
      ...steps(6, [
        [3, 0.9],
        [5, 0.9],
      ]),
      ...steps(6, [
        [0, 0.9],
        [0, 0.9],
      ]),
    ]);
    expect(ctcDecode(data, 2, 2, charset)).toEqual([
      { text: 'A ', confidence: expect.closeTo(0.9, 5) },
      { text: '', confidence: 0 },
    ]);
  });
});
