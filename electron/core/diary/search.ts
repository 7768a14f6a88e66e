/**
 * Full-text search over diary entries (FTS5). What a person types is never passed to MATCH as
 * syntax: it is split into words (and "quoted phrases"), each quoted for FTS5, the last word
 * matched as a prefix so "temp" finds "temperature", all required (AND).
 */

/** Marks around matched words in a snippet; control characters nobody types into a diary. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

const MAX_TERMS = 12;

/** The FTS5 query for what was typed, or null when there is nothing to search for. */
export function buildFtsQuery(typed: string): string | null {
  const terms: string[] = [];
  const phraseRe = /"([^"]*)"/g;
  let rest = typed;
  for (const m of typed.matchAll(phraseRe)) {
    const words = wordsOf(m[1]);
    if (words.length) terms.push(`"${words.join(' ')}"`);
    rest = rest.replace(m[0], ' ');
  }
  const words = wordsOf(rest);
  words.forEach((w, i) => terms.push(i === words.length - 1 ? `"${w}"*` : `"${w}"`));
  if (terms.length === 0) return null;
  return terms.slice(0, MAX_TERMS).join(' AND ');
}

/** Letters and digits only (the tokenizer's idea of a word); quotes and operators cannot get through. */
function wordsOf(text: string): string[] {
  return (text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.toLowerCase());
}

/** A snippet with hit marks -> parts for the renderer to show with the hits highlighted. */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let hit = false;
  let buf = '';
  for (const ch of snippet) {
    if (ch === HIT_START || ch === HIT_END) {
      if (buf) parts.push({ text: buf, hit });
      buf = '';
      hit = ch === HIT_START;
    } else {
      buf += ch;
    }
  }
  if (buf) parts.push({ text: buf, hit });
  return parts;
}
