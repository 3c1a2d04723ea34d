import { describe, expect, it } from 'vitest';

import { buildLine, linesFromWords } from './ocr-lines.js';
import type { OcrWord } from './ocr.types.js';

const word = (
  text: string,
  x0: number,
  y0: number,
  width = text.length * 10,
  height = 12,
): OcrWord => ({
  text,
  confidence: 0.9,
  bbox: { x0, y0, x1: x0 + width, y1: y0 + height },
});

describe('OCR lines', () => {
  it('marks a wide gap between columns with two spaces', () => {
    const line = buildLine(
      [word('CAESAR', 0, 0), word('SALAD', 70, 0), word('9.50', 300, 0)],
      1,
      0.8,
    );
    expect(line.text).toBe('CAESAR SALAD  9.50');
    expect(line.bbox).toEqual({ x0: 0, y0: 0, x1: 340, y1: 12 });
    expect(line.page).toBe(1);
  });

  it('groups loose words into rows in reading order, even when a row is slightly skewed', () => {
    const lines = linesFromWords(
      [word('9.00', 300, 42), word('TOTAL', 0, 40), word('SHOP', 0, 0)],
      2,
    );
    expect(lines.map((line) => line.text)).toEqual(['SHOP', 'TOTAL  9.00']);
    expect(lines[1].confidence).toBe(0.9);
  });
});
