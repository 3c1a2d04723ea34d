/**
 * Dates and times in the formats receipts print, validated (no 31 April, no year 1870) and
 * returned as ISO strings. Day-first versus month-first is decided by the caller's hint when
 * a numeric date is ambiguous.
 */

import { MONTHS } from './locales/index.js';

export type DayMonthOrder = 'dmy' | 'mdy';

export interface DateMatch {
  iso: string;
  index: number;
  end: number;
  /** Both day-first and month-first readings were valid and differ (e.g. 05/03/2024). */
  ambiguous: boolean;
  /** Compact forms (20240314) collide with ids and are trusted less. */
  compact: boolean;
  /** Evidence about the printer's order: a part above 12 proves which one is the day. */
  proves: DayMonthOrder | null;
  /**
   * The printed year was impossible (2078 on a receipt read today, 7017) and this is the
   * nearest possible one by misread digits: a guess the caller should trust less.
   */
  yearRepaired: boolean;
}

export interface TimeMatch {
  value: string;
  index: number;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2099;

/** Every locale's month names, longest first so "SEPTEMBER" is not read as "SEP". */
const MONTH_NAME = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;

const YMD = /(?<![\d])((?:19|20)\d{2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?!\d)/g;
// Not followed by AM/PM: "12.17.26 PM" is a time.
const NUMERIC =
  /(?<![\d.,:])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d]|[.,:]\d|\s?[AP]\.?M\b)/g;
const DAY_NAMED = new RegExp(
  String.raw`(?<!\d)(\d{1,2})(?:ST|ND|RD|TH)?[\s\-/.]*${MONTH_NAME}(?![A-Z])[\s\-/.,']*(\d{4}|\d{2})(?!\d)`,
  'giu',
);
const NAMED_DAY = new RegExp(
  String.raw`(?<![A-Z])${MONTH_NAME}(?![A-Z])[\s\-/.]*(\d{1,2})(?:ST|ND|RD|TH)?,?[\s\-/.]+(\d{4}|\d{2})(?!\d)`,
  'giu',
);
const COMPACT = /(?<![\d.,])(\d{8})(?![\d]|[.,]\d)/g;

const TIME =
  /(?<![\d.,:])([01]?\d|2[0-3])\s?([:.])\s?([0-5]\d)(?:\2([0-5]\d))?(?:\s?([AaPp])\.?\s?[Mm]\.?)?(?![\d]|[.,]\d)/g;

/**
 * @param latest the latest plausible date (ISO), e.g. tomorrow: a receipt cannot be from the
 *   future, and OCR turns 2018 into 2078 often enough for this to matter.
 */
export function findDates(text: string, order: DayMonthOrder, latest?: string): DateMatch[] {
  const found: DateMatch[] = [];
  const add = (match: RegExpMatchArray, iso: string | null, extra: Partial<DateMatch> = {}) => {
    if (
      !iso ||
      (latest !== undefined && iso > latest) ||
      found.some((other) => overlaps(other, match))
    )
      return;
    found.push({
      iso,
      index: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
      ambiguous: false,
      compact: false,
      proves: null,
      yearRepaired: false,
      ...extra,
    });
  };
  const upper = text.toUpperCase();
  // A four-digit year that cannot be (after `latest`'s year, before MIN_YEAR) is read again
  // as the nearest possible year; the day and month as printed must still make a valid date.
  const possible = (iso: string | null) => iso !== null && (latest === undefined || iso <= latest);
  const newestYear = latest === undefined ? MAX_YEAR : Math.min(MAX_YEAR, +latest.slice(0, 4));
  const yearOf = (printed: string, toIso: (candidate: number) => string | null) => {
    const asPrinted = year(printed);
    if (printed.length !== 4 || (asPrinted >= MIN_YEAR && asPrinted <= newestYear)) {
      return { y: asPrinted, yearRepaired: false };
    }
    const nearest = nearestPossibleYear(printed, (candidate) => possible(toIso(candidate)));
    return nearest === null
      ? { y: asPrinted, yearRepaired: false }
      : { y: nearest, yearRepaired: true };
  };

  for (const match of upper.matchAll(YMD)) add(match, isoDate(+match[1], +match[3], +match[4]));
  for (const match of upper.matchAll(DAY_NAMED)) {
    const toIso = (y: number) => isoDate(y, MONTHS[match[2]], +match[1]);
    const { y, yearRepaired } = yearOf(match[3], toIso);
    add(match, toIso(y), { yearRepaired });
  }
  for (const match of upper.matchAll(NAMED_DAY)) {
    const toIso = (y: number) => isoDate(y, MONTHS[match[1]], +match[2]);
    const { y, yearRepaired } = yearOf(match[3], toIso);
    add(match, toIso(y), { yearRepaired });
  }
  for (const match of upper.matchAll(NUMERIC)) {
    const first = +match[1];
    const second = +match[3];
    const { y, yearRepaired } = yearOf(match[4], (candidate) =>
      order === 'dmy'
        ? (isoDate(candidate, second, first) ?? isoDate(candidate, first, second))
        : (isoDate(candidate, first, second) ?? isoDate(candidate, second, first)),
    );
    const dayFirst = isoDate(y, second, first);
    const monthFirst = isoDate(y, first, second);
    const preferred = order === 'dmy' ? (dayFirst ?? monthFirst) : (monthFirst ?? dayFirst);
    // "11.14.00" is more likely a time than a date; it may be a candidate but proves nothing.
    const timeLike = match[2] === '.' && match[4].length === 2;
    add(match, preferred, {
      yearRepaired,
      ambiguous: Boolean(dayFirst && monthFirst && dayFirst !== monthFirst),
      proves: timeLike
        ? null
        : dayFirst && !monthFirst
          ? 'dmy'
          : monthFirst && !dayFirst
            ? 'mdy'
            : null,
    });
  }
  for (const match of upper.matchAll(COMPACT)) {
    const digits = match[1];
    const asYmd = isoDate(+digits.slice(0, 4), +digits.slice(4, 6), +digits.slice(6, 8));
    const asDmy =
      order === 'dmy'
        ? isoDate(+digits.slice(4), +digits.slice(2, 4), +digits.slice(0, 2))
        : isoDate(+digits.slice(4), +digits.slice(0, 2), +digits.slice(2, 4));
    add(match, asYmd ?? asDmy, { compact: true });
  }
  return found.sort((a, b) => a.index - b.index);
}

export function findTimes(text: string): TimeMatch[] {
  const times: TimeMatch[] = [];
  for (const match of text.matchAll(TIME)) {
    const [, hh, separator, mm, ss, meridiem] = match;
    // "12.45" is far more often an amount than a time; only trust "." with AM/PM after it.
    if (separator === '.' && !meridiem) continue;
    let hour = +hh;
    if (meridiem) {
      if (hour < 1 || hour > 12) continue;
      const pm = meridiem.toUpperCase() === 'P';
      hour = (hour % 12) + (pm ? 12 : 0);
    }
    const value = `${String(hour).padStart(2, '0')}:${mm}${ss ? `:${ss}` : ''}`;
    times.push({ value, index: match.index });
  }
  return times;
}

/** More misread digits than this and the printed figure is no year at all. */
const MAX_YEAR_MISREADS = 1;

/**
 * The possible year that differs from the printed four digits in the fewest places, at most
 * MAX_YEAR_MISREADS; on a tie the most recent ("2078" → 2018 rather than 2008: receipts are
 * read soon after they are printed). At most MAX_YEAR − MIN_YEAR tries.
 */
function nearestPossibleYear(printed: string, isPossible: (y: number) => boolean): number | null {
  let best: { y: number; misreads: number } | null = null;
  for (let y = MAX_YEAR; y >= MIN_YEAR; y -= 1) {
    const digits = String(y);
    let misreads = 0;
    for (let i = 0; i < 4; i += 1) if (digits[i] !== printed[i]) misreads += 1;
    if (misreads <= MAX_YEAR_MISREADS && (!best || misreads < best.misreads) && isPossible(y)) {
      best = { y, misreads };
    }
  }
  return best?.y ?? null;
}

/** Two-digit years: 00–69 are 2000s, 70–99 the 1900s (and then rejected as implausible). */
function year(text: string): number {
  const value = +text;
  if (text.length === 4) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) return null;
  if (!Number.isInteger(m) || m < 1 || m > 12) return null;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (!Number.isInteger(d) || d < 1 || d > daysInMonth) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function overlaps(existing: DateMatch, match: RegExpMatchArray): boolean {
  const start = match.index ?? 0;
  const end = start + match[0].length;
  return start < existing.end && end > existing.index;
}
