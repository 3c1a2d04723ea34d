import { describe, expect, it } from 'vitest';

import { findDates, findTimes, isoDate } from './dates.js';
import { parseReceipt } from './parse-receipt.js';

describe('dates', () => {
  it.each([
    ['25/12/2018', 'dmy', '2018-12-25'],
    ['12/25/2018', 'dmy', '2018-12-25'],
    ['05/03/2024', 'dmy', '2024-03-05'],
    ['05/03/2024', 'mdy', '2024-05-03'],
    ['14.03.2024', 'dmy', '2024-03-14'],
    ['19-03-18', 'dmy', '2018-03-19'],
    ['17/1/2018', 'dmy', '2018-01-17'],
    ['2018/04/28', 'dmy', '2018-04-28'],
    ['2024-03-14', 'mdy', '2024-03-14'],
    ['20180428', 'dmy', '2018-04-28'],
    ['25032018', 'dmy', '2018-03-25'],
    ['14 MAR 2018', 'dmy', '2018-03-14'],
    ['28-MAR-18', 'dmy', '2018-03-28'],
    ['02/JAN/2017', 'dmy', '2017-01-02'],
    ['OCT 3, 2016', 'dmy', '2016-10-03'],
    ['Mar 7, 2024', 'mdy', '2024-03-07'],
    ['7. März 2024', 'dmy', '2024-03-07'],
    ['(11.02.18)', 'dmy', '2018-02-11'],
  ] as const)('reads %s (%s) as %s', (text, order, iso) => {
    expect(findDates(text, order)[0]?.iso).toBe(iso);
  });

  it.each(['31/04/2018', '29/02/2019', '13/13/2018', '01/01/1870', '12.50', '2.5.1'])(
    'rejects %s',
    (text) => {
      expect(findDates(text, 'dmy')).toEqual([]);
    },
  );

  it('says which readings a numeric date allows', () => {
    expect(findDates('05/03/2024', 'dmy')[0]).toMatchObject({ ambiguous: true, proves: null });
    expect(findDates('25/03/2024', 'mdy')[0]).toMatchObject({
      iso: '2024-03-25',
      ambiguous: false,
      proves: 'dmy',
    });
    expect(findDates('03/25/2024', 'dmy')[0]).toMatchObject({ iso: '2024-03-25', proves: 'mdy' });
  });

  it('reads an impossible year as the most recent possible one a misread digit away, flagged', () => {
    // A receipt cannot be from the future: 2078 is 2018 or 2008 with one digit misread.
    expect(findDates('Date: 06/03/2078', 'dmy', '2026-11-23')).toMatchObject([
      { iso: '2018-03-06', yearRepaired: true },
    ]);
    expect(findDates('29/12/7017', 'dmy', '2026-11-23')).toMatchObject([
      { iso: '2017-12-29', yearRepaired: true },
    ]);
    expect(findDates('14 MAR 2086', 'dmy', '2026-11-23')).toMatchObject([
      { iso: '2026-03-14', yearRepaired: true },
    ]);
    expect(findDates('14/03/2024', 'dmy', '2026-11-23')[0]?.yearRepaired).toBe(false);
  });

  it('does not repair a year more than one digit from any possible one, or a future day', () => {
    expect(findDates('28/09/2847', 'dmy', '2026-11-23')).toEqual([]);
    expect(findDates('01/01/3500', 'dmy', '2026-11-23')).toEqual([]);
    // The year is possible, the day is not yet: no other year is made up for it.
    expect(findDates('30/11/2026', 'dmy', '2026-11-23')).toEqual([]);
  });

  it('a receipt dated by a repaired year goes to review, the printed date wins over it', () => {
    const repaired = parseReceipt(['KEDAI MAJU', 'Date: 06/03/2078', 'TOTAL 12.50'], {
      latestDate: '2026-11-23',
    });
    expect(repaired.date.value).toBe('2018-03-06');
    expect(repaired.date.confidence).toBeLessThan(0.8);
    expect(repaired.checks.issues.join(' ')).toContain('The date 2018-03-06 is uncertain');
    const printed = parseReceipt(
      ['KEDAI MAJU', 'Date: 06/03/2078', 'TOTAL 12.50', 'Paid 07/03/2018 10:01'],
      { latestDate: '2026-11-23' },
    );
    expect(printed.date.value).toBe('2018-03-07');
  });

  it('validates calendar dates', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
  });

  it.each([
    ['8:13:39 PM', '20:13:39'],
    ['12:45 PM', '12:45'],
    ['12:05 AM', '00:05'],
    ['16:32', '16:32'],
    ['07.49 PM', '19:49'],
  ])('reads the time %s as %s', (text, value) => {
    expect(findTimes(text)[0]?.value).toBe(value);
  });

  it('does not take an amount for a time', () => {
    expect(findTimes('TOTAL 12.45')).toEqual([]);
  });
});
