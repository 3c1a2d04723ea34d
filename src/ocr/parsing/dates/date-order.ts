import { type DayMonthOrder, findDates } from '../dates.js';
import type { Locale } from '../locales/index.js';
import type { Row } from '../rows.js';

/**
 * Day-first or month-first: a printed date that only parses one way proves the order; failing
 * that, the locale's order (month-first only for the US).
 */
export function dayMonthOrder(rows: readonly Row[], locale: Locale): DayMonthOrder {
  let dmy = 0;
  let mdy = 0;
  for (const row of rows) {
    for (const match of findDates(row.text, 'dmy')) {
      if (match.proves === 'dmy') dmy += 1;
      if (match.proves === 'mdy') mdy += 1;
    }
  }
  if (dmy !== mdy) return dmy > mdy ? 'dmy' : 'mdy';
  return locale.dateOrder;
}
