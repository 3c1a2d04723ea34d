import { describe, expect, it } from 'vitest';

import type { TextBox } from './db-postprocess.js';
import { buildRecBatch, REC_HEIGHT, recWidth } from './rec-batch.js';

const box = (x0: number, y0: number, x1: number, y1: number): TextBox => ({
  points: [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ],
  score: 1,
});

describe('buildRecBatch', () => {
  // 200 × 50: black left half, white right half.
  const width = 200;
  const height = 50;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 100; x < width; x++) data[y * width + x] = 255;
  const image = { data, width, height };

  it('scales each crop to the recogniser height, normalised to -1..1, padded with 0', () => {
    const crop = box(0, 0, 200, 24); // 200 × 24 → 400 × 48
    expect(recWidth(crop)).toBe(400);
    const batch = buildRecBatch(image, [crop, box(90, 0, 110, 24)]);
    expect(batch.dims).toEqual([2, 3, REC_HEIGHT, 400]);
    const plane = REC_HEIGHT * 400;
    const at = (n: number, channel: number, row: number, col: number) =>
      batch.data[n * 3 * plane + channel * plane + row * 400 + col];
    expect(at(0, 0, 10, 5)).toBeCloseTo(-1, 5);
    expect(at(0, 2, 10, 395)).toBeCloseTo(1, 5);
    // The second crop is 40 wide; the rest of its row is padding.
    expect(recWidth(box(90, 0, 110, 24))).toBe(40);
    expect(at(1, 1, 20, 2)).toBeCloseTo(-1, 5);
    expect(at(1, 1, 20, 37)).toBeCloseTo(1, 5);
    expect(at(1, 1, 20, 41)).toBe(0);
  });

  it('turns a tall box of vertical text to read along its length', () => {
    const tall = box(0, 0, 20, 50);
    expect(recWidth(tall)).toBe(120);
  });
});
