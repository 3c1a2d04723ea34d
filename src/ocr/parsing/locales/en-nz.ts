import { ENGLISH } from './en.js';
import type { Locale } from './locale.js';

/** New Zealand: dollars with cash rounded to 10 cents, GST. */
export const EN_NZ: Locale = {
  ...ENGLISH,
  id: 'en-NZ',
  currency: 'NZD',
  cashRounding: 10,
  markers: ['\\bNEW\\s*ZEALAND\\b'],
  labels: { currencyWord: ['NZD'] },
};
