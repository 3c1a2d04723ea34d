import { describe, expect, it } from 'vitest';
import { originalFileName } from './original-file-name.js';

describe('originalFileName', () => {
  it('names a file by date, merchant and total', () => {
    const used = new Map<string, number>();
    const name = (
      date: string | null,
      merchant: string | null,
      total: string | null,
      extension = 'jpg',
    ) => originalFileName({ date, merchant, total, extension }, used);
    expect(name('2024-03-05', 'THE COPPER KETTLE CAFE', '15.88')).toBe(
      '2024-03-05_the-copper-kettle-cafe_15.88.jpg',
    );
    expect(name('2024-03-05', 'THE COPPER KETTLE CAFE', '15.88')).toBe(
      '2024-03-05_the-copper-kettle-cafe_15.88_2.jpg',
    );
    expect(name(null, null, null, 'PDF')).toBe('undated_unknown_no-total.pdf');
    expect(name('2024-01-01', 'Café Zürich / ../etc', '-3.50')).toBe(
      '2024-01-01_cafe-zurich-etc_-3.50.jpg',
    );
    expect(name('2024-01-01', '東京', '1000', 'png')).toBe('2024-01-01_unknown_1000.png');
    expect(name('2024-01-01', 'x', '1', '../sh')).toBe('2024-01-01_x_1.bin');
  });
});
