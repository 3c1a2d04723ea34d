import { describe, expect, it } from 'vitest';

import { REVIEW_THRESHOLD } from './calibration.js';
import { parseReceipt } from './parse-receipt.js';

/** Calibrated confidences decide review: what is trusted, what a person must look at. */
describe('calibrated confidence and review', () => {
  it('trusts a labelled date and a total the arithmetic confirms', () => {
    const record = parseReceipt([
      'CORNER SHOP SDN BHD',
      'DATE: 14/03/2018',
      'SUBTOTAL  10.00',
      'GST 6%  0.60',
      'TOTAL  10.60',
    ]);
    expect(record.total.confidence).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    expect(record.date.confidence).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
    expect(record.checks.issues).toEqual([]);
  });

  it('sends an unlabelled, ambiguous date to review', () => {
    const record = parseReceipt(['CORNER SHOP', 'ITEM  10.00', 'TOTAL  10.00', '01/02/18']);
    expect(record.date.value).toBe('2018-02-01');
    expect(record.date.confidence).toBeLessThan(REVIEW_THRESHOLD);
    expect(record.checks.issues).toContainEqual(
      expect.stringMatching(/^The date 2018-02-01 is uncertain/),
    );
  });

  it('sends a total restored from other lines to review', () => {
    // "TOTAL 1.40" is a misread 7.40: tendered 10.00 less change 2.60 says so.
    const record = parseReceipt([
      'CORNER SHOP',
      'DATE: 14/03/2018',
      'NET TOTAL  1.40',
      'CASH  10.00',
      'CHANGE  2.60',
    ]);
    expect(record.total.value).toBe('7.40');
    expect(record.checks.issues).toContainEqual(
      expect.stringMatching(/^The total 7.40 was restored from other lines/),
    );
  });

  it('sends a total that is only weakly read to review', () => {
    const record = parseReceipt([
      { text: 'CORNER SHOP', confidence: 0.9 },
      { text: 'DATE: 14/03/2018', confidence: 0.9 },
      { text: 'T0TAL  12.50', confidence: 0.3 },
    ]);
    expect(record.total.value).toBe('12.50');
    expect(record.total.confidence).toBeLessThan(REVIEW_THRESHOLD);
    expect(record.checks.issues).toContainEqual(
      expect.stringMatching(/^The total 12.50 is uncertain/),
    );
  });
});
