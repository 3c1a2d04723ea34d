import { type Locale } from './locale.js';

/** Indonesian (Indonesia): rupiah with dot thousands, PPN, TUNAI/KEMBALIAN, NPWP, JL. */
export const ID_ID: Locale = {
  id: 'id-ID',
  dateOrder: 'dmy',
  decimalSeparator: ',',
  thousandsSeparator: '.',
  currency: 'IDR',
  cashRounding: null,
  months: {
    JANUARI: 1,
    FEBRUARI: 2,
    MARET: 3,
    MEI: 5,
    AGU: 8,
    AGUSTUS: 8,
    DES: 12,
    DESEMBER: 12,
  },
  markers: ['\\bNPWP\\b', '\\bPPN\\b', '\\bJL\\.', '\\bRP\\b', '\\bJAKARTA\\b', '\\bINDONESIA\\b'],
  labels: {
    strongTotal: ['\\bTOTAL\\s*BELANJA\\b'],
    tax: ['\\bPPN\\b', '\\bPB1\\b'],
    taxIdLabel: ['\\bNPWP\\b'],
    tendered: ['TUNAI'],
    change: ['KEMBALIAN'],
    cashPayment: ['TUNAI'],
    mobilePayment: ['GOPAY', '\\bOVO\\b', 'DANA\\b'],
    phoneLabel: ['TELP'],
    receiptNumberLabel: ['NOTA', 'STRUK'],
    dateLabel: ['TANGGAL', 'TGL'],
    headerNoise: ['STRUK', 'NOTA'],
    legalForm: ['PT', 'CV'],
    addressWord: ['JL\\.?', 'KOTA', 'KECAMATAN'],
    currencyWord: ['IDR', 'RP'],
  },
};
