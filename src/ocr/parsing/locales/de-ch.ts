import { DE_DE } from './de.js';
import type { Locale } from './locale.js';

/** Switzerland (German): francs with cash rounded to 5 Rappen, apostrophe thousands. */
export const DE_CH: Locale = {
  ...DE_DE,
  id: 'de-CH',
  decimalSeparator: '.',
  thousandsSeparator: "'",
  currency: 'CHF',
  cashRounding: 5,
  markers: ['\\bCHF\\b', '\\bSCHWEIZ\\b', '\\bSUISSE\\b', '\\bCHE-\\d{3}'],
  labels: { currencyWord: ['CHF', 'FR\\.'] },
};
