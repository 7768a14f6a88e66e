import type { z } from 'zod';
import { fieldError } from '../../../shared/contract/fields';
import type { Term, TermName, termsSaveSchema } from '../../../shared/contract/meetings';
import { defaultTerms, makeTerm, parseTermId, schoolYearOf, termContaining } from '../../../shared/domain/terms';
import type { Db } from '../db/connection';
import { all, run } from '../db/sql';

/** A school year's terms: the setting's dates when saved, otherwise the usual ones. */
export function termsOfYear(db: Db, schoolYear: number): Term[] {
  const rows = all<{ name: TermName; starts_on: string; ends_on: string }>(db, 'SELECT name, starts_on, ends_on FROM terms WHERE school_year = $year', { year: schoolYear });
  if (rows.length === 0) return defaultTerms(schoolYear);
  const order = { autumn: 0, spring: 1, summer: 2 };
  return rows.sort((a, b) => order[a.name] - order[b.name]).map((r) => makeTerm(schoolYear, r.name, r.starts_on, r.ends_on, false));
}

export function requireTerm(db: Db, termId: string): Term {
  const parsed = parseTermId(termId);
  const term = parsed && termsOfYear(db, parsed.schoolYear).find((t) => t.name === parsed.name);
  if (!term) throw fieldError('termId', 'Choose a term.');
  return term;
}

/** The term a day is in; in a holiday between the setting's terms, the next term. */
export function termOf(db: Db, day: string): Term {
  const year = schoolYearOf(day);
  const around = [...termsOfYear(db, year - 1), ...termsOfYear(db, year), ...termsOfYear(db, year + 1)];
  return termContaining(around, day) ?? around.find((t) => t.startsOn > day) ?? around[around.length - 1];
}

/** The term a meeting on `day` belongs to (null in a holiday between the setting's terms). */
export function termOfMeeting(db: Db, day: string): Term | null {
  const year = schoolYearOf(day);
  return termContaining([...termsOfYear(db, year - 1), ...termsOfYear(db, year), ...termsOfYear(db, year + 1)], day);
}

export function saveTerms(db: Db, input: z.output<typeof termsSaveSchema>, userId: string, at: string): void {
  // Terms of neighbouring years must not overlap this year's.
  const before = termsOfYear(db, input.schoolYear - 1).find((t) => t.name === 'summer');
  const after = termsOfYear(db, input.schoolYear + 1).find((t) => t.name === 'autumn');
  input.terms.forEach((t, i) => {
    if (before && t.startsOn <= before.endsOn) throw fieldError(`terms.${i}.startsOn`, `This year’s terms must start after the summer term of ${input.schoolYear - 1} to ${input.schoolYear} ends.`);
    if (after && t.endsOn >= after.startsOn) throw fieldError(`terms.${i}.endsOn`, `This year’s terms must end before the autumn term of ${input.schoolYear + 1} starts.`);
  });
  run(db, 'DELETE FROM terms WHERE school_year = $year', { year: input.schoolYear });
  for (const t of input.terms) {
    run(db, 'INSERT INTO terms (school_year, name, starts_on, ends_on, updated_at, updated_by) VALUES ($year, $name, $starts, $ends, $at, $by)', {
      year: input.schoolYear,
      name: t.name,
      starts: t.startsOn,
      ends: t.endsOn,
      at,
      by: userId,
    });
  }
}
