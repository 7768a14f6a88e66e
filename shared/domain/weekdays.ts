import { z } from 'zod';

/** Days of the week, Monday first (weeks start on Monday). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const WEEKDAY_SHORT: Record<Weekday, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** The part of a day a child attends. */
export const SESSIONS = ['all-day', 'morning', 'afternoon'] as const;
export const daySessionSchema = z.enum(SESSIONS);
export type DaySession = z.infer<typeof daySessionSchema>;
export const SESSION_LABELS: Record<DaySession, string> = { 'all-day': 'all day', morning: 'morning', afternoon: 'afternoon' };

/** `2026-11-23` -> 'mon'. Days are calendar days; noon UTC keeps clear of any clock change. */
export function weekdayOf(day: string): Weekday {
  const js = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(js + 6) % 7];
}

/** Adds whole months to a calendar day (negative to go back); the 31st becomes the month's last day. */
export function addMonthsToDay(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12; // 0-based
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, month, Math.min(d, last)));
  return date.toISOString().slice(0, 10);
}

/** Adds whole days to a calendar day. */
export function addDaysToDay(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "Mon, Wed (morning), Thu" from attended days, in week order. */
export function describeDays(days: readonly { day: Weekday; session: DaySession }[]): string {
  if (days.length === 0) return 'No days recorded';
  return [...days]
    .sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day))
    .map((d) => (d.session === 'all-day' ? WEEKDAY_SHORT[d.day] : `${WEEKDAY_SHORT[d.day]} (${SESSION_LABELS[d.session]})`))
    .join(', ');
}
