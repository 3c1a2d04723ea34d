import { ENGLISH } from './en.js';
import type { Locale } from './locale.js';

/** United Kingdom: pounds, day-first dates, VAT, postcodes like "SW1A 1AA". */
export const EN_GB: Locale = {
  ...ENGLISH,
  id: 'en-GB',
  currency: 'GBP',
  cashRounding: null,
  markers: [
    '\\bUNITED\\s*KINGDOM\\b',
    '\\bLONDON\\b',
    '\\bVAT\\s*(?:REG|NO)',
    '\\b[A-Z]{1,2}\\d{1,2}[A-Z]?\\s\\d[A-Z]{2}\\b',
  ],
  labels: {
    postcode: ['\\b[A-Z]{1,2}\\d{1,2}[A-Z]?\\s*\\d[A-Z]{2}\\b'],
    currencyWord: ['GBP'],
  },
};
