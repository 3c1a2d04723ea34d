import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../ocr.types.js';
import { locateSources } from './locate-sources.js';
import { parseReceipt } from './parse-receipt.js';

const line = (text: string, index: number, page = 1): OcrLine => ({
  text,
  confidence: 0.9,
  page,
  bbox: { x0: 10, y0: 20 * index, x1: 300, y1: 20 * index + 18 },
});

describe('locateSources', () => {
  const lines = [
    line('CORNER CAFE', 0),
    line('Flat White  3.20', 1),
    line('Croissant  2.80', 2),
    line('TOTAL  6.00', 3, 2),
  ];
  const record = locateSources(
    parseReceipt(lines.map((l) => ({ text: l.text, confidence: l.confidence }))),
    lines,
  );

  it('adds the page and box of the line a value was read from', () => {
    expect(record.total.value).toBe('6.00');
    expect(record.total.source).toEqual({
      line: 3,
      text: 'TOTAL  6.00',
      page: 2,
      box: { x0: 10, y0: 60, x1: 300, y1: 78 },
    });
    expect(record.lineItems[0]?.source).toMatchObject({ line: 1, page: 1, box: { y0: 20 } });
  });

  it('leaves values without a source, and sources naming no line, as they are', () => {
    expect(record.taxId.source).toBeNull();
    const dangling = locateSources(
      { ...record, phone: { value: 'x', confidence: 0.5, source: { line: 99, text: 'x' } } },
      lines,
    );
    expect(dangling.phone.source).toEqual({ line: 99, text: 'x' });
  });
});
