import { ENGLISH } from './en.js';
import type { Locale } from './locale.js';

/**
 * United States: dollars, month-first dates, sales tax, a state and ZIP code in the address,
 * "(217) 555-0134" phone numbers.
 */
export const EN_US: Locale = {
  ...ENGLISH,
  id: 'en-US',
  dateOrder: 'mdy',
  currency: 'USD',
  cashRounding: null,
  markers: [
    String.raw`\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY),?\s+\d{5}(?:-\d{4})?\b`,
    '\\bSALES\\s*TAX\\b',
    '\\bUSA\\b',
    '\\bU\\.S\\.A\\b',
    '\\(\\d{3}\\)\\s*\\d{3}-\\d{4}',
  ],
  labels: { currencyWord: ['USD'] },
};
