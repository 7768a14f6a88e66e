import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, londonDay } from '../../shared/domain/dates';
import { addDays, londonMidnight } from '../../shared/domain/weeks';

const londonDayStart = (day: string) => londonMidnight(day).toISOString();
const nextDay = (day: string) => addDays(day, 1);

describe('London calendar days', () => {
  it('a day starts at midnight London time, in winter and in summer', () => {
    expect(londonDayStart('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(londonDayStart('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
  });
  it('clock-change days start at the right instant (29 March and 25 October 2026)', () => {
    expect(londonDayStart('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(londonDayStart('2026-03-30')).toBe('2026-03-29T23:00:00.000Z');
    expect(londonDayStart('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
    expect(londonDayStart('2026-10-26')).toBe('2026-10-26T00:00:00.000Z');
  });
  it('the London day of an instant near midnight follows summer time', () => {
    expect(londonDay(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDay(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
  it('next day crosses months, years and clock changes', () => {
    expect(nextDay('2026-03-28')).toBe('2026-03-29');
    expect(nextDay('2026-10-25')).toBe('2026-10-26');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
  it('formats dates the en-GB way', () => {
    expect(formatDay('2026-11-23')).toBe('23 November 2026');
    expect(formatDateTime('2026-07-01T13:05:00Z')).toBe('1 July 2026 at 14:05');
  });
});
