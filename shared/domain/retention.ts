/**
 * Retention rules as pure date arithmetic, shared by the core (what is due) and the screens (what a
 * rule means). Days are calendar days in Europe/London (`YYYY-MM-DD`); no clock time is involved, so
 * a clock change never moves a due date.
 */
import { dayFromNumber } from './weeks';

export type RetentionRule =
  | { kind: 'after-leaving'; years: number; months: number }
  | { kind: 'after-birth'; years: number; months: number }
  | { kind: 'with-records' };

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `day` plus whole years and months. When the day does not exist in the month reached (29 February
 * in a common year, 31st in a 30-day month) the answer is the 1st of the next month: keeping a
 * record one day longer is never wrong, disposing of it a day early could be.
 */
export function addYearsMonths(day: string, years: number, months: number): string {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`Not a calendar day: ${day}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + years * 12 + months;
  const y = Math.floor(total / 12);
  const mo = total % 12;
  const d = Number(m[3]);
  // Date.UTC rolls a day past the month's end over into the next month (2045-02-29 -> 2045-03-01).
  return dayFromNumber(Math.round(Date.UTC(y, mo, d) / 86_400_000));
}

/**
 * The day a child's records of a type fall due for review under a rule, or null when it cannot be
 * known yet (a child who has not left) or the type follows other records (`with-records`).
 */
export function dueOn(rule: RetentionRule, child: { dateOfBirth: string; leavingDate: string | null }): string | null {
  if (rule.kind === 'after-birth') return addYearsMonths(child.dateOfBirth, rule.years, rule.months);
  if (rule.kind === 'after-leaving') return child.leavingDate ? addYearsMonths(child.leavingDate, rule.years, rule.months) : null;
  return null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
function span(years: number, months: number): string {
  if (years && months) return `${plural(years, 'year')} and ${plural(months, 'month')}`;
  return months ? plural(months, 'month') : plural(years, 'year');
}

/** A rule in words: "3 years after the child leaves". */
export function ruleInWords(rule: RetentionRule): string {
  if (rule.kind === 'after-leaving') return `${span(rule.years, rule.months)} after the child leaves`;
  if (rule.kind === 'after-birth') {
    return rule.months === 0 ? `until the child’s ${ordinal(rule.years)} birthday` : `until ${span(rule.years, rule.months)} after the child’s date of birth`;
  }
  return 'as long as the records they refer to';
}

function ordinal(n: number): string {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
