import { findDates } from '../dates.js';
import {
  ADDRESS_STOP,
  ADDRESS_WORD,
  COMPANY_REG,
  CURRENCY_WORD,
  HEADER_NOISE,
  OPENING_HOURS,
  STREET_WORD,
  TAX_ID_LABEL,
} from '../keywords.js';
import { HEADER_LINES, isBoundary, isNameLike, isStreetLine } from '../merchant/header.js';
import type { Field } from '../receipt-record.js';
import { confidence, empty, lastAmount, letters, type Row } from '../rows.js';

/**
 * The address: the lines after the merchant's name, or — when the name is a logo OCR could not
 * read and the receipt starts with the street — the first street block of the header.
 */
export function findAddress(lines: Row[], merchantLine: number | null): Field<string> {
  const afterName =
    merchantLine === null ? -1 : lines.findIndex((line) => line.index === merchantLine);
  return (
    (afterName >= 0 ? addressFrom(lines, afterName + 1) : null) ??
    addressFrom(
      lines,
      lines.findIndex((line, position) => position < HEADER_LINES && isStreetLine(line)),
    ) ??
    empty()
  );
}

function addressFrom(lines: Row[], start: number): Field<string> | null {
  if (start < 0) return null;
  const window = lines.slice(start, start + 9);
  const parts: Row[] = [];
  let belowCity = 0;
  for (const line of window.slice(streetStart(window))) {
    if (parts.length === 0 && isPreamble(line)) continue;
    if (endsAddress(line)) break;
    // Below the postcode and city only short region, country or branch lines ("SELANGOR
    // DARUL EHSAN", "MALAYSIA") still belong to the address; specks and labels do not.
    if (belowCity > 0 && !isRegionLine(line)) break;
    parts.push(line);
    if (parts.length >= 5 || belowCity > REGION_LINES) break;
    if (belowCity > 0 || isCityLine(line)) belowCity += 1;
  }
  const looksLikeAddress =
    parts.some((line) => ADDRESS_WORD.test(line.upper)) ||
    /^\(?\d+[A-Z]?\b|^(?:NO|LOT|UNIT|BLK|BLOCK|SUITE)\b/.test(parts[0]?.upper ?? '');
  if (parts.length === 0 || !looksLikeAddress) return null;
  // Joined as printed: receipts carry their own commas at line ends (or none). A phone number
  // printed without a label at the end of the last line is not part of the address.
  // Registration numbers "(1097826-X)" and stray end punctuation are not part of it either.
  const value = parts
    .map((line) => line.text.replace(/\s{2,}/g, ' '))
    .join(' ')
    .replace(/\s*\(\d{5,}-?\s?[A-Z+%]?\)\s*/gu, ' ')
    .replace(/\s+\(?\+?\d{2,4}\)?[-\s]\d{3,4}[-\s]?\d{3,4}$/u, '')
    .replace(/(\S)(?:\s+[.,;:])+$/u, '$1')
    // A lone lower-case letter before the first word is a speck read as text ("i NO. 5").
    .replace(/^\p{Ll}\s+(?=\P{Ll})/u, '')
    .trim();
  const ocr = Math.min(...parts.map((line) => line.ocr));
  const rule = parts.every((line) => ADDRESS_WORD.test(line.upper)) ? 0.8 : 0.65;
  return {
    value,
    confidence: confidence(rule, { ...parts[0], ocr }),
    source: { line: parts[0].index, text: parts.map((line) => line.text).join('\n') },
  };
}

/**
 * Where the address starts in the window: at a street line ("75, JALAN SS 22/19", "12 High
 * Street") when only lines without any street word come before it — registration numbers
 * with misread digits, a date and time OCR garbled, logo scraps — else at the window's top.
 */
function streetStart(window: Row[]): number {
  for (const [position, line] of window.slice(0, STREET_LOOKAHEAD).entries()) {
    // A street word, not only a postcode: "40400 SHAH ALAM" ends an address, never starts one.
    if (isStreetLine(line) && STREET_WORD.test(line.upper)) return position;
    if (!isPreamble(line) && (STREET_WORD.test(line.upper) || endsAddress(line))) return 0;
  }
  return 0;
}

/** How many lines below the name the street line may start. */
const STREET_LOOKAHEAD = 4;

/** Phone, tax and e-mail lines, opening hours, the first items: the address has ended. */
function endsAddress(line: Row): boolean {
  // Also no address: e-mail and web addresses, "LABEL : 000181747712", long id numbers.
  const notAddress = /@|\.COM\b|:\s*\d[\d\s-]{6,}|\d{9,}/.test(line.upper);
  // Nor are opening hours, amounts (the first items) or a lone currency column header.
  return (
    ADDRESS_STOP.test(line.upper) ||
    OPENING_HOURS.test(line.upper) ||
    isPricedLine(line) ||
    isCurrencyHeader(line) ||
    isBoundary(line) ||
    HEADER_NOISE.test(line.upper) ||
    notAddress ||
    letters(line.text) + (line.text.match(/\d/g) ?? []).length < 3
  );
}

/**
 * The postcode-and-city line that closes most addresses: "40150 SHAH ALAM", "…, 53200, KUALA
 * LUMPUR", "D-80331 München", "Springfield, IL 62704", "London SW1A 1AA". A number followed
 * by a street word or more numbers ("LOT PTD 198718 TMN …", "33198, BATU 4") is not a postcode.
 */
function isCityLine(line: Row): boolean {
  const city = /(?:^|[,.]\s*)(?:[A-Z]-)?\d{4,6}\s*,?\s+(\p{Lu}\D*)$/u.exec(line.upper);
  return (
    (city !== null && !STREET_WORD.test(city[1])) ||
    /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?$|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/.test(line.upper)
  );
}

/** A region, country or branch below the city: a few words, no label, read with some certainty. */
function isRegionLine(line: Row): boolean {
  return (
    !line.text.includes(':') &&
    line.text.split(/\s+/).length <= REGION_MAX_WORDS &&
    line.ocr >= REGION_MIN_OCR
  );
}

/** "WILAYAH PERSEKUTUAN KUALA" / "LUMPUR, MALAYSIA.": a region may take two lines. */
const REGION_LINES = 2;
/** "SELANGOR DARUL EHSAN, MALAYSIA", "NEW SOUTH WALES". */
const REGION_MAX_WORDS = 4;
/** Set by hand: specks and stamps read as words ("Cioran") come out below this. */
const REGION_MIN_OCR = 0.4;

/**
 * What may sit between the name and the address: registration and tax numbers, a second name
 * line ("BISTRO & CAFE" under "THREE STOOGES"), a date, or OCR scraps of a logo.
 */
function isPreamble(line: Row): boolean {
  // "3, Julan Pelabur": a house number and a comma start the street, whatever OCR made of
  // the street word after them.
  if (/^\d{1,4}[A-Z]?\s*,\s*\p{L}/u.test(line.upper)) return false;
  return (
    COMPANY_REG.test(line.upper) ||
    TAX_ID_LABEL.test(line.text) ||
    isNameLike(line) ||
    (findDates(line.text, 'dmy').length > 0 && letters(line.text) < 8) ||
    letters(line.text) + (line.text.match(/\d/g) ?? []).length < 3
  );
}

/** A line that is only a currency ("EUR", "RM"): a column header, not part of an address. */
function isCurrencyHeader(line: Row): boolean {
  const bare = line.upper.replace(/[^\p{L}]/gu, '');
  return bare !== '' && CURRENCY_WORD.exec(bare)?.[1] === bare;
}

/**
 * An item with its price flush right ("Milch 1,5%  1,09 A"): the items have begun. Numbers
 * inside an address ("NO 33, 45, JALAN …") read as amounts too, but never at the line's end.
 */
function isPricedLine(line: Row): boolean {
  const amount = lastAmount(line);
  return amount !== null && amount.end >= line.text.length - PRICE_SUFFIX_CHARS;
}

/** What may follow a price: a tax class letter ("A"), an asterisk. */
const PRICE_SUFFIX_CHARS = 3;
