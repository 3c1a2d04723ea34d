import { ENGLISH } from './en.js';
import type { Locale } from './locale.js';

/** Australia: dollars with cash rounded to 5 cents, day-first dates, GST, ABN, EFTPOS. */
export const EN_AU: Locale = {
  ...ENGLISH,
  id: 'en-AU',
  currency: 'AUD',
  cashRounding: 5,
  markers: ['\\bABN\\b', '\\bAUSTRALIA\\b', '\\bPTY\\.?\\s*LTD\\b'],
  labels: {
    taxIdLabel: ['\\bABN\\b'],
    tendered: ['EFTPOS'],
    cardPayment: ['EFTPOS'],
    legalForm: ['PTY'],
    addressStop: ['ABN'],
    currencyWord: ['AUD'],
  },
};
