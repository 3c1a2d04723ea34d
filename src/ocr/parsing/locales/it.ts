import type { Locale } from './locale.js';

/**
 * Italian (Italy): euros with decimal commas, TOTALE, IVA, CONTANTI/RESTO, cash rounded to
 * 5 cents. Three-letter month abbreviations that are English words ("SET" — a set meal) are
 * left out: "1 SET 12.00" must not read as a date.
 */
export const IT_IT: Locale = {
  id: 'it-IT',
  dateOrder: 'dmy',
  decimalSeparator: ',',
  thousandsSeparator: '.',
  currency: 'EUR',
  cashRounding: 5,
  months: {
    GENNAIO: 1,
    FEBBRAIO: 2,
    MARZO: 3,
    APRILE: 4,
    MAGGIO: 5,
    GIUGNO: 6,
    LUGLIO: 7,
    AGOSTO: 8,
    SETTEMBRE: 9,
    OTTOBRE: 10,
    NOVEMBRE: 11,
    DICEMBRE: 12,
  },
  markers: ['\\bIVA\\b', '\\bP\\.?\\s*IVA\\b', '\\bVIA\\b', '\\bITALIA\\b', '\\bS\\.?R\\.?L\\b'],
  labels: {
    strongTotal: ['\\bTOTALE\\b'],
    tax: ['\\bIVA\\b'],
    taxIdLabel: ['\\bP\\.?\\s*IVA\\b', '\\bPARTITA\\s*IVA\\b'],
    discount: ['SCONTO'],
    tendered: ['CONTANTI'],
    change: ['RESTO'],
    cashPayment: ['CONTANTI'],
    dateLabel: ['DATA'],
    legalForm: ['SPA', 'S\\.?P\\.?A', 'SRL'],
    addressWord: [
      'VIA',
      'VIALE',
      'PIAZZA',
      'PIAZZALE',
      'CORSO',
      'LARGO',
      'STRADA',
      'VICOLO',
      'LOCALIT[AÀ]',
    ],
    openingHours: ['ORARIO'],
    currencyWord: ['EUR'],
  },
};
