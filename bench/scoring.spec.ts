import { describe, expect, it } from 'vitest';

import {
  boxFileText,
  characterErrorRate,
  dateMatches,
  editDistance,
  normaliseText,
  percentile,
  textMatches,
  totalMatches,
} from './scoring.js';

describe('benchmark scoring', () => {
  it('folds case, whitespace and punctuation spacing, and nothing else', () => {
    expect(normaliseText('Book Ta .K (TAMAN DAYA)  sdn bhd')).toBe(
      normaliseText('BOOK TA.K(TAMAN DAYA) SDN BHD'),
    );
    expect(textMatches('NO.53 55,57 & 59, JALAN SAGU 18,', 'NO.53 55, 57 &59,JALAN SAGU 18,')).toBe(
      true,
    );
    expect(textMatches('JALAN SAGU 18', 'JALAN SAGU 19')).toBe(false);
    expect(textMatches('NO 53', 'NO.53')).toBe(false);
    expect(textMatches(null, undefined)).toBe(false);
  });

  it('compares dates as calendar dates', () => {
    expect(dateMatches('2018-12-25', '25/12/2018')).toBe(true);
    expect(dateMatches('2018-03-14', '14 MAR 2018')).toBe(true);
    expect(dateMatches('2018-01-17', '17/1/2018')).toBe(true);
    expect(dateMatches('2018-04-28', '20180428')).toBe(true);
    expect(dateMatches('2018-12-24', '25/12/2018')).toBe(false);
    expect(dateMatches(null, '25/12/2018')).toBe(false);
  });

  it('compares totals as amounts', () => {
    expect(totalMatches('29.70', 'RM 29.70')).toBe(true);
    expect(totalMatches('8.20', '$8.20')).toBe(true);
    expect(totalMatches('1007.50', '1,007.50')).toBe(true);
    expect(totalMatches('9.00', '9.01')).toBe(false);
    expect(totalMatches(null, '9.00')).toBe(false);
  });

  it('measures character errors against reading-ordered box text', () => {
    const box = [
      '10,50,60,50,60,70,10,70,TOTAL',
      '200,52,260,52,260,70,200,70,9.00',
      '10,10,90,10,90,30,10,30,SHOP, LTD',
    ].join('\n');
    expect(boxFileText(box)).toBe('SHOP, LTD\nTOTAL 9.00');
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(characterErrorRate('shop, ltd total 9.00', boxFileText(box))).toBe(0);
    expect(characterErrorRate('SHOP, LTD TOTAL 9.0O', boxFileText(box))).toBeCloseTo(1 / 19);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([3, 1, 2, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
  });
});
