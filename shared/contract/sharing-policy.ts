import { z } from 'zod';
import { roleSchema, type Role } from './define';

// Contract for the information-sharing policy engine (electron/core/policy).
// The engine is pure: it takes a SharingRequest (the practitioner's answers to the
// "questions before sharing" in seeds 001 and 004) and a SharingPolicy (the setting's own
// choices) and returns an Assessment. Types come from the schemas, never written twice.

// ---------------------------------------------------------------------------------------
// Roles
// ---------------------------------------------------------------------------------------

// Roles come from the one definition in define.ts.
export { roleSchema, type Role };

// ---------------------------------------------------------------------------------------
// The request: what the practitioner wants to share, with whom, how, and on what basis
// ---------------------------------------------------------------------------------------

export const consentStatusSchema = z.enum(['given', 'refused', 'withdrawn', 'not-sought']);
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

// Seed 001: "If consent is refused, or there are good reasons not to seek consent ...".
// Only the first two are good reasons; the others mean "seek consent first".
export const consentNotSoughtReasonSchema = z.enum([
  'would-increase-risk',
  'would-prejudice-investigation',
  'cannot-contact',
  'other',
]);
export type ConsentNotSoughtReason = z.infer<typeof consentNotSoughtReasonSchema>;

// Seed 001's three critical criteria, plus 'none'.
//  - significant-harm-evidence: evidence that the child is suffering, or is at risk of
//    suffering, significant harm;
//  - significant-harm-suspected: reasonable cause to believe that a child may be suffering,
//    or is at risk of suffering, significant harm;
//  - prevent-significant-harm-or-crime: to prevent significant harm to children or adults,
//    including the prevention, detection and prosecution of serious crime.
//
// The third criterion mixes a child with an adult and with crime, so seed 004's "except in cases
// of child protection" could not be told apart. New decisions answer it with one of two values:
//  - prevent-significant-harm-to-child: to prevent significant harm to a child;
//  - prevent-harm-to-adult-or-crime: to prevent significant harm to an adult, or to prevent,
//    detect or prosecute serious crime.
// 'prevent-significant-harm-or-crime' stays for decisions recorded before the split (it keeps
// its meaning; the form no longer offers it).
export const harmSchema = z.enum(
  [
    'none',
    'significant-harm-evidence',
    'significant-harm-suspected',
    'prevent-significant-harm-or-crime',
    'prevent-significant-harm-to-child',
    'prevent-harm-to-adult-or-crime',
  ],
  { error: 'Say whether a child is at risk of significant harm.' },
);
export type Harm = z.infer<typeof harmSchema>;

/** The criteria that are about harm to a child (child protection, seed 004). */
export const CHILD_PROTECTION_HARMS: readonly Harm[] = [
  'significant-harm-evidence',
  'significant-harm-suspected',
  'prevent-significant-harm-to-child',
];

export const thirdPartySourceSchema = z.object({
  // The agency that gave us this information (seed 001, 1.3: third-party information).
  agency: z.string({ error: 'Say which agency it came from.' }).trim().min(1, 'Say which agency it came from.'),
  // Has that agency agreed to it being passed on?
  agencyConsent: z.boolean({ error: 'Say whether that agency agreed to it being passed on.' }),
  // Who at the agency agreed, when and how (required by the core for new decisions; absent in
  // decisions recorded before they were asked).
  agreedBy: z.string().trim().max(160, 'Keep “Who agreed” to 160 characters or fewer.').optional(),
  agreedOn: z.string().max(10).optional(),
  agreedHow: z.string().trim().max(200, 'Keep “How they agreed” to 200 characters or fewer.').optional(),
});
export type ThirdPartySource = z.infer<typeof thirdPartySourceSchema>;

export const sharingItemSchema = z.object({
  id: z.string().min(1),
  // e.g. 'development-summary', 'concern', 'attendance' - free text, owned by the features.
  kind: z.string().min(1),
  label: z.string().optional(),
  // Is this piece necessary for the purpose? (golden rule 6)
  necessary: z.boolean(),
  thirdParty: thirdPartySourceSchema.optional(),
  // Seed 001 3.4: some kinds of information need the parents' written consent in their own
  // scope (additional needs; development summaries for the next provider or school). The core
  // checks the register for the item's scope and says here whether it is covered; absent means
  // the item needs no consent of its own (and in decisions recorded before this was checked).
  ownConsent: z.object({ covered: z.boolean(), needs: z.string() }).optional(),
});
export type SharingItem = z.infer<typeof sharingItemSchema>;

export const recipientKindSchema = z.enum([
  'setting',
  'school',
  'social-care',
  'police',
  'health',
  'parent',
  'other',
]);
export type RecipientKind = z.infer<typeof recipientKindSchema>;

// Golden rule 6: "shared only with those people who need to have it". Why the recipient needs
// it: for their part in the child's care, or for a statutory safeguarding or policing function
// (seed 001's third criterion; the LADO), or they do not need it.
export const recipientNeedSchema = z.enum(['childs-care', 'safeguarding-function', 'policing-function', 'none'], {
  error: 'Say whether they need this information for their role.',
});
export type RecipientNeed = z.infer<typeof recipientNeedSchema>;

export const sharingRecipientSchema = z.object({
  name: z.string().trim().min(1),
  kind: recipientKindSchema,
  // Decisions recorded before `need` was asked answered only this: a role in the child's care.
  // It keeps that meaning; new requests set it to need === 'childs-care'.
  hasRoleInChildsCare: z.boolean(),
  need: recipientNeedSchema.optional(),
});
export type SharingRecipient = z.infer<typeof sharingRecipientSchema>;

export const sharingMethodSchema = z.enum([
  'secure-email',
  'encrypted-file',
  'in-person',
  'phone',
  'post',
  'plain-email',
]);
export type SharingMethod = z.infer<typeof sharingMethodSchema>;

export const sharingPersonSchema = z.object({
  userId: z.string().trim().min(1),
  roles: z.array(roleSchema),
});
export type SharingPerson = z.infer<typeof sharingPersonSchema>;

// Item ids must be unique so that "shared" and "withheld" can be reported per item.
const sharingItemsSchema = z.array(sharingItemSchema).superRefine((items, ctx) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Each piece of information must have its own id.',
        path: [index, 'id'],
      });
    }
    seen.add(item.id);
  });
});

// Seed 001 3.5: "Is there a statutory duty or court order requiring us to share the
// information?" A yes must name it: which order or law, and its reference or date.
export const legalRequirementSchema = z.object({
  what: z.string().trim().min(1, 'Name the court order or the law.').max(300, 'Keep it to 300 characters or fewer.'),
  reference: z.string().trim().min(1, 'Give its reference or date.').max(200, 'Keep it to 200 characters or fewer.'),
});
export type LegalRequirement = z.infer<typeof legalRequirementSchema>;

export const sharingRequestSchema = z.object({
  purpose: z.string().trim().min(1),
  legitimatePurpose: z.boolean(),
  identifiable: z.boolean(),
  confidential: z.boolean(),
  consent: consentStatusSchema,
  // Only read when consent is 'not-sought'; absent then means "needs more information".
  consentNotSoughtReason: consentNotSoughtReasonSchema.optional(),
  statutoryDuty: z.boolean(),
  courtOrder: z.boolean(),
  // Required for a court order or statutory duty to count (absent: more information needed).
  legalRequirement: legalRequirementSchema.optional(),
  harm: harmSchema,
  // May be empty while a request is being drafted; the engine then asks for more information.
  items: sharingItemsSchema,
  recipient: sharingRecipientSchema,
  parentsInformed: z.boolean(),
  // Needed in practice when parentsInformed is false ("unless it is unsafe or inappropriate").
  parentsNotInformedReason: z.string().optional(),
  // Absent only for a decision not to share, which is not asked how it would be shared.
  method: sharingMethodSchema.optional(),
  decidedBy: sharingPersonSchema,
  authorisedBy: sharingPersonSchema.optional(),
});
export type SharingRequest = z.infer<typeof sharingRequestSchema>;

// ---------------------------------------------------------------------------------------
// The setting's policy
// ---------------------------------------------------------------------------------------

// Only these roles can ever back up a decision (seed 001: "the back-up of the management team";
// seed 004: "the head teacher or the SENCO"). A setting may narrow the list, never widen it.
export const ELIGIBLE_AUTHORISER_ROLES = ['dsl', 'manager', 'senco'] as const satisfies readonly Role[];
// Only these may rely on a court order or statutory duty (issue 11): a practitioner's proposal
// on that basis waits for one of them.
export const LEGAL_BASIS_ROLES = ['dsl', 'manager'] as const satisfies readonly Role[];

export const sharingPolicySchema = z.object({
  // Who may be the second person that authorises a share (seed 001: "the management team";
  // seed 004: "the head teacher or the SENCO"). Only ELIGIBLE_AUTHORISER_ROLES ever count.
  authorisingRoles: z.array(roleSchema).min(1),
  // false: authorisation only when overriding or not seeking consent (seed 001).
  // true: every share of identifiable confidential information needs it.
  authorisationForAllConfidential: z.boolean(),
  // Seed 004: "All decisions to share information should be authorized by either the head
  // teacher or the SENCO": every decision to share, confidential or not. Absent: false.
  authorisationForAllShares: z.boolean().optional(),
  // Seed 004: "Except in cases of child protection, the parent's wishes must be respected if
  // they do not give consent": a refusal is overridden only for harm to a child. Absent: false.
  overrideOnlyForChildProtection: z.boolean().optional(),
  // What the setting calls its roles (seed 004: "head teacher" for the manager).
  roleNames: z.partialRecord(z.enum(ELIGIBLE_AUTHORISER_ROLES), z.string().trim().max(60, "Keep each name to 60 characters or fewer.")).optional(),
});
export type SharingPolicy = z.infer<typeof sharingPolicySchema>;

// Seed 001: the DSL or a manager backs up a decision to share without consent; decisions
// with consent (or not about confidential information) may be taken by one person.
export const DEFAULT_SHARING_POLICY: SharingPolicy = Object.freeze({
  authorisingRoles: ['dsl', 'manager'] satisfies Role[],
  authorisationForAllConfidential: false,
});

// ---------------------------------------------------------------------------------------
// The assessment
// ---------------------------------------------------------------------------------------

export const sharingOutcomeSchema = z.enum([
  'share',
  'do-not-share',
  'needs-authorisation',
  'needs-more-information',
]);
export type SharingOutcome = z.infer<typeof sharingOutcomeSchema>;

// The lawful basis recorded with a share (DOMAIN.md: "The software records the basis").
export const sharingBasisSchema = z.enum([
  'consent',
  'statutory-duty',
  'court-order',
  'safeguarding',
  'not-confidential',
]);
export type SharingBasis = z.infer<typeof sharingBasisSchema>;

// Stable rule ids, in the order the checks are listed (the order of seed 001's questions,
// then the "right information, right people, right way" checks, then recording).
export const sharingRuleSchema = z.enum([
  'legitimate-purpose',
  'role-in-care',
  'identifiable-confidential',
  'statutory-duty-or-court-order',
  'consent',
  'public-interest',
  'second-person-authorisation',
  'necessary-items',
  'third-party-information',
  'secure-method',
  'open-and-honest',
  'record-decision',
]);
export type SharingRule = z.infer<typeof sharingRuleSchema>;

export const SHARING_RULE_IDS: readonly SharingRule[] = sharingRuleSchema.options;

export const sharingCheckSchema = z.object({
  rule: sharingRuleSchema,
  // true when this rule does not stand in the way of sharing; false when it holds the
  // share back (the message says what to do).
  ok: z.boolean(),
  message: z.string(),
  // The parents refused or withdrew consent: the screen shows a refusal as such, never as a
  // plain tick ('respected': it stops the share; 'overridden': shared without consent because
  // of significant harm). Absent in checks recorded before this was added.
  refusal: z.enum(['respected', 'overridden']).optional(),
});
export type SharingCheck = z.infer<typeof sharingCheckSchema>;

export const withheldItemSchema = z.object({
  id: z.string(),
  reason: z.string(),
});
export type WithheldItem = z.infer<typeof withheldItemSchema>;

export const assessmentSchema = z.object({
  outcome: sharingOutcomeSchema,
  // Present when the outcome is 'share', or 'needs-authorisation' (the basis the authoriser
  // is asked to agree to); absent otherwise.
  basis: sharingBasisSchema.optional(),
  // Item ids, in request order. Together with itemsWithheld they cover every item once.
  itemsToShare: z.array(z.string()),
  itemsWithheld: z.array(withheldItemSchema),
  // One check per rule, every rule, in SHARING_RULE_IDS order.
  checks: z.array(sharingCheckSchema),
});
export type Assessment = z.infer<typeof assessmentSchema>;

// ---------------------------------------------------------------------------------------
// Help text for the UI: a plain-English title and the seed rule each check comes from
// ---------------------------------------------------------------------------------------

export interface SharingRuleHelp {
  title: string;
  quote: string;
  source: string;
}

export const SHARING_RULES: Readonly<Record<SharingRule, SharingRuleHelp>> = Object.freeze({
  'legitimate-purpose': {
    title: 'Is there a good reason to share?',
    quote: 'Is there legitimate purpose to sharing the information?',
    source: 'Our information sharing policy, 3.5',
  },
  'role-in-care': {
    title: 'Do they need it for their role?',
    quote: '… is shared only with those people who need to have it …',
    source: 'Information sharing advice, golden rule 6',
  },
  'identifiable-confidential': {
    title: 'Does it identify the child or family, and is it confidential?',
    quote:
      'Does the information enable the person to be identified? Is the information confidential?',
    source: 'Our information sharing policy, 3.5',
  },
  'statutory-duty-or-court-order': {
    title: 'Does the law or a court order require it?',
    quote:
      'Is there a statutory duty or court order requiring us to share the information?',
    source: 'Our information sharing policy, 3.5',
  },
  consent: {
    title: 'Have the parents agreed?',
    quote:
      'Share with consent where appropriate and, where possible, respect the wishes of those who do not consent to share confidential information.',
    source: 'Information sharing advice, golden rule 4',
  },
  'public-interest': {
    title: 'Is a child at risk of significant harm?',
    quote:
      'If consent is refused, or there are good reasons not to seek consent, is there sufficient public interest for us to share information?',
    source: 'Our information sharing policy, 3.5',
  },
  'second-person-authorisation': {
    title: 'Has a second person agreed?',
    quote:
      'The decision should never be made as an individual, but with the back-up of the management team.',
    source: 'Our information sharing policy, section 2',
  },
  'necessary-items': {
    title: 'Is each piece of information needed?',
    quote:
      'Ensure that the information you share is necessary for the purpose for which you are sharing it …',
    source: 'Information sharing advice, golden rule 6',
  },
  'third-party-information': {
    title: 'Information from other agencies',
    quote:
      'Information shared by other agencies with us is regarded as third party information. This is also kept in confidence and not shared without consent from that agency.',
    source: 'Our information sharing policy, 1.3',
  },
  'secure-method': {
    title: 'Is it being sent securely?',
    quote: '… is shared in a timely fashion, and is shared securely.',
    source: 'Information sharing advice, golden rule 6',
  },
  'open-and-honest': {
    title: 'Have the parents been told?',
    quote:
      'Be open and honest with the person (and/or their family where appropriate) from the outset about why, what, how and with whom information will, or could be shared, and seek their agreement, unless it is unsafe or inappropriate to do so.',
    source: 'Information sharing advice, golden rule 2',
  },
  'record-decision': {
    title: 'Record the decision and the reasons',
    quote:
      'Keep a record of your decision and the reasons for it – whether it is to share information or not.',
    source: 'Information sharing advice, golden rule 7',
  },
});
