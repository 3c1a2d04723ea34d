import { type DateMatch, type DayMonthOrder, findDates, findTimes } from '../dates.js';
import { DATE_LABEL, NOT_PURCHASE_DATE, TIME_LABEL } from '../keywords.js';
import type { Field } from '../receipt-record.js';
import { empty, field, type Row } from '../rows.js';

// Weights of the date candidates' score. Set by hand from how receipts print dates (not
// fitted to the development set); the score's bands below decide the raw confidence, which
// calibration.ts turns into a probability.
/** Every valid date starts here. */
const BASE = 1;
/** "DATE:", "TARIKH", "DATUM" on the line. */
const LABELLED = 3;
/** A time beside the date: the transaction stamp. */
const WITH_TIME = 1;
/** "EXPIRY", "BEST BEFORE", "VALID UNTIL": a date that is not the purchase. */
const NOT_PURCHASE = -4;
/** 20240314 collides with ids; less so when labelled. */
const COMPACT = -3;
const COMPACT_LABELLED = -1;
/** Purchase dates sit in the header or the footer, rarely among the items. */
const AMONG_ITEMS = -0.5;
/**
 * A year read again from misread digits (2078 → 2018): any date printed with a possible year
 * wins (a labelled one with a time then scores 0, a bare date 1).
 */
const YEAR_REPAIRED = -5;
/** The same date printed again (header and card slip), per repeat, at most two. */
const REPEATED = 0.5;

/**
 * A guessed year is not trusted: below the lowest band calibration.ts trusts a date from
 * (raw 0.3), so the receipt goes to review.
 */
const YEAR_REPAIRED_RULE = 0.25;

/**
 * The purchase date: every valid date on the receipt is a candidate, scored by its label,
 * a time beside it, its position and repetition.
 */
export function findDate(
  lines: Row[],
  order: DayMonthOrder,
  latest: string | undefined,
): Field<string> {
  const candidates: Array<{ match: DateMatch; line: Row; score: number }> = [];
  for (const line of lines) {
    for (const match of findDates(line.text, order, latest)) {
      const labelled = DATE_LABEL.test(line.upper);
      let score = BASE;
      if (labelled) score += LABELLED;
      if (findTimes(line.text).length > 0) score += WITH_TIME;
      if (NOT_PURCHASE_DATE.test(line.upper)) score += NOT_PURCHASE;
      if (match.compact) score += labelled ? COMPACT_LABELLED : COMPACT;
      if (match.yearRepaired) score += YEAR_REPAIRED;
      const depth = Math.min(1, line.index / Math.max(1, lines.length));
      if (line.index <= lines.length * 0.8) score += AMONG_ITEMS * depth;
      candidates.push({ match, line, score });
    }
  }
  if (candidates.length === 0) return empty();
  const printed = new Map<string, number>();
  for (const { match } of candidates) printed.set(match.iso, (printed.get(match.iso) ?? 0) + 1);
  for (const candidate of candidates) {
    const repeats = (printed.get(candidate.match.iso) ?? 1) - 1;
    candidate.score += Math.min(2, repeats) * REPEATED;
  }
  candidates.sort((a, b) => b.score - a.score || a.line.index - b.line.index);
  const best = candidates[0];
  let rule = best.score >= 4 ? 0.95 : best.score >= 2 ? 0.85 : best.score >= 1 ? 0.7 : 0.4;
  // 05/03/2024 read by the locale's order, or 20240314: either may be another date.
  if (best.match.ambiguous) rule -= 0.15;
  if (best.match.compact) rule -= 0.2;
  // A guessed year goes to review whatever else vouches for the date.
  if (best.match.yearRepaired) rule = Math.min(rule, YEAR_REPAIRED_RULE);
  return field(best.match.iso, rule, best.line);
}

/** The time printed on the date's line, else beside a TIME label, else the first one. */
export function findTime(lines: Row[], dateLine: number | null): Field<string> {
  const ordered = [
    ...lines.filter((line) => line.index === dateLine),
    ...lines.filter((line) => TIME_LABEL.test(line.upper)),
    ...lines,
  ];
  for (const line of ordered) {
    const time = findTimes(line.text)[0];
    if (time) return field(time.value, line.index === dateLine ? 0.9 : 0.75, line);
  }
  return empty();
}
