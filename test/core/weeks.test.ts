import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addWeeks,
  daysBetween,
  isDay,
  isoWeek,
  londonMidnight,
  londonOffsetMinutes,
  shortDayLabel,
  weekDays,
  weekdayIndex,
  weekdayName,
  weekLabel,
  weekOfInstant,
  weekRangeLabel,
  weekSpan,
  weekStart,
  weeksEndingWith,
} from '../../shared/domain/weeks';

describe('week boundaries', () => {
  it('starts weeks on Monday', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
    expect(weekdayName('2026-11-23')).toBe('Monday');
    expect(weekdayIndex('2026-11-29')).toBe(6);
    expect(weekDays('2026-11-25')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  it('crosses months, years and leap days by calendar', () => {
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
  });

  it('keeps a week with the March clock change to seven days (167 hours)', () => {
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
    const span = weekSpan('2026-03-25');
    expect(weekStart('2026-03-29')).toBe('2026-03-23');
    expect(weekDays('2026-03-23')[6]).toBe('2026-03-29');
    expect(span.start.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    expect(span.end.toISOString()).toBe('2026-03-29T23:00:00.000Z'); // Monday 30 March 00:00 BST
    expect(span.hours).toBe(167);
    expect(weekStart(addDays('2026-03-29', 1))).toBe('2026-03-30');
  });

  it('keeps a week with the October clock change to seven days (169 hours)', () => {
    // Clocks go back at 01:00 UTC on Sunday 25 October 2026.
    const span = weekSpan('2026-10-21');
    expect(span.start.toISOString()).toBe('2026-10-18T23:00:00.000Z'); // Monday 19 October 00:00 BST
    expect(span.end.toISOString()).toBe('2026-10-26T00:00:00.000Z'); // Monday 26 October 00:00 GMT
    expect(span.hours).toBe(169);
    expect(weekDays('2026-10-19')).toHaveLength(7);
  });

  it('puts an instant into the London week, not the UTC one, either side of the clock changes', () => {
    // 23:30 UTC on Sunday 29 March 2026 is 00:30 BST on Monday 30 March: the next week.
    expect(weekOfInstant('2026-03-29T23:30:00Z')).toBe('2026-03-30');
    // 22:59 UTC the same evening is still Sunday in London.
    expect(weekOfInstant('2026-03-29T22:59:00Z')).toBe('2026-03-23');
    // 23:30 UTC on Sunday 25 October 2026 is 23:30 GMT: still Sunday.
    expect(weekOfInstant('2026-10-25T23:30:00Z')).toBe('2026-10-19');
    // 23:30 UTC on Sunday 18 October 2026 is 00:30 BST Monday.
    expect(weekOfInstant('2026-10-18T23:30:00Z')).toBe('2026-10-19');
    expect(londonOffsetMinutes(new Date('2026-03-29T00:59:00Z'))).toBe(0);
    expect(londonOffsetMinutes(new Date('2026-03-29T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T00:59:00Z'))).toBe(60);
    expect(londonOffsetMinutes(new Date('2026-10-25T01:00:00Z'))).toBe(0);
    expect(londonMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonMidnight('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(londonMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });

  it('numbers weeks by ISO-8601', () => {
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 }); // Thursday
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 }); // Friday: the last week of 2026
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(isoWeek('2026-11-23')).toEqual({ year: 2026, week: 48 });
  });

  it('labels weeks in en-GB', () => {
    expect(weekRangeLabel('2026-11-23')).toBe('23 – 29 November 2026');
    expect(weekRangeLabel('2026-11-30')).toBe('30 November – 6 December 2026');
    expect(weekRangeLabel('2026-12-28')).toBe('28 December 2026 – 3 January 2027');
    expect(weekLabel('2026-11-25')).toBe('Week 48: 23 – 29 November 2026');
    expect(shortDayLabel('2026-11-23')).toBe('Mon 23 Nov');
  });

  it('lists the weeks of a span, oldest first', () => {
    expect(weeksEndingWith('2026-11-25', 3)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23']);
  });

  it('agrees with the calendar for any day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (n) => {
        const day = new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const monday = weekStart(day);
        expect(weekdayIndex(monday)).toBe(0);
        expect(daysBetween(monday, day)).toBe(weekdayIndex(day));
        expect(new Date(`${day}T12:00:00Z`).getUTCDay()).toBe((weekdayIndex(day) + 1) % 7);
        expect(weekSpan(day).hours === 168 || weekSpan(day).hours === 167 || weekSpan(day).hours === 169).toBe(true);
      }),
    );
  });
});

describe('londonDateTime', () => {
  it('turns a London wall-clock time into the instant, in winter, in summer and on the days the clocks change', async () => {
    const { londonDateTime } = await import('../../shared/domain/weeks');
    expect(londonDateTime('2026-11-25', '09:30').toISOString()).toBe('2026-11-25T09:30:00.000Z');
    expect(londonDateTime('2026-07-01', '09:30').toISOString()).toBe('2026-07-01T08:30:00.000Z');
    // 29 March 2026: clocks go forward at 01:00 UTC; 10:00 London is 09:00 UTC.
    expect(londonDateTime('2026-03-29', '10:00').toISOString()).toBe('2026-03-29T09:00:00.000Z');
    // 25 October 2026: clocks go back at 01:00 UTC; 10:00 London is 10:00 UTC.
    expect(londonDateTime('2026-10-25', '10:00').toISOString()).toBe('2026-10-25T10:00:00.000Z');
  });
});
