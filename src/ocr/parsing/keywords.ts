import { labelSources } from './locales/index.js';
import type { LabelFamily } from './locales/index.js';

/**
 * Label vocabularies over every locale (see locales/), matched against upper-cased line text.
 * Built once from the locale files; the wrappers below are the only regex syntax added here.
 */

/** Any of the family's sources, as they are. */
function anyOf(family: LabelFamily, flags = ''): RegExp {
  return new RegExp(labelSources(family).join('|'), flags);
}

/** The family's sources as whole words. */
function words(family: LabelFamily): string {
  return `\\b(?:${labelSources(family).join('|')})\\b`;
}

export const STRONG_TOTAL = anyOf('strongTotal');
export const TOTAL = anyOf('total');
export const NOT_TOTAL = anyOf('notTotal');
export const SUBTOTAL = anyOf('subtotal');
export const TAX = anyOf('tax');
/** Matched against the text as printed (case-insensitive): "USt-IdNr." */
export const TAX_ID_LABEL = anyOf('taxIdLabel', 'i');
export const TIP = anyOf('tip');
export const DISCOUNT = anyOf('discount');
export const ROUNDING = anyOf('rounding');
export const TENDERED = anyOf('tendered');
export const CHANGE = anyOf('change');
export const CARD_PAYMENT = anyOf('cardPayment');
export const MOBILE_PAYMENT = anyOf('mobilePayment');
export const CASH_PAYMENT = anyOf('cashPayment');
export const PHONE_LABEL = new RegExp(`${words('phoneLabel')}\\s*(?:NO\\.?|NUMBER)?\\s*[:.#]?`);
export const RECEIPT_NUMBER_LABEL = new RegExp(
  `${words('receiptNumberLabel')}\\s*(?:-?\\s*(?:NO|NR|NUM(?:BER)?|ID|#)\\b\\.?|#)?\\s*[:.#]?`,
  'i',
);
export const DATE_LABEL = new RegExp(words('dateLabel'));
export const TIME_LABEL = new RegExp(words('timeLabel'));
export const NOT_PURCHASE_DATE = anyOf('notPurchaseDate');
export const HEADER_NOISE = new RegExp(`^(?:\\W*)(?:${labelSources('headerNoise').join('|')})\\b`);
export const LEGAL_FORM = new RegExp(words('legalForm'));
export const BUSINESS_WORD = new RegExp(words('businessWord'));
/** A street written as one compound with its number after it: "HAUPTSTRASSE 17". */
export const STREET_SUFFIX = new RegExp(
  `[\\p{Lu}\\s](?:${labelSources('streetSuffix').join('|')})\\s*\\d{1,4}[A-Z]?\\b`,
  'u',
);
/** A street, building or place word ("JALAN", "RUE", "FLOOR", "…STRASSE"), without postcodes. */
export const STREET_WORD = new RegExp([words('addressWord'), STREET_SUFFIX.source].join('|'), 'u');
export const ADDRESS_WORD = new RegExp(
  [words('addressWord'), ...labelSources('postcode'), STREET_SUFFIX.source].join('|'),
  'u',
);
/** Opening hours, or a time range ("07:00-21:00"): printed under the address, never part of it. */
export const OPENING_HOURS = new RegExp(
  [...labelSources('openingHours'), '\\d{1,2}[:.]\\d{2}\\s*[-–]\\s*\\d{1,2}[:.]\\d{2}'].join('|'),
);
export const ADDRESS_STOP = new RegExp(words('addressStop'));
/** A currency printed as a column header or label ("SUMME EUR", "AMOUNT (RM)", "EURO"). */
export const CURRENCY_WORD = new RegExp(
  `(?:^|[\\s(])(${labelSources('currencyWord').join('|')})(?:[\\s):]|$)`,
);

/** A company registration number printed under the name, e.g. "(789417-W)" or "CO. REG. NO: 123". */
export const COMPANY_REG =
  /^\W*\(?\s*(?:CO(?:MPANY)?\.?\s*(?:REG(?:ISTRATION)?\.?)?\s*(?:NO\.?)?\s*[:.]?\s*)?\d[\d\s]{2,}[-\s]?\s?[A-Z]\s*\)?\W*$|^\W*(?:CO(?:MPANY)?\.?\s*REG|ROC|REG\.?\s*NO|BUSINESS\s*(?:REG|NO))\b/;
