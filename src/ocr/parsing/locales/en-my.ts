import { ENGLISH } from './en.js';
import type { Locale } from './locale.js';

/**
 * Malaysia: ringgit (RM) with cash rounded to 5 sen, day-first dates, and Malay printed beside
 * English on the same receipt (JUMLAH, TUNAI, KEMBALI, TARIKH), so the Malay labels live here.
 */
export const EN_MY: Locale = {
  ...ENGLISH,
  id: 'en-MY',
  currency: 'MYR',
  cashRounding: 5,
  markers: [
    '\\bSDN\\.?\\s*BHD\\b',
    '\\bMALAYSIA\\b',
    '\\bJALAN\\b',
    '\\bJLN\\b',
    '\\bSELANGOR\\b',
    '\\bJOHOR\\b',
    '\\bKUALA\\s*LUMPUR\\b',
  ],
  months: { ...ENGLISH.months },
  labels: {
    strongTotal: ['\\bJUMLAH(?:\\s*BESAR)?\\b'],
    discount: ['POTONGAN'],
    rounding: ['PEMBULATAN'],
    tendered: ['\\bBAYAR', 'TUNAI'],
    change: ['KEMBALI', 'KEMBALIAN'],
    cashPayment: ['TUNAI'],
    mobilePayment: ['GRAB\\s*PAY', '\\bBOOST\\b', "TOUCH\\s*'?N\\s*'?GO", 'SHOPEEPAY'],
    phoneLabel: ['HP'],
    dateLabel: ['TARIKH'],
    timeLabel: ['MASA'],
    legalForm: [
      'S[DCO0]N\\.?\\s*[B8][HI][DO0]',
      'SDN',
      '[B8]HD',
      'S\\/B',
      'SYARIKAT',
      'PERNIAGAAN',
    ],
    businessWord: ['RESTORAN', 'KEDAI'],
    addressWord: [
      'JALAN',
      'JLN',
      'LORONG',
      'TAMAN',
      'TMN',
      'BANDAR',
      'KAMPUNG',
      'KG',
      'PERSIARAN',
      'LEBUH',
    ],
    currencyWord: ['RM', 'MYR'],
  },
};
