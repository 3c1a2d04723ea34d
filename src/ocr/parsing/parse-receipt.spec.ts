import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseReceipt } from './parse-receipt.js';
import type { ReceiptRecord } from './receipt-record.js';

const receipts = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'receipts');

/** The fixture's expected fields, compared by value; absent keys are not checked. */
type Expected = Record<string, unknown> & {
  lineItems?: Array<Record<string, string>>;
  checks?: Partial<ReceiptRecord['checks']>;
};

function values(record: ReceiptRecord, expected: Expected): Record<string, unknown> {
  const actual: Record<string, unknown> = {};
  for (const key of Object.keys(expected)) {
    const value = record[key as keyof ReceiptRecord];
    if (key === 'lineItems') {
      actual[key] = record.lineItems.map(({ description, quantity, unitPrice, amount }) => ({
        description,
        quantity,
        unitPrice,
        amount,
      }));
    } else if (key === 'checks') {
      actual[key] = Object.fromEntries(
        Object.keys(expected.checks ?? {}).map((name) => [
          name,
          record.checks[name as keyof ReceiptRecord['checks']],
        ]),
      );
    } else {
      actual[key] = value && typeof value === 'object' && 'value' in value ? value.value : value;
    }
  }
  return actual;
}

describe('parseReceipt on the printed text of the fixture receipts', () => {
  const names = readdirSync(receipts)
    .filter((name) => name.endsWith('.expected.json'))
    .map((name) => name.replace('.expected.json', ''));

  it('has the non-SROIE formats to test', () => {
    expect(names).toEqual(expect.arrayContaining(['us-diner', 'de-elektro', 'uk-cafe']));
  });

  it.each(names)('%s', (name) => {
    const text = readFileSync(join(receipts, `${name}.txt`), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(receipts, `${name}.expected.json`), 'utf8'),
    ) as Expected;
    const record = parseReceipt(text.split('\n'));
    expect(values(record, expected)).toEqual(expected);
    expect(record.checks.issues).toEqual([]);
  });
});

describe('parseReceipt rules', () => {
  const parse = (...lines: string[]) => parseReceipt(lines);

  it('records where each value came from, with a confidence in 0..1', () => {
    const record = parseReceipt([
      { text: 'CORNER SHOP LTD', confidence: 0.9 },
      { text: '12/03/2024', confidence: 0.95 },
      { text: 'TOTAL  9.00', confidence: 0.5 },
    ]);
    expect(record.total).toMatchObject({ value: '9.00', source: { line: 2, text: 'TOTAL  9.00' } });
    expect(record.total.confidence).toBeGreaterThan(0);
    expect(record.total.confidence).toBeLessThan(1);
    expect(record.merchantName.source).toEqual({ line: 0, text: 'CORNER SHOP LTD' });
  });

  it('prefers the amount due over subtotal, tax, tendered cash and change', () => {
    const record = parse(
      'SHOP SDN BHD',
      'DATE 01/02/2018',
      'SUB TOTAL  18.87',
      'GST 6%  1.13',
      'TOTAL INCL GST  20.00',
      'CASH  50.00',
      'CHANGE  30.00',
    );
    expect(record.total.value).toBe('20.00');
    expect(record.subtotal.value).toBe('18.87');
    expect(record.taxTotal.value).toBe('1.13');
    expect(record.checks).toMatchObject({ totalsAdd: true, issues: [] });
  });

  it('takes the rounded total when cash rounding was applied', () => {
    const record = parse(
      'TOTAL INCL GST  8.97',
      'ROUNDING ADJ  0.03',
      'ROUNDED TOTAL (RM)  9.00',
      'CASH  10.00',
      'CHANGE  1.00',
    );
    expect(record.total.value).toBe('9.00');
  });

  it('ignores total quantity and tax-summary totals', () => {
    const record = parse(
      'TOTAL QTY: 3',
      'TOTAL  12.50',
      'GST SUMMARY  AMOUNT  TAX',
      'SR @ 6%  11.79  0.71',
      'TOTAL :  11.79  0.71',
    );
    expect(record.total.value).toBe('12.50');
  });

  it('reads a total whose label and amount OCR put on separate lines', () => {
    expect(parse('GRAND TOTAL', '45.10', 'THANK YOU').total.value).toBe('45.10');
  });

  it('recovers a total whose decimal point was lost, when the payment confirms it', () => {
    const record = parse('Total Amount: 3100', 'Cash Received  101.00', 'Change :  70.00');
    expect(record.total.value).toBe('31.00');
  });

  it('derives the total from cash and change when the total line is unreadable', () => {
    expect(parse('TOTAL  RM 14_1p', 'CASH  RM 20.00', 'CHANGE  RM 5.90').total.value).toBe('14.10');
  });

  it('takes a "Rounded" line with a whole amount as the rounded total', () => {
    const record = parse(
      'Total Sales (Inclusive GST) RM  72.74',
      'Rounding Adjustment RM',
      'Rounding RM  72.75',
    );
    expect(record.total.value).toBe('72.75');
    expect(parse('TOTAL  8.97', 'ROUNDING ADJ  0.03', 'Told Amt Rounded  9.00').total.value).toBe(
      '9.00',
    );
  });

  it('corrects a one-digit misread of the total from tendered minus change', () => {
    const record = parse('NET TOTAL  1.40', 'CASH  10.00', 'CHANGE  2.60');
    expect(record.total).toMatchObject({ value: '7.40', confidence: expect.any(Number) as number });
    expect(record.total.confidence).toBeLessThan(0.5);
  });

  it('corrects a currency sign read as a leading digit when the payment disagrees', () => {
    const record = parse(
      'SUBTOTAL  936.50',
      'TAX 8.25%  77.26',
      'TOTAL  51,013.76',
      'CASH  $1,020.00',
      'CHANGE  $6.24',
    );
    expect(record.total.value).toBe('1013.76');
  });

  it('does not correct the total from a tendered amount alone, nor for cash rounding', () => {
    expect(parse('Final Total  12.00', 'CASH  15.00', 'CHANGE  300').total.value).toBe('12.00');
    expect(parse('Total:  72.93', 'Payment  73.00', 'Change Due.  0.05').total.value).toBe('72.93');
  });

  it('flags arithmetic that does not add up instead of failing', () => {
    const record = parse(
      'A SHOP',
      'DATE 01/02/2018',
      'ITEM ONE  5.00',
      'ITEM TWO  6.00',
      'SUBTOTAL  12.00',
      'TOTAL  12.00',
    );
    expect(record.checks.itemsMatchSubtotal).toBe(false);
    expect(record.checks.issues).toEqual(['Line items add up to 11.00, not the subtotal 12.00.']);
  });

  it('asks for review when no total or date was found', () => {
    const record = parse('JUST SOME TEXT');
    expect(record.total.value).toBeNull();
    expect(record.checks.issues).toEqual(['No purchase date was found.', 'No total was found.']);
  });

  it.each([
    [['PETROL STATION', 'DATE 05/03/2024', 'TOTAL  £10.00'], '2024-03-05'],
    [
      ['PETROL STATION', '123 ELM ST, DALLAS, TX 75201', 'DATE 05/03/2024', 'TOTAL  $10.00'],
      '2024-05-03',
    ],
    // A day above 12 elsewhere on the receipt proves the printer is day-first.
    [['SHOP', 'DATE 05/03/2024', 'PRINTED 25/03/2024', 'TOTAL  $10.00'], '2024-03-05'],
    [['SHOP', 'DATE: 28-MAR-2018 14:02', 'TOTAL 1.00'], '2018-03-28'],
    [['SHOP', 'Invoice 20180428 01', 'Date: 20180428'], '2018-04-28'],
    [['SHOP', '06/01/18 12.17.26 PM', 'TOTAL 1.00'], '2018-01-06'],
    [['SHOP', 'DATE 12.02.2019', 'BEST BEFORE 30.06.2019'], '2019-02-12'],
  ])('reads the purchase date of %j as %s', (lines, iso) => {
    expect(parseReceipt(lines).date.value).toBe(iso);
  });

  it('rejects dates after the latest plausible date', () => {
    const record = parseReceipt(['SHOP', 'DATE 28/09/2047', 'PRINTED 28/09/2017'], {
      latestDate: '2026-11-23',
    });
    expect(record.date.value).toBe('2017-09-28');
  });

  it('finds the address at the top when the name is a logo OCR could not read', () => {
    const record = parse(
      'NO. 31G&33G, JALAN SETIA INDAH X ,U13/X',
      '40170 SETIA ALAM',
      'Tel: +603-3362 4137',
      'SANYU SUPPLY SDN BHD (1135772-K)',
      '01/02/2018',
      'TOTAL  5.00',
    );
    expect(record.merchantName.value).toBe('SANYU SUPPLY SDN BHD');
    expect(record.address.value).toBe('NO. 31G&33G, JALAN SETIA INDAH X ,U13/X 40170 SETIA ALAM');
  });

  it('leaves registration numbers, phone numbers and stray dots out of the address', () => {
    const record = parse(
      'GHEE HIANG',
      '(1097826-X) 95, Beach Road,',
      '10300 Penang. 07-355 2616',
      '. .',
    );
    expect(record.address.value).toBe('95, Beach Road, 10300 Penang.');
  });

  it.each([
    ['AEON CO. (M) BHD (126926-H)', 'AEON CO. (M) BHD'],
    [
      'LIAN CHI PU TIAN VEGETARIAN\nRESTAURANT SDN BHD',
      'LIAN CHI PU TIAN VEGETARIAN RESTAURANT SDN BHD',
    ],
    ['HOME MASTER HARDWARE &\nELECTRICAL', 'HOME MASTER HARDWARE & ELECTRICAL'],
    ['tan woon yann\nBOOK TA .K (TAMAN DAYA) SDN BHD', 'BOOK TA .K (TAMAN DAYA) SDN BHD'],
    ['TAX INVOICE\nTHREE STOOGES\nBISTRO & CAFE', 'THREE STOOGES'],
  ])('takes the merchant from the header %j', (header, name) => {
    const record = parseReceipt([
      ...header.split('\n'),
      'NO 5, JALAN BESAR,',
      '45600 SELANGOR',
      'TEL: 03-3271 9672',
      'TOTAL  1.00',
    ]);
    expect(record.merchantName.value).toBe(name);
    expect(record.address.value).toBe('NO 5, JALAN BESAR, 45600 SELANGOR');
  });
});
