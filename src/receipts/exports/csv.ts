/**
 * CSV per RFC 4180 (comma-separated, CRLF line ends, fields with a comma, quote or line break
 * quoted, quotes doubled), safe to open in a spreadsheet: a text cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return would be run as a formula (OWASP "CSV injection"), so it
 * gets a leading apostrophe. Numbers the export itself writes (amounts, confidences) are left
 * alone: "-1.77" is a number, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** UTF-8 byte order mark: makes Excel read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly Parameters<typeof csvCell>[0][]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
