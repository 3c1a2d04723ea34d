import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { OcrLine } from '../ocr.types.js';
import { combineReadings } from './combine-readings.js';
import type { Readings } from './readings.js';

const options = { latestDate: '2030-01-01' };

/**
 * One reading: a line per row, rows 40 px apart, every row spanning x 10–410 whatever its
 * spacing (both engines saw the same print). tesseract's words are split on spaces, PP-OCR's
 * boxes on `|`.
 */
function reading(engine: 'ppocr' | 'tesseract', rows: string[], confidence = 0.9): OcrLine[] {
  return rows.map((row, index) => {
    const y0 = index * 40;
    const separator = engine === 'tesseract' ? ' ' : '|';
    const x = (offset: number) => 10 + (400 * offset) / row.length;
    let offset = 0;
    const words = row.split(separator).map((text) => {
      const word = {
        text,
        confidence,
        bbox: { x0: x(offset), y0, x1: x(offset + text.length), y1: y0 + 20 },
      };
      offset += text.length + 1;
      return word;
    });
    return {
      text: words.map((word) => word.text).join(' '),
      confidence,
      bbox: { x0: 10, y0, x1: 410, y1: y0 + 20 },
      page: 1,
      words,
      engine,
    };
  });
}

describe('combineReadings', () => {
  it('takes merchant and address from PP-OCR with the spacing of tesseract', () => {
    const ppocr = reading('ppocr', [
      'ONEONETHREESEAFOODRESTAURANT SDNBHD',
      'NO.1,TAMAN SRI DENGKIL,JALAN AIR HITAM',
      'DATE:19-05-2018',
      'TOTAL:|42.40',
    ]);
    const tesseract = reading('tesseract', [
      'ONE ONE THREE SEAFO0D RESTAURANT SDN BHD',
      'NO.1, TAMAN SRI DENGKIL, JALAN AIR HITAM',
      'DATE: 19-05-2018',
      'TOTAL: 42.40',
    ]);
    const { record, lines } = combineReadings(ppocr, tesseract, options);
    expect(record.merchantName).toMatchObject({
      value: 'ONE ONE THREE SEAFOOD RESTAURANT SDN BHD',
      source: { line: 0, engines: ['ppocr', 'tesseract'] },
    });
    expect(lines[0].text).toBe('ONE ONE THREE SEAFOOD RESTAURANT SDN BHD');
    expect(record.total).toMatchObject({
      value: '42.40',
      source: { engines: ['ppocr', 'tesseract'] },
    });
    expect(record.date).toMatchObject({ value: '2018-05-19', source: { line: 2 } });
  });

  it('settles a disagreement on the total by occurrences and arithmetic', () => {
    // tesseract misread the TOTAL (42.40 → 42.48) and lost every amount that could repair it;
    // PP-OCR's sums add up and its cash line repeats the total, so PP-OCR's total wins although
    // tesseract was surer of its line.
    const { record } = combineReadings(
      reading(
        'ppocr',
        ['KEDAI MAKAN SDN BHD', 'SUBTOTAL|40.00', 'GST 6%|2.40', 'TOTAL|42.40', 'CASH|42.40'],
        0.8,
      ),
      reading(
        'tesseract',
        ['KEDAI MAKAN SDN BHD', 'SUBTOTAL', 'GST 6%', 'TOTAL 42.48', 'CASH'],
        0.95,
      ),
      options,
    );
    expect(record.total).toMatchObject({ value: '42.40', source: { line: 3, engines: ['ppocr'] } });
  });

  it("takes tesseract's value, pointed at the same row, when only it read the field", () => {
    const ppocr = reading('ppocr', ['KEDAI MAKAN SDN BHD', 'Date 1?-0?-2O18', 'TOTAL|9.00']);
    const tesseract = reading('tesseract', [
      'KEDAI MAKAN SDN BHD',
      'Date 12-03-2018',
      'TOTAL 9.00',
    ]);
    const { record } = combineReadings(ppocr, tesseract, options);
    expect(record.date).toMatchObject({
      value: '2018-03-12',
      source: { line: 1, text: 'Date 12-03-2018', engines: ['tesseract'] },
    });
    expect(record.checks.issues.filter((issue) => /date/i.test(issue))).toEqual([]);
  });

  it('combines the two real readings of a SROIE receipt', () => {
    const fixture = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../../test/fixtures/readings/X51005447848.json'),
        'utf8',
      ),
    ) as { label: Record<string, string>; readings: Required<Readings> };
    const { record } = combineReadings(fixture.readings.ppocr, fixture.readings.tesseract, options);
    // tesseract read the street as "5823/11", PP-OCR as "SS23/11"; PP-OCR lost the spaces and
    // read commas tesseract did not see: the letters are PP-OCR's, spacing and punctuation
    // tesseract's.
    expect(record.merchantName.value).toBe(fixture.label.company);
    expect(record.address).toMatchObject({
      value: expect.stringMatching(/^54 JALAN SS23\/11 TAMAN SEA 47400 PETALING JAYA/),
      source: { engines: ['ppocr', 'tesseract'] },
    });
    expect(record.date).toMatchObject({
      value: fixture.label.date,
      source: { engines: ['ppocr', 'tesseract'] },
    });
    for (const field of [record.merchantName, record.address, record.total, record.date]) {
      expect(field.source?.engines?.length).toBeGreaterThan(0);
    }
  });
});
