import { describe, expect, it } from 'vitest';

import { parseReceipt } from '../parse-receipt.js';
import type { ReceiptRecord } from '../receipt-record.js';

/**
 * Real-looking receipts per locale, as OCR returns their text (logo brands missing or
 * mangled, opening hours and items right under the address). Each case names the rule it
 * exercises; none is taken from the SROIE development set.
 */
interface Case {
  locale: string;
  name: string;
  lines: string[];
  expected: Partial<Record<keyof ReceiptRecord, string | null>>;
}

const CASES: Case[] = [
  {
    locale: 'de-DE',
    name: 'supermarket: logo brand as merchant, not the street; EUR; address stops at hours',
    lines: [
      'ALDI',
      'ALDI SÜD',
      'Hauptstraße 17',
      '80331 München',
      'Mo-Sa 07:00-21:00 Uhr',
      'EUR',
      'Milch 1,5%          1,09 A',
      'Bananen             1,49 A',
      'Brot                2,29 A',
      'Summe               4,87',
      'Geg. Bar            10,00',
      'Rückgeld             5,13',
      'MwSt   Netto   Steuer  Brutto',
      'A 7%   4,55    0,32    4,87',
      '14.03.2024  18:22   Filiale 0123  Kasse 2',
    ],
    expected: {
      merchantName: 'ALDI',
      address: 'Hauptstraße 17 80331 München',
      date: '2024-03-14',
      time: '18:22',
      total: '4.87',
      currency: 'EUR',
    },
  },
  {
    locale: 'de-DE',
    name: 'discounter whose logo OCR lost: the street is not the merchant; EURO as currency',
    lines: [
      'Lidl Dienstleistung GmbH & Co. KG',
      'Schwarzer Weg 4',
      '74172 Neckarsulm',
      'Öffnungszeiten Mo-Sa 8-20',
      'Apfel Gala lose      2,49 A',
      'Joghurt Natur        0,79 A',
      'zu zahlen            3,28',
      'Kartenzahlung EURO   3,28',
      'Datum: 02.05.2024 Uhrzeit: 09:41',
    ],
    expected: {
      merchantName: 'Lidl Dienstleistung GmbH & Co. KG',
      address: 'Schwarzer Weg 4 74172 Neckarsulm',
      date: '2024-05-02',
      total: '3.28',
      currency: 'EUR',
      paymentMethod: 'card',
    },
  },
  {
    locale: 'de-DE',
    name: 'logo not read at all: the street is not the merchant, the web address names the brand',
    lines: [
      'Schwarzer Weg 4',
      '74172 Neckarsulm',
      'Mo-Sa 8:00-20:00',
      'Bio Eier 10er       3,99 A',
      'SUMME EUR           3,99',
      'BAR                 5,00',
      'RÜCKGELD            1,01',
      '30.11.2023 17:45',
      'www.lidl.de',
    ],
    expected: {
      merchantName: 'LIDL',
      address: 'Schwarzer Weg 4 74172 Neckarsulm',
      date: '2023-11-30',
      total: '3.99',
      currency: 'EUR',
    },
  },
  {
    locale: 'de-DE',
    name: 'pharmacy: GESAMT total, decimal commas with thousands dots',
    lines: [
      'Stadt-Apotheke',
      'Marktplatz 3',
      '60311 Frankfurt am Main',
      'Tel. 069 123456',
      'Ibuprofen 400       1.204,50',
      'Gesamtbetrag EUR    1.204,50',
      'EC-Karte            1.204,50',
      '09.11.2023 10:02',
    ],
    expected: {
      merchantName: 'Stadt-Apotheke',
      date: '2023-11-09',
      total: '1204.50',
      currency: 'EUR',
    },
  },
  {
    locale: 'fr-FR',
    name: 'supermarket: NET A PAYER, TVA, ESPECES and RENDU',
    lines: [
      'CARREFOUR MARKET',
      '12 AVENUE JEAN JAURES',
      '75019 PARIS',
      'TEL 01 42 00 00 00',
      'BAGUETTE              1,10',
      'FROMAGE COMTE         5,90',
      'NET A PAYER          7,00',
      'ESPECES              10,00',
      'RENDU                 3,00',
      'TVA 5,5%              0,36',
      '15/02/2024 11:47',
    ],
    expected: {
      merchantName: 'CARREFOUR MARKET',
      date: '2024-02-15',
      total: '7.00',
      currency: 'EUR',
      paymentMethod: 'cash',
    },
  },
  {
    locale: 'es-ES',
    name: 'café: TOTAL A PAGAR, IVA included, FECHA label',
    lines: [
      'CAFETERIA LA PLAZA S.L.',
      'CALLE MAYOR 8',
      '28013 MADRID',
      'NIF B12345678',
      'FECHA: 07/08/2023  HORA: 09:15',
      '2 CAFE CON LECHE      3,20',
      '1 TOSTADA             2,10',
      'TOTAL A PAGAR         5,30',
      'IVA 10% INCLUIDO      0,48',
      'EFECTIVO              10,00',
      'CAMBIO                4,70',
    ],
    expected: {
      merchantName: 'CAFETERIA LA PLAZA S.L.',
      date: '2023-08-07',
      time: '09:15',
      total: '5.30',
      currency: 'EUR',
    },
  },
  {
    locale: 'it-IT',
    name: 'bar: TOTALE, IVA, CONTANTI and RESTO',
    lines: [
      'BAR CENTRALE SRL',
      'VIA ROMA 21',
      '20121 MILANO',
      'P.IVA 01234567890',
      'CAPPUCCINO            1,50',
      'CORNETTO              1,20',
      'TOTALE EURO           2,70',
      'CONTANTI              5,00',
      'RESTO                 2,30',
      '03-10-2023 08:05',
    ],
    expected: {
      merchantName: 'BAR CENTRALE SRL',
      date: '2023-10-03',
      total: '2.70',
      currency: 'EUR',
    },
  },
  {
    locale: 'nl-NL',
    name: 'supermarket: TOTAAL, BTW, PIN',
    lines: [
      'Albert Heijn',
      'Kalverstraat 12',
      '1012 PC Amsterdam',
      'KOMKOMMER             0,89',
      'KAAS JONG BELEGEN     4,99',
      'SUBTOTAAL             5,88',
      'TOTAAL                5,88',
      'PIN                   5,88',
      'BTW 9%                0,49',
      '21-06-2024 17:31',
    ],
    expected: {
      merchantName: 'Albert Heijn',
      date: '2024-06-21',
      total: '5.88',
      subtotal: '5.88',
      currency: 'EUR',
      paymentMethod: 'card',
    },
  },
  {
    locale: 'en-GB',
    name: 'café: pounds, VAT, postcode in the address',
    lines: [
      'THE CORNER CAFE',
      '14 HIGH STREET',
      'LONDON SW1A 1AA',
      'VAT REG NO 123 4567 89',
      'FLAT WHITE          £3.20',
      'CROISSANT           £2.40',
      'TOTAL               £5.60',
      'CARD                £5.60',
      '04/03/2024 08:12',
    ],
    expected: {
      merchantName: 'THE CORNER CAFE',
      address: '14 HIGH STREET LONDON SW1A 1AA',
      date: '2024-03-04',
      total: '5.60',
      currency: 'GBP',
    },
  },
  {
    locale: 'en-US',
    name: 'diner: month-first dates from the state and ZIP, dollars',
    lines: [
      "JOE'S DINER",
      '120 MAIN ST',
      'SPRINGFIELD, IL 62701',
      '(217) 555-0134',
      '03/04/2024 12:31 PM',
      'BURGER              9.50',
      'COFFEE              2.00',
      'SUBTOTAL           11.50',
      'SALES TAX           0.92',
      'TOTAL              12.42',
    ],
    expected: {
      merchantName: "JOE'S DINER",
      date: '2024-03-04',
      total: '12.42',
      currency: 'USD',
    },
  },
  {
    locale: 'en-SG',
    name: 'food court: S$, GST, NETS',
    lines: [
      'KOPI CORNER PTE LTD',
      '1 RAFFLES PLACE #01-02',
      'SINGAPORE 048616',
      'GST REG NO: M2-1234567-8',
      '12/05/2024 13:05',
      'KOPI O                S$1.40',
      'KAYA TOAST SET        S$5.60',
      'TOTAL                 S$7.00',
      'NETS                  S$7.00',
    ],
    expected: {
      merchantName: 'KOPI CORNER PTE LTD',
      date: '2024-05-12',
      total: '7.00',
      currency: 'SGD',
    },
  },
  {
    locale: 'en-MY',
    name: 'hardware shop: RM, rounding adjustment, day-first',
    lines: [
      'KEDAI PERKAKASAN MAJU SDN BHD',
      '(123456-A)',
      'NO. 8, JALAN PERUSAHAAN 2',
      '43000 KAJANG, SELANGOR',
      'TEL: 03-8736 1234',
      'DATE: 05/06/2018 TIME: 10:21',
      'PAIP PVC 1"         2 x 4.20     8.40',
      'GAM PAIP                         3.55',
      'TOTAL                           11.95',
      'ROUNDING ADJ                     0.00',
      'CASH                            20.00',
      'CHANGE                           8.05',
    ],
    expected: {
      merchantName: 'KEDAI PERKAKASAN MAJU SDN BHD',
      address: 'NO. 8, JALAN PERUSAHAAN 2 43000 KAJANG, SELANGOR',
      date: '2018-06-05',
      total: '11.95',
      currency: 'MYR',
    },
  },
  {
    locale: 'en-AU',
    name: 'bakery: $ with ABN means AUD; the printed total, not the cash-rounded payment',
    lines: [
      'GOLDEN CRUST BAKERY PTY LTD',
      'ABN 98 765 432 109',
      '7 GEORGE ST BRISBANE QLD 4000',
      '18/09/2023 07:44',
      'MEAT PIE             $6.20',
      'VANILLA SLICE        $4.78',
      'TOTAL               $10.98',
      'ROUNDING            -$0.03',
      'CASH                $10.95',
    ],
    expected: {
      merchantName: 'GOLDEN CRUST BAKERY PTY LTD',
      date: '2023-09-18',
      total: '10.98',
      currency: 'AUD',
    },
  },
];

/** Minor units kept per currency: yen have none, Kuwaiti dinars three. */
const MINOR_UNIT_CASES: Case[] = [
  {
    locale: 'ja-JP via ¥',
    name: 'yen amounts have no decimals',
    lines: ['LAWSON', '2024/01/15 12:03', 'おにぎり  ¥150', 'お茶  ¥128', '合計 TOTAL  ¥278'],
    expected: { total: '278', currency: 'JPY', date: '2024-01-15' },
  },
  {
    locale: 'ar-KW via KWD',
    name: 'dinars keep three decimals',
    lines: ['SULTAN CENTER', '10/02/2024', 'WATER 6PK  KWD 1.250', 'TOTAL  KWD 3.750'],
    expected: { total: '3.750', currency: 'KWD', date: '2024-02-10' },
  },
];

describe('parseReceipt per locale', () => {
  it.each([...CASES, ...MINOR_UNIT_CASES])('$locale — $name', ({ lines, expected }) => {
    const record = parseReceipt(lines);
    const actual = Object.fromEntries(
      Object.keys(expected).map((key) => [
        key,
        (record[key as keyof ReceiptRecord] as { value: unknown }).value,
      ]),
    );
    expect(actual).toEqual(expected);
  });
});
