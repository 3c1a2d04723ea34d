import { ENGLISH } from './en.js';
import type { Locale } from './locale.js';

/** Singapore: dollars (S$), day-first dates, cash paid exactly, NETS and PayNow. */
export const EN_SG: Locale = {
  ...ENGLISH,
  id: 'en-SG',
  currency: 'SGD',
  cashRounding: null,
  markers: ['\\bPTE\\.?\\s*LTD\\b', '\\bSINGAPORE\\b'],
  labels: {
    tendered: ['\\bNETS\\b'],
    cardPayment: ['\\bNETS\\b'],
    mobilePayment: ['PAYNOW'],
    legalForm: ['PTE'],
    currencyWord: ['SGD'],
  },
};
