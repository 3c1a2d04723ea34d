import { describe, expect, it } from 'vitest';

import { findDates, findTimes, isoDate } from './dates.js';

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

  it.each(['31/04/2018', '29/02/2019', '13/13/2018', '01/01/1899', '12.50', '2.5.1'])(
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

  it('ignores dates after the latest plausible one', () => {
    expect(findDates('28/09/2047', 'dmy', '2026-11-23')).toEqual([]);
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
