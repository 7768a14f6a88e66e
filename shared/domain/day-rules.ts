import { addDays } from './weeks';

/**
 * Dates that cannot be right, by what the date is (issue 10.9). Each returns the message shown by
 * the field, or null. The core applies them with its own clock (the renderer is not trusted);
 * `today` is a London calendar day. No record here is older than 1990: a year like 0000 or 1900
 * is a slip of the keyboard.
 */
export const EARLIEST_DAY = '1990-01-01';
/** How far ahead a planned date (a start, a leaving date, a shared-care arrangement) can sensibly be. */
const PLANNING_DAYS = 2 * 366;

const tooEarly = (day: string) => (day < EARLIEST_DAY ? `Check the year: ${day.slice(0, 4)} cannot be right.` : null);

/** A child's date of birth: not in the future, not before 1990. */
export function birthDayProblem(day: string, today: string): string | null {
  if (day > today) return 'A date of birth cannot be in the future.';
  return tooEarly(day);
}

/** Something that has happened (a diary entry, a check made): not in the future. */
export function pastDayProblem(day: string, today: string, what = 'This'): string | null {
  if (day > today) return `${what} is in the future: give the day it happened.`;
  return tooEarly(day);
}

/**
 * Something that happened to a child (a diary entry, a concern, an observation) cannot be dated
 * before the child was born: an impossible date in a chronology is worse than none.
 */
export function beforeBirthProblem(day: string, dateOfBirth: string, formatted: string): string | null {
  return day < dateOfBirth ? `That is before the child was born (${formatted}): check the date.` : null;
}

/** A date being planned (a start, an end): within about two years. */
export function plannedDayProblem(day: string, today: string): string | null {
  if (day > addDays(today, PLANNING_DAYS)) return 'That is more than two years away: check the year.';
  return tooEarly(day);
}
