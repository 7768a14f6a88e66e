import { describe, expect, it } from 'vitest';
import { assessCell, binomialTail, findPatterns, PATTERN_RULE, PATTERN_RULE_TEXT, type PatternDay } from '../../electron/core/diary/patterns';
import { DIARY_CATEGORIES, type DiaryCategory } from '../../shared/contract/diary';
import { addDays, weekdayIndex } from '../../shared/domain/weeks';
import { mulberry32 } from '../fixtures/prng';

/** What a usual day in a nursery diary looks like: the chance each category appears on a day. */
const USUAL: Record<DiaryCategory, number> = {
  arrival: 0.95,
  departure: 0.95,
  food: 0.9,
  sleep: 0.5,
  toileting: 0.8,
  health: 0.05,
  wellbeing: 0.12,
  learning: 0.6,
  accident: 0.05,
  message: 0.2,
  other: 0.05,
};

/** Weeks of Monday-to-Friday diary days from a seeded PRNG; `plant` can force a category on a day. */
function noiseDays(seed: number, weeks: number, probs: Record<DiaryCategory, number> = USUAL, plant?: (day: string, r: () => number) => DiaryCategory | null): PatternDay[] {
  const r = mulberry32(seed);
  const days: PatternDay[] = [];
  for (let i = 0; i < weeks * 7; i++) {
    const day = addDays('2026-09-07', i); // a Monday
    if (weekdayIndex(day) >= 5) continue;
    if (r() < 0.08) continue; // off sick or on holiday: no entries
    const counts: Partial<Record<DiaryCategory, number>> = {};
    for (const c of DIARY_CATEGORIES) if (r() < probs[c]) counts[c] = 1 + Math.floor(r() * 2);
    const planted = plant?.(day, r);
    if (planted) counts[planted] = (counts[planted] ?? 0) + 1;
    days.push({ day, counts });
  }
  return days;
}

describe('the pattern rule', () => {
  it('is stated in words that match the numbers used', () => {
    expect(PATTERN_RULE_TEXT).toContain(`at least ${PATTERN_RULE.minDays} of`);
    expect(PATTERN_RULE_TEXT).toContain('at least half of them');
    expect(PATTERN_RULE_TEXT).toContain('twice as often');
    expect(PATTERN_RULE_TEXT).toContain('1 time in 10,000');
    expect(PATTERN_RULE_TEXT).toContain(`${PATTERN_RULE.minEntries} entries on ${PATTERN_RULE.minDiaryDays} different days`);
  });

  it('computes binomial tails', () => {
    expect(binomialTail(8, 0, 0.3)).toBe(1);
    expect(binomialTail(8, 9, 0.3)).toBe(0);
    expect(binomialTail(1, 1, 0.3)).toBeCloseTo(0.3, 10);
    expect(binomialTail(2, 1, 0.5)).toBeCloseTo(0.75, 10);
    expect(binomialTail(7, 6, 0.1)).toBeCloseTo(7 * 0.1 ** 6 * 0.9 + 0.1 ** 7, 12);
  });

  it('applies each of its conditions', () => {
    // 6 of 7 Mondays against 3 of 28 other days: well above the child's usual rate.
    expect(assessCell(6, 7, 3, 28).highlighted).toBe(true);
    // Too few days, however striking the share.
    expect(assessCell(3, 3, 0, 30).highlighted).toBe(false);
    // Less than half of that weekday's days.
    expect(assessCell(4, 9, 0, 36).highlighted).toBe(false);
    // Common every day: not twice the usual rate.
    expect(assessCell(8, 8, 28, 32).highlighted).toBe(false);
    // Twice the usual rate and more than half, but could well be chance.
    expect(assessCell(4, 6, 6, 24).highlighted).toBe(false);
  });

  it('finds a planted Monday pattern and explains it in a sentence with what came before', () => {
    // Upset on arrival (wellbeing) on 6 of 8 Mondays; on other days at the usual rate.
    let mondays = 0;
    const days = noiseDays(7, 8, { ...USUAL, wellbeing: 0.1 }, (day) => {
      if (weekdayIndex(day) !== 0) return null;
      mondays++;
      return mondays <= 6 ? 'wellbeing' : null;
    });
    const dayBefore = (day: string) => (weekdayIndex(day) === 0 ? 'a weekend at their dad’s home' : null);
    const result = findPatterns(days, dayBefore);
    expect(result.notEnoughData).toBeNull();
    const monday = result.findings.find((f) => f.weekday === 0 && f.category === 'wellbeing');
    expect(monday).toBeDefined();
    expect(monday!.sentence).toMatch(/^Wellbeing and mood notes on \d of the last \d Mondays with diary entries, against \d+ of \d+ other diary days \(\d+%\); each of those Mondays followed a weekend at their dad’s home\.$/);
    expect(result.cells.find((c) => c.weekday === 0 && c.category === 'wellbeing')!.highlighted).toBe(true);
    // Nothing else is claimed.
    expect(result.findings).toHaveLength(1);
  });

  it('finds "days after the childminder" when the context says so', () => {
    const days = noiseDays(11, 10, { ...USUAL, sleep: 0.1 }, (day) => (weekdayIndex(day) === 3 ? 'sleep' : null));
    const result = findPatterns(days, (day) => (weekdayIndex(day) === 3 ? 'a day at Sunshine Childminding' : null));
    const thursday = result.findings.find((f) => f.weekday === 3);
    expect(thursday?.category).toBe('sleep');
    expect(thursday?.sentence).toContain('Thursdays followed a day at Sunshine Childminding');
  });

  it('finds nothing in seeded random noise at the usual rates', () => {
    for (let seed = 1; seed <= 40; seed++) {
      expect(findPatterns(noiseDays(seed, 8)).findings, `seed ${seed}`).toEqual([]);
    }
  });

  it('claims something in fewer than 1 in 100 noise diaries, with varied rates over short and long spans', () => {
    // The rule allows about 1 in 10,000 per cell by chance; a child's grid has up to 77 cells.
    let claimed = 0;
    let runs = 0;
    for (let seed = 100; seed < 500; seed++) {
      const r = mulberry32(seed);
      const probs = Object.fromEntries(DIARY_CATEGORIES.map((c) => [c, r() ** 2])) as Record<DiaryCategory, number>;
      for (const weeks of [4, 8, 26]) {
        runs++;
        if (findPatterns(noiseDays(seed * 7 + weeks, weeks, probs)).findings.length) claimed++;
      }
    }
    expect(claimed / runs).toBeLessThan(0.01);
  });

  it('claims no pattern from too few entries', () => {
    // Every Monday for three weeks: striking, but only 15 diary days in all.
    const days = noiseDays(3, 3, { ...USUAL, accident: 0 }, (day) => (weekdayIndex(day) === 0 ? 'accident' : null)).slice(0, 7);
    const result = findPatterns(days);
    expect(result.findings).toEqual([]);
    expect(result.notEnoughData).toMatch(/^Too few entries to look for patterns yet: \d+ entries on 7 days\./);
    expect(result.cells.every((c) => !c.highlighted)).toBe(true);
  });

  it('counts entries and days by weekday and category', () => {
    const result = findPatterns([
      { day: '2026-11-23', counts: { food: 3, sleep: 1 } },
      { day: '2026-11-30', counts: { food: 1 } },
      { day: '2026-11-24', counts: {} },
    ]);
    expect(result.diaryDays).toEqual([2, 0, 0, 0, 0, 0, 0]);
    expect(result.totalEntries).toBe(5);
    expect(result.cells.find((c) => c.weekday === 0 && c.category === 'food')).toMatchObject({ entries: 4, days: 2 });
    expect(result.cells).toHaveLength(7 * DIARY_CATEGORIES.length);
  });
});
