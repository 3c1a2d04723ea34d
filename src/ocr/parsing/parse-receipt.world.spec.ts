import { describe, expect, it } from 'vitest';

import { parseReceipt } from './parse-receipt.js';

/**
 * Receipts from outside the SROIE set, as OCR would return their text: the fields that matter
 * most (merchant, date, total, currency) for each. Written from the layouts those countries'
 * tills print; none of them is tuned to the development set.
 */
const CASES: Array<{ name: string; lines: string[]; expected: Record<string, string | null> }> = [
  {
    name: 'US grocery, balance due and card tender',
    lines: [
      'FRESH FOODS MARKET',
      '2100 W ADDISON ST',
      'CHICAGO IL 60618',
      '(773) 555-0100',
      'BANANAS 2.13 lb @ 0.59/lb      1.26',
      'MILK 1 GAL                     3.49',
      'SUBTOTAL                       4.75',
      'TAX                            0.00',
      'BALANCE DUE                    4.75',
      'VISA TEND                      4.75',
      '11/02/2023 5:41 PM',
    ],
    expected: {
      merchantName: 'FRESH FOODS MARKET',
      date: '2023-11-02',
      time: '17:41',
      total: '4.75',
      currency: 'USD',
    },
  },
  {
    name: 'French café, TTC total and TVA',
    lines: [
      'CAFE DE LA GARE',
      '3 RUE DE LA REPUBLIQUE',
      '69001 LYON',
      'Tél : 04 78 00 00 00',
      'Le 21/06/2023 à 12:32',
      '2 CAFE EXPRESSO        3,60',
      '1 CROQUE MONSIEUR      8,50',
      'TOTAL HT              10,08',
      'TVA 20%                2,02',
      'TOTAL TTC      EUR    12,10',
      'CB                    12,10',
    ],
    expected: {
      merchantName: 'CAFE DE LA GARE',
      date: '2023-06-21',
      total: '12.10',
      currency: 'EUR',
      taxTotal: '2.02',
    },
  },
  {
    name: 'Indonesian minimarket, rupiah without decimals',
    lines: [
      'PT INDOMARCO PRISMATAMA',
      'JL. ANCOL I NO. 9-10',
      'JAKARTA UTARA',
      'NPWP: 01.337.994.6-092.000',
      '12.05.2022-18:02  2.0.28  123456/KASIR/01',
      'AQUA 600ML        2   3.500     7.000',
      'ROTI TAWAR        1  15.000    15.000',
      'TOTAL BELANJA            Rp 22.000',
      'TUNAI                    Rp 50.000',
      'KEMBALIAN                Rp 28.000',
    ],
    expected: {
      merchantName: 'PT INDOMARCO PRISMATAMA',
      date: '2022-05-12',
      total: '22000.00',
      currency: 'IDR',
    },
  },
  {
    name: 'Australian café, dollars with GST, day-first',
    lines: [
      'BEAN THERE PTY LTD',
      'ABN 12 345 678 901',
      '45 KING ST SYDNEY NSW 2000',
      'TAX INVOICE',
      '03/04/2024 08:15',
      'LATTE LARGE              $5.50',
      'BANANA BREAD             $6.00',
      'TOTAL (INC GST)         $11.50',
      'GST INCLUDED             $1.05',
      'EFTPOS                  $11.50',
    ],
    expected: {
      merchantName: 'BEAN THERE PTY LTD',
      date: '2024-04-03',
      total: '11.50',
      currency: 'AUD',
    },
  },
  {
    name: 'German bakery, Summe and Bar with change',
    lines: [
      'Bäckerei Schmidt',
      'Hauptstr. 12',
      '80331 München',
      '2 x Brezel à 0,95          1,90',
      'Kaffee                     2,80',
      'SUMME EUR                  4,70',
      'Bar                       10,00',
      'Rückgeld                   5,30',
      'MwSt 7% enthalten          0,31',
      '05.01.2024  07:58  Bon 4711',
    ],
    expected: {
      merchantName: 'Bäckerei Schmidt',
      date: '2024-01-05',
      total: '4.70',
      currency: 'EUR',
    },
  },
];

describe('parseReceipt beyond SROIE', () => {
  it.each(CASES)('$name', ({ lines, expected }) => {
    const record = parseReceipt(lines);
    const actual = Object.fromEntries(
      Object.keys(expected).map((key) => [
        key,
        (record[key as keyof typeof record] as { value: unknown }).value,
      ]),
    );
    expect(actual).toEqual(expected);
  });
});
