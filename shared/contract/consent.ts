import { z } from 'zod';
import { channel, daySchema, idOutput, idSchema, text } from './define';
import { CHILD_READERS, FAMILY_KEEPERS, optionalDaySchema, optionalText } from './fields';

// The consent register. Every record is append-only: a consent or a refusal is recorded once and
// never changed; a withdrawal is its own record pointing at the consent. `consent.check` (and
// `checkConsent` in electron/core/consent/check.ts) answers "is there valid consent for scope S to
// recipient R on day D?" from that history.

export const CONSENT_SCOPES = ['diary', 'observations', 'home-visits', 'additional-needs', 'transition', 'photos'] as const;
export const consentScopeSchema = z.enum(CONSENT_SCOPES, { error: 'Choose what the consent is for.' });
export type ConsentScope = z.infer<typeof consentScopeSchema>;

export const CONSENT_SCOPE_LABELS: Record<ConsentScope, string> = {
  diary: 'Share the diary / communication log with partner settings',
  observations: 'Share observations and assessments',
  'home-visits': 'Share notes of home visits',
  'additional-needs': 'Share information about additional needs',
  transition: 'Pass the development summary / progress check to the next provider or school',
  photos: 'Photographs',
};
export const CONSENT_SCOPE_SHORT: Record<ConsentScope, string> = {
  diary: 'Diary',
  observations: 'Observations',
  'home-visits': 'Home visits',
  'additional-needs': 'Additional needs',
  transition: 'Transition',
  photos: 'Photos',
};

/** Seed 001, 3.4: these scopes need consent in writing. */
export const WRITTEN_CONSENT_SCOPES: readonly ConsentScope[] = ['additional-needs', 'transition'];
export const WRITTEN_CONSENT_RULE =
  'Our information sharing policy, 3.4: “Parents are asked to give written consent to share information about any additional needs their child may have, or to pass on child development summaries to the next provider / school.” Record written consent for this.';

export const consentMethodSchema = z.enum(['written', 'verbal'], { error: 'Say whether it was given in writing or verbally.' });
export type ConsentMethod = z.infer<typeof consentMethodSchema>;

/** A refusal is a record of its own kind: `decision: 'refused'`. */
export const consentDecisionSchema = z.enum(['given', 'refused']);
export type ConsentDecision = z.infer<typeof consentDecisionSchema>;

/** Who a consent covers: every partner in the directory, or the listed partners. */
export const consentRecipientsSchema = z.union([z.literal('all-partners'), z.array(idSchema).min(1).max(50)], {
  error: 'Choose “all partners” or at least one partner.',
});
export type ConsentRecipients = z.infer<typeof consentRecipientsSchema>;

export const consentRecordSchema = z
  .object({
    childId: idSchema,
    scope: consentScopeSchema,
    /** Default 'given'. A refusal is recorded the same way, with `decision: 'refused'`. */
    decision: consentDecisionSchema.default('given'),
    recipients: consentRecipientsSchema,
    /** A parent or carer of this child with parental responsibility. */
    givenByCarerId: idSchema,
    givenOn: daySchema,
    method: consentMethodSchema,
    /** Valid up to and including this day. */
    expiresOn: optionalDaySchema,
    /** A day to check with the parents that it still stands (does not end the consent). */
    reviewOn: optionalDaySchema,
    /** Where the evidence is: e.g. "signed form filed in the child's folder". */
    evidence: optionalText('Evidence', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'refused' && WRITTEN_CONSENT_SCOPES.includes(v.scope) && v.method !== 'written') {
      ctx.addIssue({ code: 'custom', path: ['method'], message: WRITTEN_CONSENT_RULE });
    }
    if (v.expiresOn && v.expiresOn < v.givenOn) {
      ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'The expiry date is before the day consent was given.' });
    }
    if (v.reviewOn && v.reviewOn < v.givenOn) {
      ctx.addIssue({ code: 'custom', path: ['reviewOn'], message: 'The review date is before the day this was given: choose a later day.' });
    }
  });

export const consentWithdrawSchema = z.object({
  consentId: idSchema,
  on: daySchema,
  byCarerId: idSchema,
  reason: text('The reason', 1000),
});

export const ACKNOWLEDGEMENT_METHODS = ['signed-form', 'online-form', 'verbal', 'other'] as const;
export const acknowledgementMethodSchema = z.enum(ACKNOWLEDGEMENT_METHODS);
export const ACKNOWLEDGEMENT_METHOD_LABELS: Record<(typeof ACKNOWLEDGEMENT_METHODS)[number], string> = {
  'signed-form': 'Signed the registration form',
  'online-form': 'Completed the registration form online',
  verbal: 'Told verbally',
  other: 'Other',
};

export const acknowledgeSchema = z.object({
  childId: idSchema,
  carerId: idSchema,
  on: daySchema,
  method: acknowledgementMethodSchema,
  note: optionalText('Note', 500),
});

export const CONSENT_REASONS = [
  'given',
  'never-given',
  'refused',
  'withdrawn',
  'expired',
  'recipient-not-covered',
  'no-parental-responsibility',
] as const;
export const consentReasonSchema = z.enum(CONSENT_REASONS);
export type ConsentReason = z.infer<typeof consentReasonSchema>;

export const consentCheckSchema = z.object({
  valid: z.boolean(),
  /** The consent record relied on (only when valid). */
  consentId: z.string().optional(),
  reason: consentReasonSchema,
  /** Plain English, for the screen. */
  message: z.string(),
  /** When not valid because of a record (refused, withdrawn, expired, no PR): that record. */
  relatedConsentId: z.string().optional(),
});
export type ConsentCheck = z.infer<typeof consentCheckSchema>;

export const CONSENT_STATES = ['in-force', 'review-due', 'refused', 'withdrawn', 'expired', 'not-yet-in-force'] as const;

export const consentEntrySchema = z.object({
  id: z.string(),
  childId: z.string(),
  scope: consentScopeSchema,
  decision: consentDecisionSchema,
  recipients: z.union([z.literal('all-partners'), z.array(z.object({ partnerId: z.string(), name: z.string() }))]),
  givenByCarerId: z.string(),
  givenByName: z.string(),
  givenByRelationship: z.string(),
  givenOn: z.string(),
  method: consentMethodSchema,
  expiresOn: z.string().nullable(),
  reviewOn: z.string().nullable(),
  evidence: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
  withdrawal: z
    .object({
      id: z.string(),
      on: z.string(),
      byCarerId: z.string(),
      byName: z.string(),
      reason: z.string(),
      recordedAt: z.string(),
      recordedByName: z.string().nullable(),
    })
    .nullable(),
  /** Where this record stands today. */
  state: z.enum(CONSENT_STATES),
});
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

export const acknowledgementSchema = z.object({
  id: z.string(),
  carerId: z.string(),
  carerName: z.string(),
  on: z.string(),
  method: acknowledgementMethodSchema,
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});

export const consentRegisterSchema = z.object({
  childId: z.string(),
  today: z.string(),
  acknowledgements: z.array(acknowledgementSchema),
  /** Newest first; nothing is ever removed. */
  entries: z.array(consentEntrySchema),
  /** Today's answer for each scope, for each partner the child attends or a consent names. */
  matrix: z.array(
    z.object({
      partnerId: z.string(),
      partnerName: z.string(),
      results: z.array(z.object({ scope: consentScopeSchema, ...consentCheckSchema.shape })),
    }),
  ),
});
export type ConsentRegister = z.infer<typeof consentRegisterSchema>;

export const consentChannels = {
  'consent.record': channel({
    summary: 'Records a consent (or a refusal) in the register: scope, recipients, who gave it, when and how.',
    access: FAMILY_KEEPERS,
    kind: 'write',
    input: consentRecordSchema,
    output: idOutput,
  }),
  'consent.withdraw': channel({
    summary: 'Records the withdrawal of a consent: when, by whom and why (the consent itself stays in the register).',
    access: FAMILY_KEEPERS,
    kind: 'write',
    input: consentWithdrawSchema,
    output: idOutput,
  }),
  'consent.acknowledge': channel({
    summary: 'Records a carer’s acknowledgement of the information-sharing policy on the registration form.',
    access: FAMILY_KEEPERS,
    kind: 'write',
    input: acknowledgeSchema,
    output: idOutput,
  }),
  'consent.check': channel({
    summary: 'Answers whether there is valid consent for a scope, to a recipient, on a day, and why.',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema, scope: consentScopeSchema, recipientId: idSchema, on: daySchema }),
    output: consentCheckSchema,
  }),
  'consent.register': channel({
    summary: 'Reads a child’s consent register: the full history and where each scope stands today.',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema }),
    output: consentRegisterSchema,
  }),
};
