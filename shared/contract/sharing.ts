import { z } from 'zod';
import { consentReasonSchema, consentScopeSchema } from './consent';
import { channel, daySchema, idSchema, noInput, ROLES, text, type Role } from './define';
import { fieldIssueSchema } from './errors';
import { optionalText } from './fields';
import {
  assessmentSchema,
  consentNotSoughtReasonSchema,
  consentStatusSchema,
  ELIGIBLE_AUTHORISER_ROLES,
  recipientKindSchema,
  recipientNeedSchema,
  sharingBasisSchema,
  sharingMethodSchema,
  sharingOutcomeSchema,
  sharingPolicySchema,
  sharingRequestSchema,
  thirdPartySourceSchema,
  DEFAULT_SHARING_POLICY,
  type ConsentNotSoughtReason,
  type ConsentStatus,
  type Harm,
  type RecipientNeed,
  type SharingBasis,
  type SharingMethod,
  type SharingOutcome,
} from './sharing-policy';

// Information-sharing decisions (issue 5): the decision record, the share pack, the register.
//
// The renderer sends a draft: the answers to the questions before sharing, the recipient (a partner)
// and the items chosen from the child's records (by reference). The core resolves the references to
// the child's own records, pre-fills consent from the consent register, builds the engine's request
// (who decided comes from the session, never from the renderer) and runs `assessSharing` itself on
// every assess, record and authorise. Decisions are immutable; a correction is an addendum.

/**
 * Recording a decision: the DSL and managers; practitioners may always record a decision NOT to
 * share (golden rule 7), and a decision to share only as a proposal, when the policy allows.
 */
export const SHARING_DECIDERS: readonly Role[] = ['dsl', 'manager', 'practitioner'];
/** The register and a decision's full record: sensitive reads, audited. */
export const SHARING_READERS: readonly Role[] = ['dsl', 'manager', 'admin'];
/** Only the DSL or a manager may change the sharing policy (issue 9.3). */
export const SHARING_POLICY_KEEPERS: readonly Role[] = ['dsl', 'manager'];

/** A required piece of text whose every message is the one given (never zod's wording). */
function said(message: string, max: number, tooLong: string) {
  return z.string({ error: message }).trim().min(1, message).max(max, tooLong);
}
const choose = (message: string) => z.string({ error: message }).min(1, message).max(64, message);
/** Authorising is checked against the setting's policy in the core; the contract lets anyone ask. */
export const SHARING_AUTHORISE_ACCESS: readonly Role[] = ROLES;

// ---------------------------------------------------------------------------------------
// The setting's policy: the engine's policy plus whether practitioners may propose a share
// ---------------------------------------------------------------------------------------

export const settingSharingPolicySchema = sharingPolicySchema.extend({
  /** Practitioners may record a proposal to share; it always waits for an authoriser. */
  practitionersMayPropose: z.boolean(),
});
export type SettingSharingPolicy = z.infer<typeof settingSharingPolicySchema>;

export const DEFAULT_SETTING_SHARING_POLICY: SettingSharingPolicy = Object.freeze({
  ...DEFAULT_SHARING_POLICY,
  authorisingRoles: [...DEFAULT_SHARING_POLICY.authorisingRoles],
  practitionersMayPropose: false,
});

const policySwitch = z.boolean({ error: 'Choose on or off.' });
export const settingSharingPolicyInputSchema = z.object({
  // Seed 001: "the back-up of the management team"; seed 004: "the head teacher or the SENCO".
  // A setting may narrow this to some of them, never widen it to other roles.
  authorisingRoles: z
    .array(z.enum(ELIGIBLE_AUTHORISER_ROLES, { error: 'Only the DSL, a manager or the SENCO may authorise sharing.' }), {
      error: 'Choose at least one role that may authorise sharing.',
    })
    .min(1, 'Choose at least one role that may authorise sharing.')
    .refine((roles) => new Set(roles).size === roles.length, 'Give each role once.'),
  authorisationForAllConfidential: policySwitch,
  authorisationForAllShares: policySwitch.default(false),
  overrideOnlyForChildProtection: policySwitch.default(false),
  roleNames: z
    .partialRecord(z.enum(ELIGIBLE_AUTHORISER_ROLES), z.string({ error: 'Write the name your setting uses.' }).trim().max(60, 'Keep each name to 60 characters or fewer.'))
    .optional(),
  practitionersMayPropose: policySwitch,
});

// ---------------------------------------------------------------------------------------
// Items: the child's records that can be chosen, and what was frozen when the decision was recorded
// ---------------------------------------------------------------------------------------

export const ITEM_KINDS = ['details', 'carer', 'contact', 'health', 'shared-care', 'diary', 'observation', 'home-visit', 'concern', 'document', 'note', 'additional-needs', 'development-summary'] as const;
export const itemKindSchema = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof itemKindSchema>;
export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  details: 'The child’s details',
  carer: 'Parents and carers',
  contact: 'Emergency contacts',
  health: 'Health',
  'shared-care': 'Shared care',
  diary: 'Diary entries',
  observation: 'Observations and next steps',
  'home-visit': 'Notes of home visits',
  concern: 'Safeguarding concerns',
  document: 'Documents (letters, forms, photos)',
  note: 'Written for this share',
  'additional-needs': 'About additional needs',
  'development-summary': 'Development summary',
};

/** One item of each kind, as it is named beside the item. */
export const ITEM_KIND_ONE: Record<ItemKind, string> = {
  details: 'The child’s details',
  carer: 'Parent or carer',
  contact: 'Emergency contact',
  health: 'Health',
  'shared-care': 'Shared care',
  diary: 'Diary entry',
  observation: 'Observation',
  'home-visit': 'Home visit',
  concern: 'Safeguarding concern',
  document: 'Document',
  note: 'Written for this share',
  'additional-needs': 'About additional needs',
  'development-summary': 'Development summary',
};

/** What a note written for this share is about: two kinds need written consent of their own (seed 001, 3.4). */
export const NOTE_TOPICS = ['general', 'additional-needs', 'development-summary'] as const;
export const NOTE_TOPIC_LABELS: Record<(typeof NOTE_TOPICS)[number], string> = {
  general: 'Something else',
  'additional-needs': 'The child’s additional needs',
  'development-summary': 'A development summary for the next provider or school',
};

/** `kind:id`: a record of this child (`details:child` for the child's own details, `note:n` for a note written here). */
export const itemRefSchema = z
  .string({ error: 'That is not one of the child’s records.' })
  .max(120, 'That is not one of the child’s records.')
  .regex(/^(details|carer|contact|health|shared-care|diary|observation|home-visit|concern|document|note):[A-Za-z0-9-]{1,80}$/, 'That is not one of the child’s records.');

export const itemChoiceSchema = z
  .object({
    ref: itemRefSchema,
    /** Golden rule 6: needed for the purpose. Items not needed are held back. */
    necessary: z.boolean({ error: 'Say whether this is needed for the purpose.' }),
    /**
     * Seed 001, 1.3: information another agency gave us, and who there agreed to it being passed on,
     * when and how. Records known to come from another agency are flagged by the core whatever is sent.
     */
    thirdParty: z
      .object({
        agency: said('Say which agency it came from.', 160, 'The agency’s name must be 160 characters or fewer.'),
        agencyConsent: z.boolean({ error: 'Say whether that agency agreed to it being passed on.' }),
        agreedBy: optionalText('Who agreed', 160),
        agreedOn: z.string({ error: 'Give the date they agreed.' }).trim().max(10, 'Give the date they agreed.').optional(),
        agreedHow: optionalText('How they agreed', 200),
      })
      .superRefine((t, ctx) => {
        if (!t.agencyConsent) return;
        if (!t.agreedBy?.trim()) ctx.addIssue({ code: 'custom', path: ['agreedBy'], message: 'Say who at the agency agreed.' });
        if (!t.agreedOn?.trim() || !daySchema.safeParse(t.agreedOn).success) ctx.addIssue({ code: 'custom', path: ['agreedOn'], message: 'Give the date they agreed.' });
        if (!t.agreedHow?.trim()) ctx.addIssue({ code: 'custom', path: ['agreedHow'], message: 'Say how they agreed (for example, by secure email).' });
      })
      .optional(),
    /** A note written for this share (only for `note:` items). */
    text: optionalText('The note', 4000),
    /** What a note is about; additional needs and development summaries need written consent of their own. */
    topic: z.enum(NOTE_TOPICS, { error: 'Say what the note is about.' }).optional(),
    /** Where a note's information came from: us, or another agency (then `thirdParty` says which). */
    source: z.enum(['us', 'agency'], { error: 'Say where this information came from.' }).optional(),
  })
  .superRefine((item, ctx) => {
    if (!item.ref.startsWith('note:')) return;
    if (!item.text?.trim()) ctx.addIssue({ code: 'custom', path: ['text'], message: 'Write the note, or remove it.' });
    if (!item.source) ctx.addIssue({ code: 'custom', path: ['source'], message: 'Say where this information came from: us, or another agency.' });
    if (item.source === 'agency' && !item.thirdParty) ctx.addIssue({ code: 'custom', path: ['thirdParty', 'agency'], message: 'Say which agency it came from.' });
  });
export type ItemChoice = z.infer<typeof itemChoiceSchema>;

/** One of the child's records as it can be chosen. */
export const childRecordItemSchema = z.object({
  ref: z.string(),
  kind: itemKindSchema,
  label: z.string(),
  /** What would be shared, in a few lines. */
  content: z.string(),
  date: z.string().nullable(),
  /** For a record from another agency (a partner’s diary entry, a health visitor’s care plan): who gave it to us (third-party information). */
  suggestedAgency: z.string().nullable(),
});
export type ChildRecordItem = z.infer<typeof childRecordItemSchema>;

/** An item frozen at the moment the decision was recorded. */
export const frozenItemSchema = childRecordItemSchema.extend({
  necessary: z.boolean(),
  thirdParty: thirdPartySourceSchema.nullable(),
  /** In the final assessment: shared, or held back with the reason. */
  shared: z.boolean(),
  withheldReason: z.string().nullable(),
});
export type FrozenItem = z.infer<typeof frozenItemSchema>;

// ---------------------------------------------------------------------------------------
// The draft: the answers to the questions before sharing
// ---------------------------------------------------------------------------------------

/** What the form offers: the old combined criterion is kept only for decisions recorded with it. */
export const HARM_CHOICES: readonly Harm[] = [
  'none',
  'significant-harm-evidence',
  'significant-harm-suspected',
  'prevent-significant-harm-to-child',
  'prevent-harm-to-adult-or-crime',
];

const answer = (question: string) => z.boolean({ error: `Answer yes or no: ${question}` });

const draftFields = {
  childId: choose('Choose the child.'),
  /** Why: in the user's own words. May be blank while drafting; required to record. */
  purpose: z.string({ error: 'Write why you want to share this information.' }).trim().max(1000, 'The purpose must be 1000 characters or fewer.').default(''),
  legitimatePurpose: answer('is there a clear and legitimate reason to share it?'),
  partnerId: choose('Choose who it is for.'),
  /** The named person at the recipient, if known. */
  recipientContact: optionalText('Their contact', 160),
  /** Golden rule 6: do they need it for their role (the child's care, or a safeguarding or policing function)? */
  recipientNeed: recipientNeedSchema,
  items: z.array(itemChoiceSchema, { error: 'Choose what to share.' }).max(100, 'At most 100 pieces of information.'),
  identifiable: answer('does it identify the child or family?'),
  confidential: answer('is it confidential?'),
  /** Which consent in the register applies; the register's answer is shown and relied on. */
  consentScope: consentScopeSchema.optional(),
  consent: z.enum(consentStatusSchema.options, { error: 'Say whether the parents have agreed.' }),
  consentNotSoughtReason: z.enum(consentNotSoughtReasonSchema.options, { error: 'Say why consent was not asked for.' }).optional(),
  statutoryDuty: answer('does the law require you to share it?'),
  courtOrder: answer('does a court order require you to share it?'),
  /** Which order or law, and its reference or date (issue 11: "must be named"). */
  legalWhat: optionalText('The order or law', 300),
  legalReference: optionalText('Its reference or date', 200),
  harm: z.enum(HARM_CHOICES as [Harm, ...Harm[]], { error: 'Say whether a child is at risk of significant harm.' }),
  /** Golden rule 3: advice sought, without naming the child. */
  adviceSought: answer('did you seek advice?'),
  adviceFrom: optionalText('Who gave advice', 200),
  adviceNote: optionalText('The advice', 2000),
  parentsInformed: answer('have the parents been told?'),
  parentsNotInformedReason: optionalText('Why the parents were not told', 1000),
  /** Not asked for a decision not to share (issue 11.15). */
  method: z.enum(sharingMethodSchema.options, { error: 'Choose how it will be shared.' }).optional(),
};

interface DraftShape {
  adviceSought: boolean;
  adviceFrom?: string;
  items: { ref: string }[];
  consent: ConsentStatus;
  consentNotSoughtReason?: ConsentNotSoughtReason;
  courtOrder: boolean;
  statutoryDuty: boolean;
  legalWhat?: string;
  legalReference?: string;
}

function draftRules(v: DraftShape, ctx: z.RefinementCtx) {
  if (v.adviceSought && !v.adviceFrom?.trim()) ctx.addIssue({ code: 'custom', path: ['adviceFrom'], message: 'Say who you asked for advice (their role, not the child’s name).' });
  if (v.consent === 'not-sought' && !v.consentNotSoughtReason) ctx.addIssue({ code: 'custom', path: ['consentNotSoughtReason'], message: 'Say why consent was not asked for.' });
  if (v.courtOrder || v.statutoryDuty) {
    const which = v.courtOrder ? 'court order' : 'law';
    if (!v.legalWhat?.trim()) ctx.addIssue({ code: 'custom', path: ['legalWhat'], message: `Name the ${which} that requires this information to be shared.` });
    if (!v.legalReference?.trim()) ctx.addIssue({ code: 'custom', path: ['legalReference'], message: `Give the ${which}’s reference or date.` });
  }
  const seen = new Set<string>();
  v.items.forEach((item, i) => {
    if (seen.has(item.ref)) ctx.addIssue({ code: 'custom', path: ['items', i, 'ref'], message: 'Choose each record once.' });
    seen.add(item.ref);
  });
}

// While drafting, the checklist runs on what has been answered: only the item rules apply.
export const sharingDraftSchema = z.object(draftFields).superRefine((v, ctx) => {
  const seen = new Set<string>();
  v.items.forEach((item, i) => {
    if (seen.has(item.ref)) ctx.addIssue({ code: 'custom', path: ['items', i, 'ref'], message: 'Choose each record once.' });
    seen.add(item.ref);
  });
});
export type SharingDraft = z.infer<typeof sharingDraftSchema>;

export const SHARING_DECISIONS = ['share', 'do-not-share'] as const;
export const sharingDecisionSchema = z.enum(SHARING_DECISIONS, { error: 'Choose: share, or do not share.' });
export type SharingDecision = z.infer<typeof sharingDecisionSchema>;

/** A second person at the same laptop confirms with their own password (never stored, never logged). */
export const secondPersonSchema = z.object({
  username: z.string({ error: 'Enter their username.' }).trim().toLowerCase().min(1, 'Enter their username.').max(40, 'A username is at most 40 characters.'),
  password: z.string({ error: 'Ask the second person to type their own password.' }).min(1, 'Ask the second person to type their own password.').max(200, 'A password is at most 200 characters.'),
});

export const sharingRecordSchema = z
  .object({
    ...draftFields,
    purpose: said('Write why you want to share this information.', 1000, 'The purpose must be 1000 characters or fewer.'),
    decision: sharingDecisionSchema,
    /** Golden rule 7: the reasons, in the user's own words, whichever way it went. */
    reasons: said('Write your reasons, whether you share or not.', 4000, 'Keep your reasons to 4000 characters or fewer.'),
    authoriser: secondPersonSchema.optional(),
  })
  .superRefine((v, ctx) => {
    draftRules(v, ctx);
    if (v.decision === 'share' && !v.method) ctx.addIssue({ code: 'custom', path: ['method'], message: 'Choose how it will be shared.' });
  });
export type SharingRecordInput = z.infer<typeof sharingRecordSchema>;

// ---------------------------------------------------------------------------------------
// Status and summaries
// ---------------------------------------------------------------------------------------

export const SHARING_STATUSES = ['awaiting-authorisation', 'shared', 'not-shared', 'declined'] as const;
export const sharingStatusSchema = z.enum(SHARING_STATUSES);
export type SharingStatus = z.infer<typeof sharingStatusSchema>;
export const SHARING_STATUS_LABELS: Record<SharingStatus, string> = {
  'awaiting-authorisation': 'Awaiting authorisation',
  shared: 'Shared',
  'not-shared': 'Decided not to share',
  declined: 'Not authorised',
};

export const AUTHORISATION_METHODS = ['same-laptop-password', 'own-login'] as const;
export const authorisationMethodSchema = z.enum(AUTHORISATION_METHODS);
export const AUTHORISATION_METHOD_LABELS: Record<(typeof AUTHORISATION_METHODS)[number], string> = {
  'same-laptop-password': 'confirmed with their own password on this laptop',
  'own-login': 'logged in as themselves',
};

export const consentAnswerSchema = z.object({
  scope: consentScopeSchema,
  valid: z.boolean(),
  reason: consentReasonSchema,
  message: z.string(),
  /** The consent record relied on (when valid). */
  consentId: z.string().nullable(),
  /** The record behind a refusal, withdrawal, expiry. */
  relatedConsentId: z.string().nullable(),
  /** What the register says the answer to "is there consent?" is. */
  suggested: consentStatusSchema,
  on: z.string(),
});
export type ConsentAnswer = z.infer<typeof consentAnswerSchema>;

/** What the register's answer means for "have the parents agreed?" (the core and the form use the same rule). */
export function suggestedConsentStatus(answer: { valid: boolean; reason: z.infer<typeof consentReasonSchema> }): ConsentStatus {
  if (answer.valid) return 'given';
  if (answer.reason === 'refused') return 'refused';
  if (answer.reason === 'withdrawn') return 'withdrawn';
  return 'not-sought';
}

export const decisionSummarySchema = z.object({
  id: z.string(),
  childId: z.string(),
  childName: z.string(),
  partnerId: z.string(),
  recipientName: z.string(),
  recipientKind: recipientKindSchema,
  purpose: z.string(),
  decision: sharingDecisionSchema,
  status: sharingStatusSchema,
  /** The engine's outcome when the decision was recorded. */
  outcomeAtRecord: sharingOutcomeSchema,
  basis: sharingBasisSchema.nullable(),
  /** Null for a decision not to share: it is not asked how it would be shared. */
  method: sharingMethodSchema.nullable(),
  decidedAt: z.string(),
  decidedByName: z.string(),
  /** Recorded by a practitioner as a proposal. */
  proposal: z.boolean(),
  authorisedAt: z.string().nullable(),
  authorisedByName: z.string().nullable(),
  /** When the information was released: the decision, or the second person's agreement. */
  sharedAt: z.string().nullable(),
  itemsShared: z.number().int(),
  itemsWithheld: z.number().int(),
  addenda: z.number().int(),
});
export type DecisionSummary = z.infer<typeof decisionSummarySchema>;

export const addendumSchema = z.object({
  id: z.string(),
  text: z.string(),
  why: z.string(),
  byName: z.string(),
  at: z.string(),
});

export const authorisationSchema = z.object({
  agreed: z.boolean(),
  byName: z.string(),
  byRoles: z.array(z.enum(ROLES)),
  how: authorisationMethodSchema,
  note: z.string().nullable(),
  at: z.string(),
});

export const decisionSchema = decisionSummarySchema.extend({
  reasons: z.string(),
  recipientContact: z.string().nullable(),
  decidedByRoles: z.array(z.enum(ROLES)),
  needsAuthorisation: z.boolean(),
  /** The request as the engine saw it when the decision was recorded. */
  request: sharingRequestSchema,
  /** The assessment when recorded, and (after a second person agreed) the final one. */
  assessmentAtRecord: assessmentSchema,
  assessment: assessmentSchema,
  items: z.array(frozenItemSchema),
  consent: consentAnswerSchema.nullable(),
  adviceFrom: z.string().nullable(),
  adviceNote: z.string().nullable(),
  authorisation: authorisationSchema.nullable(),
  addenda: z.array(addendumSchema),
  policy: settingSharingPolicySchema,
  /** Who may authorise, in words ("the DSL or a manager"). */
  authorisers: z.string(),
  /** The logged-in user may agree or decline now. */
  canAuthorise: z.boolean(),
  /**
   * When the decision relied on the parents' consent and the register no longer shows it (withdrawn,
   * refused, expired): what happened and what to do. Nothing is shared or printed then.
   */
  basisGone: z.string().nullable(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const assessOutputSchema = z.object({
  assessment: assessmentSchema,
  consent: consentAnswerSchema.nullable(),
  recipient: z.object({ partnerId: z.string(), name: z.string(), kind: recipientKindSchema, attends: z.boolean() }),
  /** The logged-in user records a share only as a proposal for a second person. */
  proposalOnly: z.boolean(),
  /** Needs a second person (from the engine, or because it is a proposal). */
  needsAuthorisation: z.boolean(),
  authorisers: z.string(),
  /** Answers the core cannot accept as they stand (e.g. consent claimed but not in the register). */
  problems: z.array(fieldIssueSchema),
});
export type AssessOutput = z.infer<typeof assessOutputSchema>;

export const sharePackSchema = z.object({
  decision: decisionSchema,
  /** Exactly the approved items, as frozen when the decision was recorded. */
  items: z.array(frozenItemSchema),
  setting: z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  recipient: z.object({ name: z.string(), address: z.string().nullable(), secureEmail: z.string().nullable(), portal: z.string().nullable() }),
  handling: z.array(z.string()),
  thirdPartyWarning: z.string(),
  printedBy: z.string(),
  printedAt: z.string(),
});
export type SharePack = z.infer<typeof sharePackSchema>;

export const sharingListInputSchema = z
  .object({
    childId: idSchema.optional(),
    partnerId: idSchema.optional(),
    status: sharingStatusSchema.optional(),
    decision: sharingDecisionSchema.optional(),
    from: daySchema.optional(),
    to: daySchema.optional(),
    limit: z.number().int().min(1).max(2000).default(500),
  })
  .default({ limit: 500 });

// ---------------------------------------------------------------------------------------
// Plain-English labels
// ---------------------------------------------------------------------------------------

export const SHARING_METHOD_LABELS: Record<SharingMethod, string> = {
  'secure-email': 'Secure email',
  'encrypted-file': 'Encrypted file',
  'in-person': 'In person',
  phone: 'By phone',
  post: 'By post',
  'plain-email': 'Ordinary email',
};

export const HARM_LABELS: Record<Harm, string> = {
  none: 'No risk of significant harm',
  'significant-harm-evidence': 'Evidence that the child is suffering, or is at risk of suffering, significant harm',
  'significant-harm-suspected': 'Reasonable cause to believe the child may be suffering, or is at risk of suffering, significant harm',
  'prevent-significant-harm-or-crime': 'To prevent significant harm to a child or adult, or to prevent, detect or prosecute serious crime',
  'prevent-significant-harm-to-child': 'To prevent significant harm to a child',
  'prevent-harm-to-adult-or-crime': 'To prevent significant harm to an adult, or to prevent, detect or prosecute serious crime',
};


export const RECIPIENT_NEED_LABELS: Record<RecipientNeed, string> = {
  'childs-care': 'Yes, for their part in the child’s care',
  'safeguarding-function': 'Yes, for a statutory safeguarding role (social care, the LADO)',
  'policing-function': 'Yes, for a policing role (preventing or investigating serious crime)',
  none: 'No, they do not need it',
};

/**
 * One sentence beside each question, where it is asked (issue 11.11): what the question means, so it
 * is not answered wrongly.
 */
export const QUESTION_HELP = {
  legitimatePurpose: 'A clear reason that helps the child, such as a safe move to school or protecting them from harm, not curiosity or convenience.',
  recipientNeed: 'Share only with people who need this information to do their job for this child: their care, or a safeguarding or policing duty.',
  identifiable: 'Yes if the child or family could be recognised from it, even without a name.',
  confidential: 'Yes if it was given in confidence or is private, such as health, family or safeguarding information.',
  statutoryDuty: 'Only a law that requires you to share this information. Most shares are not; if unsure, answer No and ask the DSL.',
  courtOrder:
    'Only an order that requires you to share this information, not any order about the family (a prohibited steps or child arrangements order does not). If unsure, answer No and ask the DSL.',
  harm: 'The three critical criteria of our information sharing policy. Answer No risk if none applies.',
  consentScope: 'The consent in the register that covers this information and this recipient.',
  consent: 'The register’s answer is filled in when you choose the consent above.',
  adviceSought: 'Asking the DSL or another professional, without naming the child, when you are unsure.',
  parentsInformed: 'Tell them what will be shared, why and with whom, unless that would be unsafe or inappropriate.',
  method: 'Confidential information goes only by a secure route: secure email, an encrypted file, in person, by phone or by post.',
} as const;

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  given: 'Given',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
  'not-sought': 'Not asked for',
};

export const NOT_SOUGHT_REASON_LABELS: Record<ConsentNotSoughtReason, string> = {
  'would-increase-risk': 'Asking would put a child at more risk',
  'would-prejudice-investigation': 'Asking could harm a police or social care investigation',
  'cannot-contact': 'The parents could not be contacted',
  other: 'Another reason',
};

export const BASIS_LABELS: Record<SharingBasis, string> = {
  consent: 'Consent of the parents',
  'statutory-duty': 'A legal (statutory) duty',
  'court-order': 'A court order',
  safeguarding: 'Safeguarding: risk of significant harm (without consent)',
  'not-confidential': 'Not confidential: consent not needed',
};

export const OUTCOME_LABELS: Record<SharingOutcome, string> = {
  share: 'You may share',
  'do-not-share': 'Do not share',
  'needs-authorisation': 'A second person must agree',
  'needs-more-information': 'More answers are needed',
};

/** The seven golden rules, as seed 002 gives them (Information sharing: advice for practitioners, 2015). */
export const GOLDEN_RULES: readonly string[] = [
  'The Data Protection Act 1998 and human rights law are not barriers to justify information sharing but provide a framework to ensure that personal information about individuals is shared appropriately.',
  'Be open and honest with the person (and/or their family where appropriate) from the outset about why, what, how and with whom information will, or could be shared, and seek their agreement, unless it is unsafe or inappropriate to do so.',
  'Seek advice from other practitioners if you are in any doubt about sharing the information concerned, without disclosing the identity of the person where possible.',
  'Share with consent where appropriate and, where possible, respect the wishes of those who do not consent to share confidential information. You may still share information without consent, if in your judgment, there is good reason to do so, such as where safety may be at risk.',
  'Base your information sharing decisions on considerations of the safety and well-being of the person and others who may be affected by their actions.',
  'Ensure that the information you share is necessary for the purpose for which you are sharing it, is shared only with those people who need to have it, is accurate and up-to-date, is shared in a timely fashion, and is shared securely.',
  'Keep a record of your decision and the reasons for it – whether it is to share information or not. If you decide to share, then record what you have shared, with whom and for what purpose.',
];

// ---------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------

export const sharingChannels = {
  'sharing.items': channel({
    summary: 'Lists the child’s records that can be chosen for a share, and the partners it could go to.',
    access: SHARING_DECIDERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema }),
    output: z.object({
      child: z.object({ id: z.string(), name: z.string() }),
      items: z.array(childRecordItemSchema),
      partners: z.array(z.object({ partnerId: z.string(), name: z.string(), kind: z.string(), attends: z.boolean(), secure: z.boolean() })),
    }),
  }),
  'sharing.assess': channel({
    summary: 'Runs the information-sharing checklist on a draft, with consent from the consent register.',
    access: SHARING_DECIDERS,
    kind: 'read',
    sensitive: true,
    input: sharingDraftSchema,
    output: assessOutputSchema,
  }),
  'sharing.record': channel({
    summary: 'Records a decision to share or not to share, with the reasons; the checklist is run again in the core.',
    access: SHARING_DECIDERS,
    kind: 'write',
    input: sharingRecordSchema,
    output: z.object({ id: z.string(), status: sharingStatusSchema }),
  }),
  'sharing.authorise': channel({
    summary: 'A second person agrees (or does not agree) to a decision to share that awaits authorisation.',
    access: SHARING_AUTHORISE_ACCESS,
    kind: 'write',
    input: z
      .object({
        sharingId: idSchema,
        agree: z.boolean({ error: 'Say whether you agree.' }),
        note: optionalText('Note', 2000),
        /** Someone else at this laptop confirms with their own password; otherwise the logged-in user authorises. */
        authoriser: secondPersonSchema.optional(),
      })
      .superRefine((v, ctx) => {
        if (!v.agree && !v.note?.trim()) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why you do not agree.' });
      }),
    output: z.object({ status: sharingStatusSchema }),
  }),
  'sharing.pending': channel({
    summary: 'Decisions to share that are waiting for a second person to agree.',
    access: SHARING_AUTHORISE_ACCESS,
    kind: 'read',
    sensitive: true,
    input: noInput,
    output: z.object({ decisions: z.array(decisionSummarySchema), canAuthorise: z.boolean(), authorisers: z.string() }),
  }),
  'sharing.list': channel({
    summary: 'The register of information-sharing decisions, filtered by child, recipient, outcome and dates.',
    access: SHARING_READERS,
    kind: 'read',
    sensitive: true,
    input: sharingListInputSchema,
    output: z.object({ decisions: z.array(decisionSummarySchema), total: z.number().int() }),
  }),
  'sharing.get': channel({
    summary: 'Opens one information-sharing decision with what was shared, the checklist and any addenda.',
    access: [...SHARING_READERS, 'practitioner', 'senco'],
    kind: 'read',
    sensitive: true,
    input: z.object({ sharingId: idSchema }),
    output: decisionSchema,
  }),
  'sharing.pack': channel({
    summary: 'Prepares the share pack: a cover sheet and exactly the approved items (printing it is audited).',
    access: [...SHARING_READERS, 'practitioner'],
    kind: 'read',
    sensitive: true,
    input: z.object({ sharingId: idSchema }),
    output: sharePackSchema,
  }),
  'sharing.addendum': channel({
    summary: 'Adds an addendum to a recorded decision (decisions are never changed): who, when, why.',
    access: ['dsl', 'manager'],
    kind: 'write',
    input: z.object({ sharingId: idSchema, text: text('The addendum', 4000), why: text('Why it is added', 1000) }),
    output: z.object({ addendumId: z.string() }),
  }),
  'sharing.policy': channel({
    summary: 'Reads the setting’s information-sharing policy: who authorises, and when.',
    access: 'any-user',
    kind: 'read',
    input: noInput,
    output: settingSharingPolicySchema,
  }),
  'sharing.setPolicy': channel({
    summary: 'Changes the setting’s information-sharing policy: who authorises, and when.',
    access: SHARING_POLICY_KEEPERS,
    kind: 'write',
    input: settingSharingPolicyInputSchema,
    output: settingSharingPolicySchema,
  }),
};
