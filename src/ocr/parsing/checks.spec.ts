import { describe, expect, it } from 'vitest';

import { checkArithmetic } from './checks.js';

const base = {
  items: [],
  subtotal: null,
  tax: null,
  tip: null,
  discount: null,
  total: null,
  rounded: false,
};

describe('checkArithmetic', () => {
  it('passes a receipt whose figures add up', () => {
    expect(
      checkArithmetic({
        ...base,
        items: [500, 1295, 950],
        subtotal: 2745,
        tax: 226,
        tip: 400,
        total: 3371,
      }),
    ).toEqual({
      itemsMatchSubtotal: true,
      totalsAdd: true,
      issues: [],
    });
  });

  it('accepts tax included in the prices (VAT/GST-inclusive totals)', () => {
    expect(
      checkArithmetic({ ...base, subtotal: 1765, tax: 265, discount: 177, total: 1588 }).totalsAdd,
    ).toBe(true);
  });

  it('uses the items when there is no subtotal', () => {
    expect(
      checkArithmetic({
        ...base,
        items: [119900, 2598],
        tax: 19399,
        discount: 1000,
        total: 121498,
      }),
    ).toEqual({
      itemsMatchSubtotal: null,
      totalsAdd: true,
      issues: [],
    });
  });

  it('allows cash rounding only when the receipt shows rounding', () => {
    const figures = { ...base, subtotal: 846, tax: 51, total: 900 };
    expect(checkArithmetic({ ...figures, rounded: true }).totalsAdd).toBe(true);
    expect(checkArithmetic(figures).totalsAdd).toBe(false);
  });

  it('lists what does not add up', () => {
    const checks = checkArithmetic({
      ...base,
      items: [500, 600],
      subtotal: 1200,
      tax: 72,
      total: 1300,
    });
    expect(checks.itemsMatchSubtotal).toBe(false);
    expect(checks.totalsAdd).toBe(false);
    expect(checks.issues).toEqual([
      'Line items add up to 11.00, not the subtotal 12.00.',
      'The total 13.00 does not follow from subtotal 12.00, tax 0.72.',
    ]);
  });

  it('cannot check what is missing', () => {
    expect(checkArithmetic({ ...base, total: 900 })).toEqual({
      itemsMatchSubtotal: null,
      totalsAdd: null,
      issues: [],
    });
  });
});
