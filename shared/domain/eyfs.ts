// The seven areas of learning and development of the EYFS, and school terms: shared by the
// observations screens, the core's term query (a later termly meeting picks a term's observations)
// and the printed agreement.

export const EYFS_AREAS = [
  'communication-language',
  'physical',
  'personal-social-emotional',
  'literacy',
  'mathematics',
  'understanding-world',
  'expressive-arts',
] as const;
export type EyfsArea = (typeof EYFS_AREAS)[number];

export const EYFS_AREA_LABELS: Record<EyfsArea, string> = {
  'communication-language': 'Communication and language',
  physical: 'Physical development',
  'personal-social-emotional': 'Personal, social and emotional development',
  literacy: 'Literacy',
  mathematics: 'Mathematics',
  'understanding-world': 'Understanding the world',
  'expressive-arts': 'Expressive arts and design',
};

/** School terms as a setting plans them: autumn September to December, spring January to March, summer April to August. */
export const TERMS = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERMS)[number];
const TERM_LABELS: Record<TermName, string> = { autumn: 'Autumn', spring: 'Spring', summer: 'Summer' };

/** A term as `YYYY-autumn` / `YYYY-spring` / `YYYY-summer` (the calendar year it falls in). */
export const TERM_PATTERN = /^\d{4}-(autumn|spring|summer)$/;

export function termOf(day: string): string {
  const month = Number(day.slice(5, 7));
  const year = day.slice(0, 4);
  return `${year}-${month >= 9 ? 'autumn' : month >= 4 ? 'summer' : 'spring'}`;
}

/** The first and last day of a term, inclusive. */
export function termSpan(term: string): { from: string; to: string } {
  const [year, name] = term.split('-') as [string, TermName];
  if (name === 'autumn') return { from: `${year}-09-01`, to: `${year}-12-31` };
  if (name === 'spring') return { from: `${year}-01-01`, to: `${year}-03-31` };
  return { from: `${year}-04-01`, to: `${year}-08-31` };
}

/** "Autumn term 2026". */
export function termLabel(term: string): string {
  const [year, name] = term.split('-') as [string, TermName];
  return `${TERM_LABELS[name] ?? name} term ${year}`;
}
