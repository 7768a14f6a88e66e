import { z } from 'zod';
import { channel, daySchema, idSchema, okOutput, text, type Role } from './define';
import { optionalText } from './fields';
import { sharingDecisionSchema } from './sharing';

// The safeguarding concern recorder (seeds 000 and 001: record concerns and discuss them with the
// designated person; record decisions and the reasons; staff from other agencies are never left
// unsupervised, 001 1.6). Anyone records; only the safeguarding team reads; nothing is edited.

/** Who reads concerns, triages them and keeps the chronology: the DSL and the manager. */
export const SAFEGUARDING_TEAM: readonly Role[] = ['dsl', 'manager'];
/** An allegation about a member of staff goes to the manager only (and never to the person named). */
export const ALLEGATION_READERS: readonly Role[] = ['manager'];

export const CONCERN_CATEGORIES = [
  'physical',
  'emotional',
  'sexual',
  'neglect',
  'domestic-abuse',
  'online',
  'fgm',
  'radicalisation',
  'child-on-child',
  'allegation-staff',
  'other',
] as const;
export const concernCategorySchema = z.enum(CONCERN_CATEGORIES, { error: 'Choose what kind of concern it is.' });
export type ConcernCategory = z.infer<typeof concernCategorySchema>;
export const CONCERN_CATEGORY_LABELS: Record<ConcernCategory, string> = {
  physical: 'Physical abuse',
  emotional: 'Emotional abuse',
  sexual: 'Sexual abuse',
  neglect: 'Neglect',
  'domestic-abuse': 'Domestic abuse',
  online: 'Online safety',
  fgm: 'Female genital mutilation (FGM)',
  radicalisation: 'Radicalisation (Prevent)',
  'child-on-child': 'Child on child',
  'allegation-staff': 'Allegation about a member of staff',
  other: 'Other',
};

export const CONCERN_URGENCIES = ['routine', 'today', 'now'] as const;
export const concernUrgencySchema = z.enum(CONCERN_URGENCIES, { error: 'Say how urgent you think it is.' });
export type ConcernUrgency = z.infer<typeof concernUrgencySchema>;
export const CONCERN_URGENCY_LABELS: Record<ConcernUrgency, string> = {
  routine: 'The DSL should look at it soon',
  today: 'The DSL should act today',
  now: 'Urgent: the child may be at risk now',
};

export const BODY_MARK_TYPES = ['bruise', 'burn', 'cut-scratch', 'bite', 'other'] as const;
export const bodyMarkTypeSchema = z.enum(BODY_MARK_TYPES, { error: 'Choose what kind of mark it is.' });
export const BODY_MARK_TYPE_LABELS: Record<(typeof BODY_MARK_TYPES)[number], string> = {
  bruise: 'Bruise',
  burn: 'Burn',
  'cut-scratch': 'Cut or scratch',
  bite: 'Bite',
  other: 'Other mark',
};

/** A mark on the body map: which outline, where on it (0..1 of its width and height), and what it looks like. */
export const bodyMarkInputSchema = z.object({
  side: z.enum(['front', 'back'], { error: 'Say whether the mark is on the front or the back.' }),
  x: z.number({ error: 'Place the mark on the body map.' }).min(0).max(1),
  y: z.number({ error: 'Place the mark on the body map.' }).min(0).max(1),
  type: bodyMarkTypeSchema,
  size: optionalText('Size', 60),
  colour: optionalText('Colour', 60),
  description: optionalText('Description of the mark', 500),
});
export const bodyMarkSchema = bodyMarkInputSchema.extend({
  number: z.number().int(),
  size: z.string().nullable(),
  colour: z.string().nullable(),
  description: z.string().nullable(),
});
export type BodyMark = z.infer<typeof bodyMarkSchema>;

/** How long after what was seen or heard a record counts as a late entry (and needs a reason). */
export const LATE_ENTRY_HOURS = 24;

const WHEN = 'Give the date and time it was seen or heard.';

/**
 * Other children involved in a concern (issue 18): a child-on-child incident, siblings. A sibling is
 * of the same family, so a printed chronology may name them; any other child appears there only as
 * "another child".
 */
export const LINKED_CHILD_RELATIONS = ['involved', 'sibling'] as const;
export const LINKED_CHILD_RELATION_LABELS: Record<(typeof LINKED_CHILD_RELATIONS)[number], string> = {
  involved: 'Another child involved',
  sibling: 'A brother or sister (same family)',
};
export const linkedChildInputSchema = z.object({
  childId: idSchema,
  relation: z.enum(LINKED_CHILD_RELATIONS, { error: 'Say how the child is involved.' }).default('involved'),
});
export const linkedChildSchema = z.object({
  childId: z.string(),
  name: z.string(),
  relation: z.enum(LINKED_CHILD_RELATIONS),
  linkedByName: z.string(),
  at: z.string(),
});
/** Another child named on a chronology's event: null name where the reader may not be told who. */
export const otherChildSchema = z.object({
  childId: z.string().nullable(),
  name: z.string().nullable(),
  sameFamily: z.boolean(),
  /** The concern is recorded on this child's file (seen from a child named in it). */
  concernChild: z.boolean(),
});
export type OtherChild = z.infer<typeof otherChildSchema>;
/** How a printed chronology names a child of another family. */
export const ANOTHER_CHILD = 'another child';

/** "Ben Ahmed, another child": the other children of an event; `printed` names only the same family. */
export function describeOthers(others: readonly OtherChild[], printed = false): string {
  return others.map((o) => (o.name && (!printed || o.sameFamily) ? o.name : ANOTHER_CHILD)).join(', ');
}

/**
 * What was written about a concern can name the other children in free text ("Ben pushed Millie").
 * For paper and for the version for another setting, each name (whole, and each word of it) of a child
 * of another family is replaced with "another child". Common words that are also names are replaced
 * too: on paper, leaving a name in is the worse mistake.
 */
export function withoutNames(text: string, names: readonly string[]): string {
  const words = (name: string) => name.match(/[\p{L}'’-]{2,}/gu) ?? [];
  const phrases = new Set<string>();
  for (const name of names) {
    const w = words(name);
    for (let i = 0; i < w.length; i++) for (let j = i + 1; j <= w.length; j++) phrases.add(w.slice(i, j).join(' '));
  }
  if (phrases.size === 0) return text;
  const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(escape);
  return text.replace(new RegExp(`(?<![\\p{L}])(?:${alternatives.join('|')})(?![\\p{L}])`, 'giu'), ANOTHER_CHILD);
}

/** The names of another family's children on an event, to leave out of what is printed. */
export const otherFamilyNames = (others: readonly OtherChild[] | undefined) => (others ?? []).filter((o) => !o.sameFamily && o.name).map((o) => o.name!);

/** Seen from a child named in it, a concern on the file of a child of another family (printed without its detail). */
export const onAnotherFamilysFile = (others: readonly OtherChild[] | undefined) => Boolean(others?.some((o) => o.concernChild && !o.sameFamily));
export const NAMED_ELSEWHERE = 'This child was named as involved in a concern recorded on another child’s file.';

export const concernRecordSchema = z.object({
  childId: idSchema,
  observedAt: z.string({ error: WHEN }).datetime({ error: WHEN }),
  category: concernCategorySchema,
  urgency: concernUrgencySchema.default('routine'),
  description: text('What was seen or heard', 10_000),
  childsWords: optionalText('The child’s own words', 5_000),
  whereSeen: optionalText('Where it happened', 200),
  noticedBy: optionalText('Who noticed it', 200),
  actionTaken: optionalText('What was done at the time', 5_000),
  toldWho: optionalText('Who was told', 500),
  bodyMarks: z.array(bodyMarkInputSchema).max(40, 'Up to 40 marks can be placed on one body map.').default([]),
  lateEntryReason: optionalText('Why it is recorded late', 1_000),
  /** For an allegation about a member of staff: who it is about (they never see it). */
  aboutUserId: idSchema.optional(),
  /** Started from a diary entry (an accident, something a parent said). */
  diaryEntryId: idSchema.optional(),
  /** Other children involved (issue 18). */
  otherChildren: z.array(linkedChildInputSchema).max(20, 'Up to 20 other children can be named on one concern.').default([]),
});

export const concernReceiptSchema = z.object({
  id: z.string(),
  reference: z.string(),
  recordedAt: z.string(),
  childName: z.string(),
  category: concernCategorySchema,
  lateEntry: z.boolean(),
});

export const REVIEW_DECISIONS = ['monitor', 'talk-to-parents', 'early-help', 'refer-social-care', 'police', 'lado', 'no-further-action'] as const;
export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS, { error: 'Choose what you decided.' });
export const REVIEW_DECISION_LABELS: Record<(typeof REVIEW_DECISIONS)[number], string> = {
  monitor: 'Monitor',
  'talk-to-parents': 'Talk to the parents',
  'early-help': 'Early help',
  'refer-social-care': 'Refer to children’s social care',
  police: 'Tell the police',
  lado: 'Refer to the LADO (allegation about staff)',
  'no-further-action': 'No further action',
};

const actionInputSchema = z.object({
  text: text('What is to be done', 1_000),
  ownerUserId: idSchema.optional(),
  ownerName: optionalText('Who will do it', 120),
  dueOn: daySchema,
});

export const concernActionSchema = z.object({
  id: z.string(),
  concernId: z.string(),
  text: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string(),
  dueOn: z.string(),
  status: z.enum(['open', 'done', 'cancelled']),
  closedNote: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const concernReviewSchema = z.object({
  id: z.string(),
  decision: reviewDecisionSchema,
  reasons: z.string(),
  reviewedByName: z.string(),
  at: z.string(),
});

export const concernReferralSchema = z.object({
  id: z.string(),
  agency: z.string(),
  partnerId: z.string().nullable(),
  referredOn: z.string(),
  theirReference: z.string().nullable(),
  outcome: z.string().nullable(),
  followUpOn: z.string().nullable(),
  byName: z.string(),
  at: z.string(),
  /** Later news of the referral (their reference, the outcome), oldest first; the fields above are the latest. */
  updates: z.array(z.object({ theirReference: z.string().nullable(), outcome: z.string().nullable(), followUpOn: z.string().nullable(), byName: z.string(), at: z.string() })),
});

export const addendumSchema = z.object({ text: z.string(), reason: z.string(), byName: z.string(), at: z.string() });

export const concernSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  childId: z.string(),
  childName: z.string(),
  category: concernCategorySchema,
  urgency: concernUrgencySchema,
  observedAt: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  lateEntry: z.boolean(),
  /** Nobody on the safeguarding team has opened it yet. */
  unread: z.boolean(),
  /** The latest review's decision, or null while it waits for one. */
  decision: reviewDecisionSchema.nullable(),
  openActions: z.number().int(),
});

export const concernSchema = concernSummarySchema.extend({
  description: z.string(),
  childsWords: z.string().nullable(),
  whereSeen: z.string().nullable(),
  noticedBy: z.string().nullable(),
  actionTaken: z.string().nullable(),
  toldWho: z.string().nullable(),
  lateEntryReason: z.string().nullable(),
  aboutName: z.string().nullable(),
  diaryEntryId: z.string().nullable(),
  bodyMarks: z.array(bodyMarkSchema),
  addenda: z.array(addendumSchema),
  reviews: z.array(concernReviewSchema),
  actions: z.array(concernActionSchema),
  referrals: z.array(concernReferralSchema),
  /** What was agreed with each partner setting the child attends about telling each other of concerns. */
  partnerArrangements: z.array(z.object({ partnerId: z.string(), partnerName: z.string(), whom: z.string(), how: z.string(), howFast: z.string() })),
  /** The information-sharing decisions that included this concern as an item, oldest first (issue 12). */
  sharingDecisions: z.array(z.object({ id: z.string(), recipientName: z.string(), decision: sharingDecisionSchema, decidedAt: z.string() })),
  /** Other children involved, named when recorded or linked later (issue 18). */
  otherChildren: z.array(linkedChildSchema),
});
export type Concern = z.infer<typeof concernSchema>;

export const CHRONOLOGY_KINDS = ['concern', 'addendum', 'review', 'action', 'referral', 'sharing', 'diary', 'visit', 'transfer'] as const;
export const chronologyKindSchema = z.enum(CHRONOLOGY_KINDS);
export const CHRONOLOGY_KIND_LABELS: Record<(typeof CHRONOLOGY_KINDS)[number], string> = {
  concern: 'Concern',
  addendum: 'Addendum',
  review: 'Review',
  action: 'Action',
  referral: 'Referral',
  sharing: 'Sharing decision',
  diary: 'Diary entry',
  visit: 'Visiting professional',
  transfer: 'File transferred',
};

export const chronologyEventSchema = z.object({
  at: z.string(),
  kind: chronologyKindSchema,
  title: z.string(),
  detail: z.string(),
  /** Who wrote it; the external version leaves it out. */
  byName: z.string().nullable(),
  concernId: z.string().nullable(),
  reference: z.string().nullable(),
  /** For a concern: the other children involved (issue 18); a child of another family has no name in the external version. */
  otherChildren: z.array(otherChildSchema).optional(),
});
export type ChronologyEvent = z.infer<typeof chronologyEventSchema>;

export const visitSchema = z.object({
  id: z.string(),
  childId: z.string().nullable(),
  childName: z.string().nullable(),
  visitorName: z.string(),
  agency: z.string(),
  visitOn: z.string(),
  arrivedAt: z.string(),
  leftAt: z.string().nullable(),
  purpose: z.string(),
  supervisedByName: z.string(),
  recordedByName: z.string(),
});

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time like 09:30.');

export const concernsChannels = {
  'concerns.record': channel({
    summary: 'Records a safeguarding concern about a child; the DSL is alerted.',
    access: 'any-user',
    kind: 'write',
    input: concernRecordSchema,
    output: z.object({ id: z.string(), reference: z.string() }),
  }),
  'concerns.staff': channel({
    summary: 'Lists the active members of staff (for naming who supervised a visitor, who will do an action, or whom an allegation is about).',
    access: 'any-user',
    kind: 'read',
    input: z.object({}).strict().optional(),
    output: z.object({ staff: z.array(z.object({ userId: z.string(), name: z.string() })) }),
  }),
  'concerns.mine': channel({
    summary: 'Lists the concerns you recorded (their references).',
    access: 'any-user',
    kind: 'read',
    input: z.object({}).strict().optional(),
    output: z.object({ concerns: z.array(concernReceiptSchema) }),
  }),
  'concerns.alerts': channel({
    summary: 'Shows the safeguarding team the concerns nobody has opened yet and overdue actions.',
    access: SAFEGUARDING_TEAM,
    kind: 'read',
    // Which children have concerns is itself safeguarding information.
    sensitive: true,
    input: z.object({}).strict().optional(),
    output: z.object({
      unread: z.array(z.object({ id: z.string(), reference: z.string(), childName: z.string(), urgency: concernUrgencySchema, recordedAt: z.string() })),
      overdueActions: z.array(z.object({ id: z.string(), concernId: z.string(), reference: z.string(), childName: z.string(), text: z.string(), ownerName: z.string(), dueOn: z.string() })),
    }),
  }),
  'concerns.list': channel({
    summary: 'Lists safeguarding concerns.',
    access: SAFEGUARDING_TEAM,
    kind: 'read',
    sensitive: true,
    stepUp: true,
    input: z.object({ childId: idSchema.optional(), status: z.enum(['all', 'unread', 'open']).default('all') }),
    output: z.object({ concerns: z.array(concernSummarySchema) }),
  }),
  'concerns.get': channel({
    summary: 'Opens a safeguarding concern.',
    access: SAFEGUARDING_TEAM,
    kind: 'read',
    sensitive: true,
    stepUp: true,
    input: z.object({ id: idSchema }),
    output: concernSchema,
  }),
  'concerns.addendum': channel({
    summary: 'Adds an addendum to a concern (the original stays as it was).',
    access: 'any-user',
    kind: 'write',
    input: z.object({ id: idSchema, text: text('The addendum', 5_000), reason: text('Why it is added', 500) }),
    output: okOutput,
  }),
  'concerns.review': channel({
    summary: 'Records the safeguarding team’s decision on a concern, with reasons and actions.',
    access: SAFEGUARDING_TEAM,
    kind: 'write',
    input: z.object({ id: idSchema, decision: reviewDecisionSchema, reasons: text('Your reasons', 5_000), actions: z.array(actionInputSchema).max(20).default([]) }),
    output: z.object({ reviewId: z.string() }),
  }),
  'concerns.addAction': channel({
    summary: 'Adds an action to a concern.',
    access: SAFEGUARDING_TEAM,
    kind: 'write',
    input: actionInputSchema.extend({ concernId: idSchema }),
    output: z.object({ actionId: z.string() }),
  }),
  'concerns.closeAction': channel({
    summary: 'Marks an action on a concern done or no longer needed.',
    access: SAFEGUARDING_TEAM,
    kind: 'write',
    input: z.object({ actionId: idSchema, status: z.enum(['done', 'cancelled'], { error: 'Say whether it was done or is no longer needed.' }), note: optionalText('Note', 1_000) }),
    output: okOutput,
  }),
  'concerns.addReferral': channel({
    summary: 'Records a referral made about a concern.',
    access: SAFEGUARDING_TEAM,
    kind: 'write',
    input: z.object({
      concernId: idSchema,
      agency: text('Agency', 200),
      partnerId: idSchema.optional(),
      referredOn: daySchema,
      theirReference: optionalText('Their reference', 100),
      outcome: optionalText('Outcome', 2_000),
      followUpOn: daySchema.optional(),
    }),
    output: z.object({ referralId: z.string() }),
  }),
  'concerns.updateReferral': channel({
    summary: 'Adds news of a referral: their reference, the outcome, the next follow-up.',
    access: SAFEGUARDING_TEAM,
    kind: 'write',
    input: z.object({ referralId: idSchema, theirReference: optionalText('Their reference', 100), outcome: optionalText('Outcome', 2_000), followUpOn: daySchema.optional() }),
    output: okOutput,
  }),
  'concerns.linkChildren': channel({
    summary: 'Names other children involved in a concern (the concern itself stays as it was).',
    access: SAFEGUARDING_TEAM,
    kind: 'write',
    input: z.object({ concernId: idSchema, children: z.array(linkedChildInputSchema).min(1, 'Choose a child.').max(20, 'Up to 20 children at a time.') }),
    output: okOutput,
  }),
  'concerns.markDiarySignificant': channel({
    summary: 'Adds a diary entry to the child’s safeguarding chronology.',
    access: SAFEGUARDING_TEAM,
    kind: 'write',
    input: z.object({ entryId: idSchema, note: optionalText('Why it matters', 1_000) }),
    output: okOutput,
  }),
  'concerns.chronology': channel({
    summary: 'Opens a child’s safeguarding chronology.',
    access: SAFEGUARDING_TEAM,
    kind: 'read',
    sensitive: true,
    stepUp: true,
    input: z.object({
      childId: idSchema,
      order: z.enum(['newest', 'oldest']).default('oldest'),
      kinds: z.array(chronologyKindSchema).optional(),
      /** For the next setting or an agency: who wrote each entry is left out. */
      external: z.boolean().default(false),
    }),
    output: z.object({
      childId: z.string(),
      childName: z.string(),
      dateOfBirth: z.string(),
      events: z.array(chronologyEventSchema),
      /** Every mark recorded on the child's body maps, oldest first, with the concern it came from. */
      bodyMarks: z.array(bodyMarkSchema.extend({ reference: z.string(), observedAt: z.string() })),
      /** The child's safeguarding file sent on to another setting or school, and whether receipt is confirmed. */
      transfers: z.array(z.object({ id: z.string(), sentTo: z.string(), sentOn: z.string(), how: z.string(), confirmedBy: z.string().nullable(), receivedOn: z.string().nullable() })),
    }),
  }),
  'concerns.setPartnerArrangement': channel({
    summary: 'Records what was agreed with a partner setting about telling each other of concerns.',
    access: ['dsl', 'manager', 'office'],
    kind: 'write',
    input: z.object({ partnerId: idSchema, whom: text('Whom to call', 200), how: text('How', 200), howFast: text('How fast', 200) }),
    output: okOutput,
  }),
  'concerns.arrangements': channel({
    summary: 'Lists what was agreed with each partner about telling each other of concerns.',
    access: ['dsl', 'manager', 'office'],
    kind: 'read',
    input: z.object({}).strict().optional(),
    output: z.object({ arrangements: z.array(z.object({ partnerId: z.string(), whom: z.string(), how: z.string(), howFast: z.string(), byName: z.string(), at: z.string() })) }),
  }),
  'concerns.recordTransfer': channel({
    summary: 'Records that a child’s safeguarding file was sent to their next setting or school.',
    access: SAFEGUARDING_TEAM,
    kind: 'write',
    input: z.object({ childId: idSchema, sentTo: text('Sent to', 200), sentOn: daySchema, how: text('How it was sent', 200) }),
    output: z.object({ transferId: z.string() }),
  }),
  'concerns.confirmTransfer': channel({
    summary: 'Records who confirmed receipt of a transferred safeguarding file.',
    access: SAFEGUARDING_TEAM,
    kind: 'write',
    input: z.object({ transferId: idSchema, confirmedBy: text('Who confirmed receipt', 200), receivedOn: daySchema }),
    output: okOutput,
  }),
  'visits.record': channel({
    summary: 'Records a visiting professional and who supervised them.',
    access: 'any-user',
    kind: 'write',
    input: z.object({
      childId: idSchema.optional(),
      visitorName: text('The visitor’s name', 120),
      agency: text('Their agency', 200),
      visitOn: daySchema,
      arrivedAt: timeSchema,
      leftAt: z.union([timeSchema, z.literal('')]).optional(),
      purpose: text('Why they visited', 1_000),
      supervisedByUserId: z.string({ error: 'Name the member of staff who stayed with them: visitors are never left alone with children.' }).min(1, 'Name the member of staff who stayed with them: visitors are never left alone with children.'),
    }),
    output: z.object({ id: z.string() }),
  }),
  'visits.list': channel({
    summary: 'Lists visiting professionals.',
    access: ['dsl', 'manager', 'office'],
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema.optional() }),
    output: z.object({ visits: z.array(visitSchema) }),
  }),
};
