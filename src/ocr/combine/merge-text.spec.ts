import { describe, expect, it } from 'vitest';

import { mergeText } from './merge-text.js';

describe('mergeText', () => {
  it.each([
    // tesseract's punctuation where PP-OCR dropped it (shapes from SROIE addresses).
    [
      'L0T 1851-A & 1851-B, JALAN KPB 6, KAWASAN PERINDUSTRIAN BALAKONG 43300 SERI KEMBANGAN',
      'LOT 1851-A & 1851-B, JALAN KPB 6, KAWASAN PERINDUSTRIAN BALAKONG, 43300 SERI KEMBANGAN',
      'LOT 1851-A & 1851-B, JALAN KPB 6, KAWASAN PERINDUSTRIAN BALAKONG, 43300 SERI KEMBANGAN',
    ],
    // A colon PP-OCR invented is dropped; its better letters (BESAR, 45600) are kept.
    [
      'NO. 53, JALAN BESAR, 45600 BATANG BERJUNTAI: SELANGOR',
      'NO, 53, JALAN HESAR, 48500 BATANG BERJUNTAY SELANGOR',
      'NO, 53, JALAN BESAR, 45600 BATANG BERJUNTAI SELANGOR',
    ],
    // A zero inside a word is a letter O, a letter I inside a number a one.
    [
      'GR0UND FL00R SUNWAY PYRAMID,N0.3',
      'GROUND FLOOR, SUNWAY PYRAMID,NO.3',
      'GROUND FLOOR, SUNWAY PYRAMID,NO.3',
    ],
    ['LOT P.T. 28II, JALAN', 'LOT P.T. 2811, JALAN', 'LOT P.T. 2811, JALAN'],
    // Mixed street codes keep PP-OCR's reading: "SS23" is not "5823".
    ['54, JALAN SS23/11', '54 JALAN 5823/11', '54 JALAN SS23/11'],
    // tesseract's word spaces, PP-OCR's characters.
    [
      'LOT276JALAN BANTING 43800 DENGKIL,SELANGOR',
      'LOT 276 JALAN BANTING 43800 DENGKIL, SELANGOR.',
      'LOT 276 JALAN BANTING 43800 DENGKIL, SELANGOR.',
    ],
  ])('%s + %s → %s', (target, reference, expected) => {
    expect(mergeText(target, reference).text).toBe(expected);
  });

  it.each([
    // A mark next to one the target has, or inside a word, is a speck in tesseract's reading.
    ['Lot 3, Jalan Pelabur 23/1, Selangor.', 'L.ot 3, Jalan Pelabur 23/1, Selangor. .'],
    ['THE STORE (MALAYSIA) SDN BHD', 'THE STORE. (MALAYSIA) SDN BHD'],
    // Brackets are print, not specks: kept though tesseract missed one.
    ['GARDENIA BAKERIES (KI) SDN BHD', 'GARDENIA BAKERIES (KI SDN BHD'],
  ])('keeps %s against %s', (target, reference) => {
    expect(mergeText(target, reference).text).toBe(target);
  });

  it('takes nothing from text the reference did not read alike', () => {
    expect(mergeText('NO.5: 55,57', '(1234-X) Bab " lL')).toEqual({
      text: 'NO.5: 55,57',
      changed: false,
    });
    // Punctuation next to a region only one engine read is not moved over.
    expect(mergeText('JALAN SAGU 18', '(123-X) JALAN SAGU 18').text).toBe('JALAN SAGU 18');
  });
});
