import { findDates } from '../dates.js';
import { ADDRESS_WORD, BUSINESS_WORD, COMPANY_REG, HEADER_NOISE, LEGAL_FORM } from '../keywords.js';
import type { Field } from '../receipt-record.js';
import { empty, field, letters, type Row } from '../rows.js';
import { cleanName } from './clean-name.js';
import { HEADER_LINES, isBoundary, isNameLike, isStreetLine } from './header.js';

export interface Merchant {
  field: Field<string>;
  /** Index of the last line of the name (names may take two lines). */
  lastLine: number | null;
}

// Weights of a header line's score as the merchant's name. Set by hand from how receipts
// print their header (the name first and biggest, a legal form beside it); the position and
// legal-form weights were checked on the SROIE tune set, where the company label is the
// legal entity. Calibration (calibration.ts) makes the resulting confidence a probability.
/** The first line of the header starts here; each line below costs one. */
const FIRST_LINE = 3;
/** SDN BHD, GMBH, LTD: almost surely the business's name. */
const HAS_LEGAL_FORM = 4;
/** CAFE, MARKT, PHARMACY: a weaker sign. */
const HAS_BUSINESS_WORD = 0.5;
/** Street words or a postcode (and no legal form): an address line. */
const LOOKS_LIKE_ADDRESS = -2;
const STARTS_WITH_DIGIT = -1;
/** Names are printed in capitals or title case. */
const ALL_LOWER_CASE = -1;
/** OCR confidence above or below this typical value moves the score, per unit. */
const TYPICAL_OCR = 0.75;
const PER_OCR_CONFIDENCE = 3;
/** Most words are scraps ("Eh", "lh1", "aBc"): a logo or stamp read as text. */
const MOSTLY_SCRAPS = -2.5;
/**
 * Lines read below this are logos and stamps OCR made words of ("okies", "[yes"): never the
 * name. Checked on the tune set, where no right name was read below it.
 */
const MIN_NAME_OCR = 0.3;
/** Score bands of the raw confidence. */
const STRONG_NAME = 5;
const PLAIN_NAME = 2.5;

/**
 * The merchant: the most name-like line at the top of the header (legal form, shop word,
 * print quality), joined with its neighbour when the name takes two lines; failing any, the
 * brand in the receipt's web address.
 */
export function findMerchant(lines: Row[]): Merchant {
  const header: Row[] = [];
  for (const line of lines.slice(0, HEADER_LINES)) {
    // Phone and tax-id lines may come before the name (they are never the name); amounts and
    // dates end the header.
    if ((line.money.length > 0 || findDates(line.text, 'dmy').length > 0) && header.length > 0) {
      break;
    }
    header.push(line);
  }
  let best: { line: Row; score: number; position: number } | null = null;
  let afterStreet = false;
  header.forEach((line, position) => {
    // Below the street the header holds the rest of the address (postcode, city), not the
    // name — unless the line carries a legal form (a company line printed under a logo).
    if (afterStreet && !LEGAL_FORM.test(cleanName(line.text).toUpperCase())) return;
    if (isStreetLine(line)) afterStreet = true;
    const name = cleanName(line.text);
    const count = letters(name);
    if (count < 3 || count / name.replace(/\s/g, '').length < 0.5) return;
    if (HEADER_NOISE.test(line.upper) || COMPANY_REG.test(line.upper) || isBoundary(line)) return;
    if (line.ocr < MIN_NAME_OCR) return;
    if (isStreetLine(line)) return;
    // The name is printed first (and biggest); a legal form or a kind of shop confirms it.
    // Judged without a trailing registration number, whose digits look like a postcode.
    const upper = name.toUpperCase();
    let score = FIRST_LINE - position;
    if (LEGAL_FORM.test(upper)) score += HAS_LEGAL_FORM;
    else if (BUSINESS_WORD.test(upper)) score += HAS_BUSINESS_WORD;
    if (ADDRESS_WORD.test(upper) && !LEGAL_FORM.test(upper)) score += LOOKS_LIKE_ADDRESS;
    if (/^\d/.test(line.text)) score += STARTS_WITH_DIGIT;
    if (line.text === line.text.toLowerCase()) score += ALL_LOWER_CASE;
    // Logos and stamps come out of OCR as low-confidence scraps of mixed-case letters.
    score += (line.ocr - TYPICAL_OCR) * PER_OCR_CONFIDENCE;
    const tokens = line.text.split(/\s+/).filter((token) => /\p{L}/u.test(token));
    const scraps = tokens.filter(
      (token) =>
        /\p{Ll}\p{Lu}|\p{L}\d|\d\p{L}{2}/u.test(token) ||
        (letters(token) <= 2 && !/^\W*\p{Lu}{1,2}\W*$/u.test(token)),
    ).length;
    if (tokens.length > 0 && scraps / tokens.length > 0.5) score += MOSTLY_SCRAPS;
    if (!best || score > best.score) best = { line, score, position };
  });
  if (!best) return { field: brandFromWebAddress(lines), lastLine: null };
  const { line, score, position } = best as { line: Row; score: number; position: number };
  const parts = [line];
  const previous = header[position - 1];
  const next = header[position + 1];
  // "LIAN CHI PU TIAN VEGETARIAN" above "RESTAURANT SDN BHD": the marked line is only the
  // legal form and kind of shop, so the name starts on the line above.
  const bare = line.upper
    .replace(new RegExp(LEGAL_FORM.source, 'g'), '')
    .replace(new RegExp(BUSINESS_WORD.source, 'g'), '');
  if (previous && letters(bare) < 3 && isNameLike(previous)) parts.unshift(previous);
  // "HOME MASTER HARDWARE &" above "ELECTRICAL", or a legal form on its own line below.
  else if (
    next &&
    isNameLike(next) &&
    (/(?:&|\bAND|\bDAN|\bUND|\bET|-)$/.test(line.upper) ||
      (!LEGAL_FORM.test(line.upper) && LEGAL_FORM.test(next.upper)))
  ) {
    parts.push(next);
  }
  const name = cleanName(parts.map((part) => part.text).join(' '));
  if (!name) return { field: empty(), lastLine: null };
  const rule = score >= STRONG_NAME ? 0.9 : score >= PLAIN_NAME ? 0.75 : 0.5;
  const source = {
    ...line,
    index: parts[0].index,
    text: parts.map((part) => part.text).join('\n'),
    ocr: Math.min(...parts.map((part) => part.ocr)),
  };
  return { field: field(name, rule, source), lastLine: parts[parts.length - 1].index };
}

/** A web or e-mail address: its domain name is the brand ("www.lidl.de" → LIDL). */
const WEB_ADDRESS =
  /(?:\bWWW\.|@)([A-Z0-9][A-Z0-9-]{1,30})\.(?:[A-Z]{2,3}\.)?[A-Z]{2,6}\b|\b([A-Z0-9][A-Z0-9-]{1,30})\.(?:COM|DE|FR|ES|IT|NL|AT|CH|UK|MY|SG|AU|EU)\b/;

/** A name below WEB_BRAND_RULE is a guess from the domain alone; a logo OCR could not read. */
const WEB_BRAND_RULE = 0.4;

/**
 * When no header line names the business (its logo was not read and the receipt starts with
 * the street), the receipt's own web or e-mail address names the brand.
 */
function brandFromWebAddress(lines: Row[]): Field<string> {
  for (const line of lines) {
    const match = WEB_ADDRESS.exec(line.upper);
    const brand = match?.[1] ?? match?.[2];
    if (brand && letters(brand) >= 2) return field(brand, WEB_BRAND_RULE, line);
  }
  return empty();
}
