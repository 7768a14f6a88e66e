/**
 * Week maths for the diary, pure and shared by main and the renderer.
 *
 * A calendar day is `YYYY-MM-DD` in Europe/London and a week starts on Monday. Arithmetic is done
 * on calendar dates (year, month, day via Date.UTC at noon), never by adding milliseconds to a local
 * time: a week that contains a clock change is 167 or 169 hours long but is still seven days.
 */
import { londonDay } from './dates';

export const TIME_ZONE = 'Europe/London';

/** Monday first, as the week view shows them. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const WEEKDAY_NAMES_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(day: string): [number, number, number] {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`Not a calendar day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Days since 1970-01-01 for a calendar day (no time zone involved). */
export function dayNumber(day: string): number {
  const [y, m, d] = parts(day);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The calendar day with the given day number. */
export function dayFromNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  if (!DAY_RE.test(value)) return false;
  return dayFromNumber(dayNumber(value)) === value;
}

export function addDays(day: string, n: number): string {
  return dayFromNumber(dayNumber(day) + n);
}

export function addWeeks(day: string, n: number): string {
  return addDays(day, 7 * n);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): WeekdayIndex {
  // 1970-01-01 was a Thursday (index 3).
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) as WeekdayIndex;
}

export function weekdayName(day: string): (typeof WEEKDAY_NAMES)[number] {
  return WEEKDAY_NAMES[weekdayIndex(day)];
}

/** The Monday of the week that contains `day`. */
export function weekStart(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

/** The seven days, Monday to Sunday, of the week starting `monday` (any day of the week is accepted). */
export function weekDays(day: string): string[] {
  const monday = weekStart(day);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function isMonday(day: string): boolean {
  return weekdayIndex(day) === 0;
}

/** Today in London. */
export function today(now: Date = new Date()): string {
  return londonDay(now);
}

/** The Monday of the London week that contains an instant (late Sunday evening in BST is still Sunday). */
export function weekOfInstant(instant: Date | string): string {
  return weekStart(londonDay(typeof instant === 'string' ? new Date(instant) : instant));
}

/** ISO-8601 week number and week-numbering year (week 1 contains the year's first Thursday). */
export function isoWeek(day: string): { year: number; week: number } {
  const thursday = addDays(weekStart(day), 3);
  const year = parts(thursday)[0];
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer time). */
export function londonOffsetMinutes(instant: Date): number {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const p = Object.fromEntries(fmt.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant London's midnight starts `day` (clocks change at 01:00 UTC, so midnight is never skipped or repeated). */
export function londonMidnight(day: string): Date {
  const [y, m, d] = parts(day);
  const utcMidnight = Date.UTC(y, m - 1, d);
  // First guess with the offset at UTC midnight, then correct with the offset at that guess.
  const guess = new Date(utcMidnight - londonOffsetMinutes(new Date(utcMidnight)) * 60_000);
  return new Date(utcMidnight - londonOffsetMinutes(guess) * 60_000);
}

/** The instant of a London wall-clock time (`HH:MM`) on a day, across clock changes as londonMidnight is. */
export function londonDateTime(day: string, time: string): Date {
  const [y, m, d] = parts(day);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const guess = new Date(asUtc - londonOffsetMinutes(new Date(asUtc)) * 60_000);
  return new Date(asUtc - londonOffsetMinutes(guess) * 60_000);
}

/** The instants a London week spans, [Monday 00:00, next Monday 00:00), and its length in hours. */
export function weekSpan(day: string): { start: Date; end: Date; hours: number } {
  const monday = weekStart(day);
  const start = londonMidnight(monday);
  const end = londonMidnight(addDays(monday, 7));
  return { start, end, hours: (end.getTime() - start.getTime()) / 3_600_000 };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 23 Nov" */
export function shortDayLabel(day: string): string {
  const [, m, d] = parts(day);
  return `${WEEKDAY_NAMES_SHORT[weekdayIndex(day)]} ${d} ${MONTHS_SHORT[m - 1]}`;
}

/** "Monday 23 November 2026" */
export function longDayLabel(day: string): string {
  const [y, m, d] = parts(day);
  return `${WEEKDAY_NAMES[weekdayIndex(day)]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "23 – 29 November 2026", "30 November – 6 December 2026", "28 December 2026 – 3 January 2027" (en-GB, en dash). */
export function weekRangeLabel(day: string): string {
  const monday = weekStart(day);
  const sunday = addDays(monday, 6);
  const [y1, m1, d1] = parts(monday);
  const [y2, m2, d2] = parts(sunday);
  if (y1 !== y2) return `${d1} ${MONTHS[m1 - 1]} ${y1} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
  if (m1 !== m2) return `${d1} ${MONTHS[m1 - 1]} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
  return `${d1} – ${d2} ${MONTHS[m2 - 1]} ${y2}`;
}

/** "Week 48: 23 – 29 November 2026" (ISO week number). */
export function weekLabel(day: string): string {
  return `Week ${isoWeek(day).week}: ${weekRangeLabel(day)}`;
}

/** The Mondays of `weeks` whole weeks ending with the week that contains `lastDay`, oldest first. */
export function weeksEndingWith(lastDay: string, weeks: number): string[] {
  const last = weekStart(lastDay);
  return Array.from({ length: weeks }, (_, i) => addWeeks(last, i - weeks + 1));
}
