import { describe, expect, it } from 'vitest';

import { parseReceipt } from './parse-receipt.js';

/**
 * Hostile text (issue 8, defect 5): a text-layer PDF can hand the parser any line at all, and
 * a super-linear regex on one long line blocked the worker for tens of seconds. Every case
 * must finish well inside a second on a loaded 2-core machine; the bound is generous so it
 * cannot flake, yet the quadratic code took ~30 s on the first case alone.
 */
const MB = 1_000_000;
const HOSTILE: Array<[string, string[]]> = [
  ['40,000 digits then ")x"', [`${'1'.repeat(40_000)})x`]],
  ['1 MB of digits then ")x"', [`${'9'.repeat(MB)})x`]],
  ['1 MB of spaces between letters', [`A${' '.repeat(MB)}B`]],
  ['1 MB of spaces then digits', [`TOTAL${' '.repeat(MB)}1`]],
  ['1 MB of dots', ['.'.repeat(MB)]],
  ['1 MB of commas and digits', ['1,'.repeat(MB / 2)]],
  ['1 MB of "1." pairs', ['1.'.repeat(MB / 2)]],
  ['1 MB of "1 " pairs', ['1 '.repeat(MB / 2)]],
  ['1 MB of punctuation', ['-/.:,()*#@'.repeat(MB / 10)]],
  ['1 MB of a repeated date', ['01/02/2024 '.repeat(MB / 11)]],
  ['1 MB of a repeated amount', ['TOTAL 12.50 '.repeat(MB / 12)]],
  ['1 MB of letters', ['SDN '.repeat(MB / 4)]],
  ['1 MB of x-quantities', ['2 x 1.50 '.repeat(MB / 9)]],
  ['a street-like line of digits', [`NO ${'1'.repeat(100_000)} JALAN`]],
  ['100,000 short lines', Array.from({ length: 100_000 }, (_, i) => `ITEM ${i} 1.00`)],
  ['10,000 lines of 10,000 digits', Array.from({ length: 10_000 }, () => '7'.repeat(10_000))],
];

describe('parseReceipt on hostile input', () => {
  it.each(HOSTILE)('%s finishes within a second', (_name, lines) => {
    const started = performance.now();
    const record = parseReceipt(lines);
    const seconds = (performance.now() - started) / 1000;
    expect(record.checks).toBeDefined();
    expect(seconds).toBeLessThan(1);
  });
});
