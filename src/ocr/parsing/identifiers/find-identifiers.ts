import { findDates, findTimes } from '../dates.js';
import { PHONE_LABEL, RECEIPT_NUMBER_LABEL, TAX_ID_LABEL } from '../keywords.js';
import { HEADER_LINES } from '../merchant/header.js';
import type { Field } from '../receipt-record.js';
import { empty, field, type Row } from '../rows.js';

const PHONE_NUMBER = /(\+?\(?\d[\d\s()\-./]{5,}\d)/;

export function findPhone(lines: Row[]): Field<string> {
  for (const line of lines) {
    const label = PHONE_LABEL.exec(line.upper);
    if (!label || line.money.length > 0) continue;
    const rest = line.text
      .slice(label.index + label[0].length)
      .replace(/^[\s:./#]*(?:FAX\s*)?/i, '');
    const number = PHONE_NUMBER.exec(rest.split(/\bFAX\b|\s{2,}|,|\bE-?MAIL\b/i)[0]);
    if (number && (number[1].match(/\d/g) ?? []).length >= 7)
      return field(number[1].trim(), 0.9, line);
  }
  // An unlabelled, phone-shaped number in the header: (217) 555-0134, 512-555-0199.
  for (const line of lines.slice(0, HEADER_LINES)) {
    const match = /\(\d{3}\)\s?\d{3}[-\s]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b/.exec(line.text);
    if (match) return field(match[0], 0.6, line);
  }
  return empty();
}

export function findTaxId(lines: Row[]): Field<string> {
  for (const line of lines) {
    const label = TAX_ID_LABEL.exec(line.text);
    if (!label) continue;
    const rest = line.text.slice(label.index + label[0].length);
    const value = /^[\s.:#]*([A-Z0-9][A-Z0-9 \-/.]{4,}[A-Z0-9])/i.exec(rest)?.[1];
    if (value && /\d{3}/.test(value))
      return field(value.replace(/\s{2,}.*$/, '').trim(), 0.85, line);
  }
  return empty();
}

export function findReceiptNumber(lines: Row[]): Field<string> {
  for (const line of lines) {
    const label = RECEIPT_NUMBER_LABEL.exec(line.text);
    if (!label) continue;
    const rest = line.text.slice(label.index + label[0].length);
    const value = /^[\s:.#]*([A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9\-/]*)/i.exec(rest)?.[1];
    if (!value || findDates(value, 'dmy').length > 0 || findTimes(value).length > 0) continue;
    return field(value, 0.8, line);
  }
  return empty();
}
