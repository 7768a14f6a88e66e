import { z } from 'zod';
import { channel, daySchema, idSchema, instantSchema, noInput, okOutput, text, type Role } from './define';

// Retention, disposal and subject access (issue 16). Rules per record type with defaults a manager
// may change, a "due for review" list (keep longer with a reason, or dispose with the manager's
// password), and a child's complete record for a parent, reviewed item by item before release.

/** Who decides about keeping and disposing of records: the manager. */
export const RETENTION_MANAGERS: readonly Role[] = ['manager'];
/** Who answers a subject access request: the manager, and the DSL (who alone sees the safeguarding file in it). */
export const SUBJECT_ACCESS_TEAM: readonly Role[] = ['manager', 'dsl'];

/**
 * The record types retention knows. A feature whose records a child's file holds adds its type here
 * and one entry in the core's registry (`electron/core/retention/registry.ts`).
 */
export const RECORD_TYPES = ['child-record', 'accident-medication', 'diary', 'meetings', 'agreements-observations', 'documents', 'safeguarding', 'sharing-decisions', 'audit'] as const;
export const recordTypeSchema = z.enum(RECORD_TYPES, { error: 'Choose a kind of record.' });
export type RecordType = z.infer<typeof recordTypeSchema>;

// Coerced: the form's number boxes give text.
const span = {
  years: z.coerce.number({ error: 'Give the number of years.' }).int('Give whole years.').min(0, 'Years cannot be negative.').max(100, 'That is more than 100 years.'),
  months: z.coerce.number({ error: 'Give the number of months.' }).int('Give whole months.').min(0, 'Months cannot be negative.').max(11, 'Give 11 months or fewer; add a year instead.'),
};
export const retentionRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('after-leaving'), ...span }),
    z.object({ kind: z.literal('after-birth'), ...span }),
    z.object({ kind: z.literal('with-records') }),
  ],
  { error: 'Choose when the records fall due.' },
);

export const retentionRuleRowSchema = z.object({
  type: recordTypeSchema,
  label: z.string(),
  /** What the type covers, in a sentence. */
  covers: z.string(),
  rule: retentionRuleSchema,
  ruleText: z.string(),
  defaultRule: retentionRuleSchema,
  defaultText: z.string(),
  /** Why the default is what it is, in one sentence. */
  reason: z.string(),
  /** Whether a manager may change it (the audit trail follows the records it refers to). */
  changeable: z.boolean(),
  /** The last change, when the rule is not the default. */
  changed: z.object({ by: z.string(), at: instantSchema, reason: z.string() }).nullable(),
});

export const STAFF_NAME_POLICIES = ['release', 'review'] as const;
export const staffNamePolicySchema = z.enum(STAFF_NAME_POLICIES, { error: 'Choose how staff names are treated.' });
export const STAFF_NAME_POLICY_LABELS: Record<(typeof STAFF_NAME_POLICIES)[number], string> = {
  release: 'Staff names are released: staff act in their work role',
  review: 'Staff names are listed for review before release',
};

const countSchema = z.object({ label: z.string(), n: z.number().int() });

export const dueSetSchema = z.object({
  childId: z.string(),
  childName: z.string(),
  /** The reference the record of disposal will name instead of the child. */
  childReference: z.string(),
  type: recordTypeSchema,
  label: z.string(),
  dueOn: daySchema,
  ruleText: z.string(),
  counts: z.array(countSchema),
  /** The last decision to keep the set longer, if any, and why. */
  keptUntil: daySchema.nullable(),
  keptReason: z.string().nullable(),
});
export type DueSet = z.infer<typeof dueSetSchema>;

export const disposalSchema = z.object({
  id: z.string(),
  type: recordTypeSchema,
  label: z.string(),
  childReference: z.string(),
  counts: z.array(countSchema),
  dueOn: daySchema,
  byName: z.string(),
  at: instantSchema,
});

/** A backup made before a disposal still holds what was disposed of: the office replaces it. */
export const staleBackupSchema = z.object({ id: z.string(), madeAt: instantSchema, where: z.string() });

export const setKey = { childId: idSchema, type: recordTypeSchema };

// ---- Subject access ----

export const REVIEW_KINDS = ['other-child', 'staff', 'third-party'] as const;
export const reviewKindSchema = z.enum(REVIEW_KINDS);
export const REVIEW_KIND_LABELS: Record<(typeof REVIEW_KINDS)[number], string> = {
  'other-child': 'Names another child',
  staff: 'Names a member of staff',
  'third-party': 'Information from someone else',
};

export const REVIEW_OUTCOMES = ['released', 'redacted', 'withheld'] as const;
export const reviewOutcomeSchema = z.enum(REVIEW_OUTCOMES, { error: 'Choose whether to release, redact or withhold it.' });
export const REVIEW_OUTCOME_LABELS: Record<(typeof REVIEW_OUTCOMES)[number], string> = {
  released: 'Release',
  redacted: 'Redact (black out the name or the information)',
  withheld: 'Withhold the whole entry',
};

export const reviewItemSchema = z.object({
  key: z.string(),
  kind: reviewKindSchema,
  section: z.string(),
  /** Which entry: "Diary, Tuesday 3 March 2026". */
  where: z.string(),
  /** The person or agency. */
  who: z.string(),
  /** The words around the mention, so the reviewer can judge without opening the entry. */
  excerpt: z.string(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewDecisionSchema = z.object({
  key: z.string().min(1).max(300),
  outcome: reviewOutcomeSchema,
  reason: text('The reason', 500),
});

/** A piece of released text, or a place where something was blacked out (its words are never sent). */
export const segmentSchema = z.union([z.object({ text: z.string() }), z.object({ redacted: z.literal(true) })]);
export type Segment = z.infer<typeof segmentSchema>;

export const exportSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  entries: z.array(
    z.object({
      heading: z.string(),
      withheld: z.boolean(),
      fields: z.array(z.object({ label: z.string(), value: z.array(segmentSchema) })),
    }),
  ),
});
export type ExportSection = z.infer<typeof exportSectionSchema>;

export const retentionChannels = {
  'retention.rules': channel({
    summary: 'Reads the retention rule of each kind of record, why its default is what it is, and the staff names policy for subject access.',
    access: ['manager', 'dsl', 'admin'],
    kind: 'read',
    input: noInput,
    output: z.object({ rules: z.array(retentionRuleRowSchema), staffNames: staffNamePolicySchema }),
  }),
  'retention.setRule': channel({
    summary: 'Changes how long a kind of record is kept, with the reason.',
    access: RETENTION_MANAGERS,
    kind: 'write',
    input: z.object({ type: recordTypeSchema, rule: retentionRuleSchema, reason: text('The reason for the change', 500) }),
    output: okOutput,
  }),
  'retention.setStaffNames': channel({
    summary: 'Sets whether staff names are released in a subject access export or listed for review.',
    access: RETENTION_MANAGERS,
    kind: 'write',
    input: z.object({ staffNames: staffNamePolicySchema }),
    output: okOutput,
  }),
  'retention.due': channel({
    summary: 'Lists the sets of records whose retention period has ended and that are due for review.',
    access: RETENTION_MANAGERS,
    kind: 'read',
    sensitive: true,
    input: noInput,
    output: z.object({ sets: z.array(dueSetSchema), disposals: z.array(disposalSchema) }),
  }),
  'retention.dueCount': channel({
    summary: 'Counts the sets of records due for review, for the Home screen.',
    access: RETENTION_MANAGERS,
    kind: 'read',
    input: noInput,
    output: z.object({ count: z.number().int() }),
  }),
  'retention.keep': channel({
    summary: 'Keeps a set of a child’s records longer, with the reason and the day to review them again.',
    access: RETENTION_MANAGERS,
    kind: 'write',
    input: z.object({ ...setKey, reason: text('The reason for keeping them', 500), reviewOn: daySchema }),
    output: okOutput,
  }),
  'retention.dispose': channel({
    summary: 'Disposes of a set of a child’s records whose retention period has ended, confirmed with the manager’s password.',
    access: RETENTION_MANAGERS,
    kind: 'write',
    input: z.object({ ...setKey, password: z.string().min(1, 'Enter your password.').max(200) }),
    output: z.object({ disposalId: z.string(), childReference: z.string(), counts: z.array(countSchema), staleBackups: z.array(staleBackupSchema) }),
  }),
  'sar.prepare': channel({
    summary: 'Lists what a child’s record holds about other people, for review before a subject access export.',
    access: SUBJECT_ACCESS_TEAM,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema }),
    output: z.object({
      childName: z.string(),
      includesSafeguarding: z.boolean(),
      sections: z.array(z.object({ id: z.string(), title: z.string(), entries: z.number().int() })),
      items: z.array(reviewItemSchema),
      reviews: z.array(z.object({ id: z.string(), at: instantSchema, byName: z.string(), requestedBy: z.string(), released: z.number().int(), redacted: z.number().int(), withheld: z.number().int() })),
    }),
  }),
  'sar.review': channel({
    summary: 'Records the review of a subject access request: each item released, redacted or withheld, with the reason.',
    access: SUBJECT_ACCESS_TEAM,
    kind: 'write',
    input: z.object({ childId: idSchema, requestedBy: text('Who asked', 200), decisions: z.array(reviewDecisionSchema).max(5000) }),
    output: z.object({ id: z.string() }),
  }),
  'sar.export': channel({
    summary: 'Reads a child’s complete record as reviewed for release, with redacted words left out.',
    access: SUBJECT_ACCESS_TEAM,
    kind: 'read',
    sensitive: true,
    input: z.object({ reviewId: idSchema }),
    output: z.object({
      reviewId: z.string(),
      childId: z.string(),
      childName: z.string(),
      requestedBy: z.string(),
      reviewedBy: z.string(),
      reviewedAt: instantSchema,
      sections: z.array(exportSectionSchema),
    }),
  }),
};
