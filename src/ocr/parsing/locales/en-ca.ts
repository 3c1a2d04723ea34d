import { ENGLISH } from './en.js';
import type { Locale } from './locale.js';

/** Canada: dollars with cash rounded to 5 cents, GST/HST. */
export const EN_CA: Locale = {
  ...ENGLISH,
  id: 'en-CA',
  currency: 'CAD',
  cashRounding: 5,
  markers: ['\\bHST\\b', '\\bCANADA\\b', '\\bGST\\/HST\\b'],
  labels: { currencyWord: ['CAD'] },
};
