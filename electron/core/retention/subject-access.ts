import type { Session } from '../../../shared/contract/auth';
import type { ExportSection, ReviewItem, Segment } from '../../../shared/contract/retention';
import { TwoWayError } from '../../../shared/contract/errors';
import type { Db } from '../db/connection';
import { all } from '../db/sql';
import type { RawEntry, RawSection, RecordTypeDef } from './registry';

// A subject access export: every record type's sections for one child, the mentions of other
// people found in them (other children by name, staff where the setting's policy says so, other
// agencies' information), and the export with the review's decisions applied. Redacted words are
// left out here, in the core, so they never reach the window, let alone the PDF.

export function gatherSections(types: RecordTypeDef[], db: Db, childId: string, viewer: Session): RawSection[] {
  return types.flatMap((t) => t.subjectAccess?.(db, childId, viewer) ?? []);
}

interface Person {
  /** `child:<id>` or `staff:<id>`. */
  ref: string;
  kind: 'other-child' | 'staff';
  who: string;
  pattern: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words only: "Ava" is not found in "Avalon". */
const wordsPattern = (names: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/** The people an entry may name who are not the child: other children of the setting, and staff when reviewed. */
function peopleToFind(db: Db, childId: string, staffNames: 'release' | 'review'): Person[] {
  const children = all<{ id: string; legal_name: string; preferred_name: string | null }>(db, 'SELECT id, legal_name, preferred_name FROM children');
  const variants = (c: { legal_name: string; preferred_name: string | null }) =>
    [c.legal_name, c.preferred_name, c.legal_name.split(/\s+/)[0], c.preferred_name?.split(/\s+/)[0]].filter((v): v is string => !!v && v.length > 1);
  const subject = children.find((c) => c.id === childId);
  // A name the child shares with another child (two Olivers) is the child's own in their record.
  const own = new Set(subject ? variants(subject) : []);
  const people: Person[] = children
    .filter((c) => c.id !== childId)
    .map((c) => ({ c, names: [...new Set(variants(c))].filter((v) => !own.has(v)) }))
    .filter(({ names }) => names.length > 0)
    .map(({ c, names }) => ({ ref: `child:${c.id}`, kind: 'other-child' as const, who: c.legal_name, pattern: wordsPattern(names) }));
  if (staffNames === 'review') {
    for (const u of all<{ id: string; full_name: string }>(db, 'SELECT id, full_name FROM users')) {
      people.push({ ref: `staff:${u.id}`, kind: 'staff', who: u.full_name, pattern: wordsPattern([u.full_name]) });
    }
  }
  return people;
}

function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 50);
  const end = Math.min(text.length, index + length + 50);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

interface Found {
  item: ReviewItem;
  person?: Person;
}

function findInEntry(section: RawSection, entry: RawEntry, people: Person[]): Found[] {
  const where = `${section.title}: ${entry.heading}`;
  const found: Found[] = [];
  if (entry.thirdParty) {
    const text = entry.fields.map((f) => `${f.label}: ${f.text}`).join(' · ');
    found.push({ item: { key: `${entry.key}|third-party`, kind: 'third-party', section: section.title, where, who: entry.thirdParty, excerpt: excerptAround(text, 0, 0) } });
  }
  for (const person of people) {
    for (const f of [{ label: '', text: entry.heading }, ...entry.fields]) {
      person.pattern.lastIndex = 0;
      const m = person.pattern.exec(f.text);
      if (!m) continue;
      found.push({ person, item: { key: `${entry.key}|${person.ref}`, kind: person.kind, section: section.title, where, who: person.who, excerpt: excerptAround(f.text, m.index, m[0].length) } });
      break;
    }
  }
  return found;
}

/** What the reviewer decides about, in the order of the export. */
export function reviewItems(db: Db, childId: string, sections: RawSection[], staffNames: 'release' | 'review'): ReviewItem[] {
  const people = peopleToFind(db, childId, staffNames);
  return sections.flatMap((s) => s.entries.flatMap((e) => findInEntry(s, e, people).map((f) => f.item)));
}

export type Decisions = Map<string, 'released' | 'redacted' | 'withheld'>;

/** Splits text at every match of the patterns; the matched words become a blacked-out segment. */
function redact(text: string, patterns: RegExp[]): Segment[] {
  if (!patterns.length) return [{ text }];
  const combined = new RegExp(patterns.map((p) => p.source).join('|'), 'gu');
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(combined)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ redacted: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/**
 * The export as released: a withheld entry keeps only its place ("withheld"), a redacted third-party
 * entry keeps its labels with every value blacked out, a redacted name is cut out of every field.
 * Anything found that the review did not decide refuses the export: the record changed since.
 */
export function applyReview(db: Db, childId: string, sections: RawSection[], staffNames: 'release' | 'review', decisions: Decisions): ExportSection[] {
  const people = peopleToFind(db, childId, staffNames);
  return sections.map((section) => ({
    id: section.id,
    title: section.title,
    entries: section.entries.map((entry) => {
      const found = findInEntry(section, entry, people);
      const outcomes = found.map((f) => {
        const outcome = decisions.get(f.item.key);
        if (!outcome) {
          throw new TwoWayError('conflict', 'The child’s record has changed since it was reviewed, so there is something new to review. Review it again before releasing it.');
        }
        return { f, outcome };
      });
      if (outcomes.some((o) => o.outcome === 'withheld')) return { heading: entry.heading, withheld: true, fields: [] };
      const redacted = outcomes.filter((o) => o.outcome === 'redacted');
      const whole = redacted.some((o) => o.f.item.kind === 'third-party');
      const patterns = redacted.flatMap((o) => (o.f.person ? [o.f.person.pattern] : []));
      return {
        heading: redact(entry.heading, patterns).map((s) => ('text' in s ? s.text : '█████')).join(''),
        withheld: false,
        fields: entry.fields.map((f) => ({ label: f.label, value: whole ? [{ redacted: true as const }] : redact(f.text, patterns) })),
      };
    }),
  }));
}
