import { TERM_LABELS, TERM_NAMES, type Term, type TermName } from '../contract/meetings';

/**
 * School terms, pure and shared by main and the renderer.
 *
 * The usual dates are the early years funding terms in England: autumn from 1 September, spring
 * from 1 January, summer from 1 April to 31 August. They meet end to end, so every day of the year
 * falls in a term, and a setting whose holidays differ changes the dates (the office's term
 * planner). A school year is named by the calendar year it starts in.
 */
export function defaultTerms(schoolYear: number): Term[] {
  const next = schoolYear + 1;
  const span: Record<TermName, [string, string]> = {
    autumn: [`${schoolYear}-09-01`, `${schoolYear}-12-31`],
    spring: [`${next}-01-01`, `${next}-03-31`],
    summer: [`${next}-04-01`, `${next}-08-31`],
  };
  return TERM_NAMES.map((name) => makeTerm(schoolYear, name, span[name][0], span[name][1], true));
}

export function makeTerm(schoolYear: number, name: TermName, startsOn: string, endsOn: string, isDefault: boolean): Term {
  // "Spring term 2027": the calendar year the term is in, as people say it.
  return { id: termId(schoolYear, name), name, schoolYear, label: `${TERM_LABELS[name]} term ${startsOn.slice(0, 4)}`, startsOn, endsOn, isDefault };
}

export function termId(schoolYear: number, name: TermName): string {
  return `${schoolYear}-${name}`;
}

export function parseTermId(id: string): { schoolYear: number; name: TermName } | null {
  const m = /^(\d{4})-(autumn|spring|summer)$/.exec(id);
  return m ? { schoolYear: Number(m[1]), name: m[2] as TermName } : null;
}

/** The school year a day belongs to by the usual dates: September starts a new one. */
export function schoolYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 9 ? year : year - 1;
}

/** The term (of the given ones) that contains `day`, or null in a holiday between the setting's terms. */
export function termContaining(terms: readonly Term[], day: string): Term | null {
  return terms.find((t) => t.startsOn <= day && day <= t.endsOn) ?? null;
}
