/**
 * Diary text that reads like a safeguarding concern: a disclosure ("daddy hit me"), marks nobody has
 * explained, fear of going home. Used by the entry form to say so and point to the DSL (the diary is
 * shared with parents and other settings; a concern is recorded apart from it). A prompt, not a
 * judgement: it errs towards asking, and staff decide.
 */
const SIGNS: { re: RegExp; what: string }[] = [
  { re: /\bbruis(e|es|ed|ing)\b/i, what: 'a bruise' },
  { re: /\b(burn|burns|burnt|burned) marks?\b|\bcigarette burns?\b/i, what: 'a burn' },
  { re: /\b(unexplained|unusual|odd|strange) (marks?|injur(y|ies)|bruis\w*|burns?|cuts?)\b/i, what: 'an unexplained mark' },
  { re: /\bmarks? on (his|her|their|the child'?s?|[a-z]+'s) (arms?|legs?|back|neck|face|tummy|bottom|body|wrists?|ankles?)\b/i, what: 'marks on the body' },
  { re: /\bbite marks?\b|\bfinger ?(tip)? ?marks?\b|\bhand ?print\b|\bslap marks?\b/i, what: 'a mark' },
  { re: /\b(hit|hits|smacked|smacks|slapped|slaps|kicked|kicks|punched|punches|hurt|hurts|pinched|pinches|shook|shakes|locked) me\b/i, what: 'something done to the child' },
  {
    re: /\b(mummy|mum|mommy|daddy|dad|nanny|nan|nana|grandad|grandpa|granny|uncle|auntie|aunty|step-?dad|step-?mum|boyfriend|girlfriend) (hit|hits|smacked|smacks|slapped|slaps|kicked|kicks|punched|punches|hurt|hurts|pinched|shook|shakes|locked|burnt|burned)\b/i,
    what: 'something done to the child',
  },
  { re: /\b(touch(ed|es|ing)?|rub(bed|s)?) (my|his|her|their) (private|privates|willy|bottom|bum|fanny|minnie|front bottom)\b/i, what: 'being touched' },
  { re: /\bour secret\b|\bnot (allowed )?to tell\b|\bdon'?t tell (mummy|daddy|mum|dad|anyone|anybody|nobody)\b/i, what: 'a secret' },
  { re: /\b(scared|frightened|afraid|doesn'?t want|does not want|won'?t) (to )?(go(ing)? )?home\b/i, what: 'fear of going home' },
  { re: /\bdisclos(e|ed|ure)\b|\bsafeguarding\b|\bconcern(ed)? (about|for) (his|her|their) (safety|welfare)\b/i, what: 'a safeguarding concern' },
];

/** What in the text reads like a safeguarding concern, in a few words; null when nothing does. */
export function concernSign(text: string): string | null {
  const normalised = text.replace(/[’‘]/g, "'");
  return SIGNS.find((s) => s.re.test(normalised))?.what ?? null;
}
