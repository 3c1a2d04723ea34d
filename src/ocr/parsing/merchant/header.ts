import { findDates } from '../dates.js';
import {
  ADDRESS_WORD,
  COMPANY_REG,
  HEADER_NOISE,
  LEGAL_FORM,
  PHONE_LABEL,
  STREET_SUFFIX,
  TAX_ID_LABEL,
} from '../keywords.js';
import { letters, type Row } from '../rows.js';
import { cleanName } from './clean-name.js';

/** How far into the receipt the header block may reach. */
export const HEADER_LINES = 10;

/** Phone, tax-id and date lines close the header block (name and address). */
export function isBoundary(line: Row): boolean {
  return (
    (PHONE_LABEL.test(line.upper) && /\d{3}/.test(line.text)) ||
    TAX_ID_LABEL.test(line.text) ||
    findDates(line.text, 'dmy').length > 0
  );
}

/**
 * A street line: one that starts the way street addresses do ("NO. 31G, JALAN …",
 * "12, HIGH STREET") or a compound street name with its number after it ("Hauptstraße 17").
 */
export function isStreetLine(line: Row): boolean {
  // Judged without a registration number, whose digits look like a postcode.
  const upper = cleanName(line.text).toUpperCase();
  return (
    (/^(?:NO[.,]?\s*\d|LOT\b|UNIT\b|\d+[A-Z]?\s*[,.]?\s)/.test(upper) &&
      ADDRESS_WORD.test(upper)) ||
    // Number after the street, as most of Europe writes it: "Hauptstraße 17", "Via Roma 21".
    STREET_SUFFIX.test(upper) ||
    (ADDRESS_WORD.test(upper) && /\s\d{1,4}[A-Z]?(?:[-/]\d{1,4}[A-Z]?)?$/.test(upper))
  );
}

export function isNameLike(line: Row): boolean {
  return (
    letters(line.text) >= 3 &&
    !/\d{2}/.test(line.text) &&
    !HEADER_NOISE.test(line.upper) &&
    !isBoundary(line) &&
    !COMPANY_REG.test(line.upper) &&
    !ADDRESS_WORD.test(line.upper.replace(new RegExp(LEGAL_FORM.source, 'g'), ''))
  );
}
