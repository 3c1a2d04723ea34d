import { describe, expect, it } from 'vitest';

import { findAmounts, formatMinor, parseAmount, parseDigits } from './money.js';

describe('money', () => {
  it.each([
    ['12.50', 1250],
    ['12,50', 1250],
    ['1,234.56', 123456],
    ['1.234,56', 123456],
    ['1 234,56', null],
    ['1,234', 123400],
    ['1.234.567', 123456700],
    ['9', 900],
    ['12.5', 1250],
    ['14.03.2024', null],
  ])('reads the digits %s as %s minor units', (cluster, minor) => {
    expect(parseDigits(cluster)?.minor ?? null).toBe(minor);
  });

  it.each([
    ['£3.20', 320],
    ['-£1.77', -177],
    ['1.214,98 €', 121498],
    ['RM 29.70', 2970],
    ['RM39.00', 3900],
    ['$1,013.76', 101376],
    ['10.00-', -1000],
    ['(5.00)', -500],
    ['9 .00', 900],
    ['9.O0', 900],
  ])('parses %s', (text, minor) => {
    expect(parseAmount(text)).toBe(minor);
  });

  it('finds amounts in a line but not dates, times, percentages or ids', () => {
    const found = findAmounts('14.03.2024 16:32 VAT 19% INV-2231 2 x 12,99  25,98 €');
    expect(found.map((amount) => [amount.minor, amount.currency])).toEqual([
      [200, null],
      [1299, null],
      [2598, '€'],
    ]);
    expect(found.map((amount) => amount.decimals)).toEqual([false, true, true]);
  });

  it('formats minor units as decimal strings without floating point', () => {
    expect(formatMinor(1250)).toBe('12.50');
    expect(formatMinor(-177)).toBe('-1.77');
    expect(formatMinor(5)).toBe('0.05');
    expect(formatMinor(123456789012)).toBe('1234567890.12');
  });
});
