import { describe, expect, it } from 'vitest';

import { restoreSpaces } from './restore-spaces.js';

describe('restoreSpaces', () => {
  it.each([
    // PP-OCR's characters, tesseract's spaces (fixture shapes from SROIE receipts).
    ['JALANSAGU18', 'JALAN SAGU 18', 'JALAN SAGU 18'],
    [
      'ONEONETHREESEAFOODRESTAURANT SDNBHD',
      'ONE ONE THREE SEAFOOD RESTAURANT SDN BHD',
      'ONE ONE THREE SEAFOOD RESTAURANT SDN BHD',
    ],
    // tesseract misread characters (3LN, HUDA); PP-OCR's characters are kept.
    [
      '67,JLNMEWAH25/63TMNSRIMUDA,',
      '67,3LN MEWAH 25/63 THN SRI HUDA,',
      '67,JLN MEWAH 25/63 TMN SRI MUDA,',
    ],
    // Case differs between the readings: spacing still transfers, the target's case stays.
    ['BookTa.k(TamanDaya)', 'BOOK TA .K (TAMAN DAYA)', 'Book Ta .k (Taman Daya)'],
  ])('%s + %s → %s', (target, reference, expected) => {
    expect(restoreSpaces(target, reference)).toBe(expected);
  });

  it('keeps spaces the target already has and adds none at its start', () => {
    expect(restoreSpaces('TOTAL 42.40', ' TOTAL  42.40')).toBe('TOTAL 42.40');
  });

  it('leaves the target alone when the reference reads other text', () => {
    expect(restoreSpaces('GSTSUMMARY', 'THANK YOU PLEASE COME')).toBe('GSTSUMMARY');
    expect(restoreSpaces('ABC', '')).toBe('ABC');
  });
});
