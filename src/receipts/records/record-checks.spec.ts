import { describe, expect, it } from 'vitest';
import { checkArithmetic } from '../../ocr/parsing/checks.js';
import { checkRecordAmounts, type RecordAmounts } from './record-checks.js';

const base: RecordAmounts = {
  items: [],
  subtotal: null,
  tax: null,
  tip: null,
  discount: null,
  total: null,
  cashRounding: false,
};

// Cases named for the rule they exercise.
const CASES: [string, Partial<RecordAmounts>][] = [
  ['nothing to check', {}],
  ['items equal the subtotal', { items: [320, 295, 1150], subtotal: 1765 }],
  ['items off by more than a cent', { items: [320, 295], subtotal: 700 }],
  ['subtotal printed after the discount', { items: [1000, 765], subtotal: 1588, discount: 177 }],
  ['tax on top', { subtotal: 1000, tax: 200, total: 1200 }],
  ['tax included', { subtotal: 1200, tax: 200, total: 1200 }],
  ['discount and included tax', { subtotal: 1765, discount: 177, tax: 265, total: 1588 }],
  ['tip', { subtotal: 2000, tax: 160, tip: 300, total: 2460 }],
  ['total does not follow', { subtotal: 1765, discount: 177, total: 1999 }],
  ['cash rounding within 5', { subtotal: 1003, total: 1005, cashRounding: true }],
  ['no rounding, off by 2', { subtotal: 1003, total: 1005 }],
  ['total from items alone', { items: [500, 500], total: 1000 }],
  ['negative (refund) total', { subtotal: -500, total: -500 }],
  ['a cent of slack', { subtotal: 1000, tax: 199, total: 1200 }],
];

describe('checkRecordAmounts agrees with the parser’s checkArithmetic', () => {
  it.each(CASES)('%s', (_name, amounts) => {
    const input = { ...base, ...amounts };
    const parser = checkArithmetic({ ...input, rounded: input.cashRounding });
    expect(checkRecordAmounts(input)).toEqual(parser);
  });
});
