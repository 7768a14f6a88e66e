/**
 * Names as a search compares them: accents, case, apostrophes, hyphens and spaces ignored, so
 * "zoe" finds "Zoë", "obrien" and "o’brien" find "O'Brien", and "ann marie" finds "Ann-Marie".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether what was typed appears in any of the names (an empty search matches everything). */
export function nameMatches(typed: string, ...names: (string | null | undefined)[]): boolean {
  const needle = foldForSearch(typed);
  if (!needle) return true;
  return names.some((n) => !!n && foldForSearch(n).includes(needle));
}

/** A child as staff name them: "Millie (Amelia Jones)", or the legal name alone when there is no other. */
export function childDisplayName(c: { legalName: string; preferredName: string | null }): string {
  return c.preferredName && c.preferredName !== c.legalName ? `${c.preferredName} (${c.legalName})` : c.legalName;
}
