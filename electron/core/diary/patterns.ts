/**
 * Patterns in a child's diary (seed 000: the week-view diary "can help you recognise patterns in
 * occurrences"). Pure: no database, no clock; the handler gathers the days and the context.
 *
 * The unit is a diary day (a day with at least one entry for the child, from anyone): a category
 * "happens" on a day when it has at least one entry that day. For each weekday x category cell we
 * compare the share of that weekday's diary days with the category against the child's own rate on
 * their other days, and highlight it only when all four conditions of PATTERN_RULE hold.
 */
import { DIARY_CATEGORIES, DIARY_CATEGORY_LABELS, type DiaryCategory } from '../../../shared/contract/diary';
import { WEEKDAY_NAMES, weekdayIndex } from '../../../shared/domain/weeks';

export const PATTERN_RULE = {
  /** The category was noted on at least this many days of that weekday… */
  minDays: 4,
  /** …on at least this share of that weekday's diary days… */
  minShare: 0.5,
  /** …at least this many times the child's rate on their other days… */
  minRatio: 2,
  /** …and so often that the child's usual rate would give it by chance less than this often. */
  maxChance: 0.0001,
  /** Below this there is too little to say anything. */
  minEntries: 20,
  minDiaryDays: 8,
} as const;

/** The rule in plain words, shown on screen beside the grid. */
export const PATTERN_RULE_TEXT =
  `A weekday is highlighted for a category when, over the span, the category was noted on at least ${PATTERN_RULE.minDays} of ` +
  `that weekday’s diary days, on at least half of them, at least ${PATTERN_RULE.minRatio === 2 ? 'twice' : `${PATTERN_RULE.minRatio} times`} as often as on the child’s other ` +
  `days, and so often that the child’s usual rate would give it by chance less than 1 time in ${(1 / PATTERN_RULE.maxChance).toLocaleString('en-GB')}. ` +
  `A diary day is a day with at least one entry from anyone. Nothing is highlighted until there are at least ` +
  `${PATTERN_RULE.minEntries} entries on ${PATTERN_RULE.minDiaryDays} different days.`;

export interface PatternDay {
  day: string;
  /** Entries that day, by category. */
  counts: Partial<Record<DiaryCategory, number>>;
}

export interface PatternCell {
  weekday: number;
  category: DiaryCategory;
  entries: number;
  days: number;
  highlighted: boolean;
}

export interface PatternFinding {
  weekday: number;
  category: DiaryCategory;
  days: number;
  diaryDays: number;
  otherDaysPercent: number;
  sentence: string;
}

export interface PatternResult {
  diaryDays: number[];
  totalEntries: number;
  cells: PatternCell[];
  findings: PatternFinding[];
  notEnoughData: string | null;
}

/**
 * `dayBefore(day)` describes where the child was the day before `day` as a phrase that follows
 * "followed", e.g. "a day at Sunshine Childminding" or "a weekend with their dad"; null when there
 * is nothing to say. It is only mentioned when it is the same on most of the highlighted days.
 */
export function findPatterns(days: readonly PatternDay[], dayBefore: (day: string) => string | null = () => null): PatternResult {
  const diaryDays = [0, 0, 0, 0, 0, 0, 0];
  const entries = new Map<string, number>();
  const daysWith = new Map<string, string[]>();
  const key = (w: number, c: DiaryCategory) => `${w}:${c}`;
  let totalEntries = 0;

  for (const d of days) {
    const total = DIARY_CATEGORIES.reduce((sum, c) => sum + (d.counts[c] ?? 0), 0);
    if (total === 0) continue;
    const w = weekdayIndex(d.day);
    diaryDays[w]++;
    totalEntries += total;
    for (const c of DIARY_CATEGORIES) {
      const n = d.counts[c] ?? 0;
      if (n <= 0) continue;
      entries.set(key(w, c), (entries.get(key(w, c)) ?? 0) + n);
      const list = daysWith.get(key(w, c)) ?? [];
      list.push(d.day);
      daysWith.set(key(w, c), list);
    }
  }

  const allDiaryDays = diaryDays.reduce((a, b) => a + b, 0);
  const enough = totalEntries >= PATTERN_RULE.minEntries && allDiaryDays >= PATTERN_RULE.minDiaryDays;
  const cells: PatternCell[] = [];
  const findings: PatternFinding[] = [];

  for (let w = 0; w < 7; w++) {
    for (const c of DIARY_CATEGORIES) {
      const withC = daysWith.get(key(w, c)) ?? [];
      const cell: PatternCell = { weekday: w, category: c, entries: entries.get(key(w, c)) ?? 0, days: withC.length, highlighted: false };
      cells.push(cell);
      if (!enough) continue;
      const n = diaryDays[w];
      const d = withC.length;
      const nOther = allDiaryDays - n;
      const dOther = sumOtherDays(daysWith, w, c);
      const test = assessCell(d, n, dOther, nOther);
      if (!test.highlighted) continue;
      cell.highlighted = true;
      findings.push({
        weekday: w,
        category: c,
        days: d,
        diaryDays: n,
        otherDaysPercent: Math.round((dOther / Math.max(1, nOther)) * 100),
        sentence: sentenceFor(w, c, d, n, dOther, nOther, withC, dayBefore),
      });
    }
  }

  findings.sort((a, b) => b.days / b.diaryDays - a.days / a.diaryDays || a.weekday - b.weekday);
  return {
    diaryDays,
    totalEntries,
    cells,
    findings,
    notEnoughData: enough
      ? null
      : `Too few entries to look for patterns yet: ${totalEntries} ${totalEntries === 1 ? 'entry' : 'entries'} on ${allDiaryDays} ${allDiaryDays === 1 ? 'day' : 'days'}. ` +
        `Patterns are looked for from ${PATTERN_RULE.minEntries} entries on ${PATTERN_RULE.minDiaryDays} different days.`,
  };
}

function sumOtherDays(daysWith: Map<string, string[]>, weekday: number, category: DiaryCategory): number {
  let n = 0;
  for (let w = 0; w < 7; w++) if (w !== weekday) n += daysWith.get(`${w}:${category}`)?.length ?? 0;
  return n;
}

/**
 * The four conditions for one cell: `d` of `n` diary days on this weekday have the category;
 * `dOther` of `nOther` diary days on the other weekdays do. The child's usual rate is smoothed
 * ((dOther + 1) / (nOther + 2)) so that a few days of data cannot make it zero.
 */
export function assessCell(d: number, n: number, dOther: number, nOther: number): { highlighted: boolean; usualRate: number; chance: number } {
  const usualRate = (dOther + 1) / (nOther + 2);
  const chance = binomialTail(n, d, usualRate);
  const highlighted =
    n > 0 &&
    d >= PATTERN_RULE.minDays &&
    d / n >= PATTERN_RULE.minShare &&
    d / n >= PATTERN_RULE.minRatio * usualRate &&
    chance < PATTERN_RULE.maxChance;
  return { highlighted, usualRate, chance };
}

/** P(X >= k) for X ~ Binomial(n, p). */
export function binomialTail(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let total = 0;
  for (let i = k; i <= n; i++) total += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log(1 - p));
  return Math.min(1, total);
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

const LOWER_LABELS: Record<DiaryCategory, string> = {
  arrival: 'Arrival and handover notes',
  departure: 'Departure and transfer notes',
  food: 'Food and drink notes',
  sleep: 'Sleep notes',
  toileting: 'Toileting and nappy notes',
  health: 'Health and medication notes',
  wellbeing: 'Wellbeing and mood notes',
  learning: 'Learning and activity notes',
  accident: 'Accidents or incidents',
  message: 'Messages or requests',
  other: DIARY_CATEGORY_LABELS.other + ' notes',
};

function sentenceFor(
  w: number,
  c: DiaryCategory,
  d: number,
  n: number,
  dOther: number,
  nOther: number,
  flaggedDays: string[],
  dayBefore: (day: string) => string | null,
): string {
  const weekday = WEEKDAY_NAMES[w];
  const other = nOther === 0 ? 'no other days to compare with' : `${dOther} of ${nOther} other diary days (${Math.round((dOther / nOther) * 100)}%)`;
  let sentence = `${LOWER_LABELS[c]} on ${d} of the last ${n} ${weekday}s with diary entries, against ${other}`;
  const contexts = new Map<string, number>();
  for (const day of flaggedDays) {
    const ctx = dayBefore(day);
    if (ctx) contexts.set(ctx, (contexts.get(ctx) ?? 0) + 1);
  }
  const [top] = [...contexts.entries()].sort((a, b) => b[1] - a[1]);
  if (top && top[1] >= Math.max(3, Math.ceil((2 * d) / 3))) {
    sentence += top[1] === d ? `; each of those ${weekday}s followed ${top[0]}` : `; ${top[1]} of those ${d} ${weekday}s followed ${top[0]}`;
  }
  return `${sentence}.`;
}
