import { z } from 'zod';
import { consentScopeSchema } from './consent';
import { channel, daySchema, idSchema, text } from './define';
import { CHILD_READERS, optionalDaySchema, optionalText } from './fields';

// The information sharing agreement (issue 13; the information sharing guidance's "information
// sharing tool"): one per child in shared care, in three parts (about each setting, about the child,
// how we will share), signed by each parent with parental responsibility and each key person. A fully
// signed version is frozen; a change makes a new draft version, and earlier versions stay readable.

/** Key persons complete it with the parents; the office and managers keep it too. */
export const AGREEMENT_KEEPERS = ['practitioner', 'office', 'dsl', 'manager', 'admin'] as const;

export const AGREEMENT_STATUSES = ['draft', 'signed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The guidance's channels: "communication book", "week view diary book", phone, email, meetings. */
export const SHARE_CHANNELS = ['communication-book', 'week-view-diary', 'phone', 'email', 'meetings'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];
export const SHARE_CHANNEL_LABELS: Record<ShareChannel, string> = {
  'communication-book': 'Communication book',
  'week-view-diary': 'Week-view diary',
  phone: 'Phone',
  email: 'Email',
  meetings: 'Meetings',
};

/** The consents an agreement relies on: what it says will pass between the settings. */
export const AGREEMENT_CONSENT_SCOPES = ['diary', 'observations', 'home-visits'] as const;

// ---------------------------------------------------------------------------------------
// The three parts
// ---------------------------------------------------------------------------------------

/** Who completed a part and when (typed, e.g. "Amira Khan, mum, with Sarah Jones"). */
const completed = {
  completedBy: optionalText('Who completed it', 160),
  completedOn: optionalDaySchema,
};

/** About one setting the child attends: ours (`partnerId` null) or a partner's. */
export const settingPartSchema = z.object({
  partnerId: idSchema.nullable(),
  address: optionalText('Address', 400),
  openingHours: optionalText('Opening hours', 200),
  childDays: optionalText('The child’s days there', 200),
  keyPersonName: optionalText('Key person', 120),
  keyPersonContact: optionalText('How to reach the key person', 200),
  dslName: optionalText('Designated safeguarding lead', 120),
  dslContact: optionalText('How to reach the DSL', 200),
  preferredContact: optionalText('How they prefer to hear from the others', 300),
  concernsAgreement: optionalText('What was agreed about telling each other of concerns', 1000),
  ...completed,
});
export type SettingPart = z.infer<typeof settingPartSchema>;

/** About the child, completed with the parents. */
export const childPartSchema = z.object({
  routines: optionalText('Routines', 1000),
  sleep: optionalText('Sleep', 1000),
  food: optionalText('Food', 1000),
  comforters: optionalText('Comforters', 500),
  languages: optionalText('Languages', 300),
  likes: optionalText('Likes', 1000),
  dislikes: optionalText('Dislikes', 1000),
  health: optionalText('Health, in the parents’ words', 1000),
  everySettingShouldKnow: optionalText('What the parents want every setting to know', 2000),
  worries: optionalText('The parents’ worries', 2000),
  ...completed,
});
export type ChildPart = z.infer<typeof childPartSchema>;

export const passOnSchema = z.object({
  what: text('What is passed on', 200),
  who: optionalText('Who passes it on', 200),
  howFast: text('How fast', 120),
});

/** How we will share. */
export const sharingPartSchema = z.object({
  channels: z
    .array(z.enum(SHARE_CHANNELS, { error: 'Choose the ways you will share from the list.' }))
    .max(SHARE_CHANNELS.length)
    .refine((c) => new Set(c).size === c.length, 'Choose each way once.'),
  howOften: optionalText('How often', 300),
  passOn: z.array(passOnSchema).max(20, 'At most 20 lines.'),
  transfers: optionalText('Anything else agreed about transfers between the settings', 1000),
  emergencyContacts: optionalText('How emergency contacts are kept current', 500),
  reviewOn: optionalDaySchema,
  ...completed,
});
export type SharingPart = z.infer<typeof sharingPartSchema>;

// ---------------------------------------------------------------------------------------
// Signers and signatures
// ---------------------------------------------------------------------------------------

/** Who signs: a parent (a carer of this child) or a key person (ours: `partnerId` null). */
export const signerSchema = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('parent'), carerId: idSchema }), z.object({ kind: z.literal('key-person'), partnerId: idSchema.nullable() })],
  { error: 'Choose who is signing.' },
);
export type Signer = z.infer<typeof signerSchema>;

/** A drawn signature: a PNG from the signature pad, checked again in the core (size, format). */
export const MAX_SIGNATURE_BYTES = 200_000;
export const PNG_DATA_URL = 'data:image/png;base64,';

export const signatureSchema = z.discriminatedUnion(
  'method',
  [
    z.object({
      method: z.literal('drawn'),
      image: z
        .string({ error: 'Draw the signature in the box.' })
        .max(Math.ceil((MAX_SIGNATURE_BYTES * 4) / 3) + PNG_DATA_URL.length + 4, 'That signature is too large. Clear it and sign again.')
        .refine((s) => s.startsWith(PNG_DATA_URL), 'Draw the signature in the box.'),
    }),
    z.object({ method: z.literal('typed'), typedName: text('The name typed as a signature', 120), signedOn: daySchema }),
    z.object({ method: z.literal('paper'), signedOn: daySchema }),
  ],
  { error: 'Choose how they signed: drawn, typed or on paper.' },
);
export type SignatureInput = z.infer<typeof signatureSchema>;

export const SIGNATURE_METHOD_LABELS = { drawn: 'Signed on screen', typed: 'Typed name', paper: 'Signed on paper' } as const;

export const signatureRecordSchema = z.object({
  method: z.enum(['drawn', 'typed', 'paper']),
  image: z.string().nullable(),
  typedName: z.string().nullable(),
  signedOn: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});

export const signerRowSchema = z.object({
  /** Pass back to `agreements.sign`. */
  signer: signerSchema,
  role: z.enum(['parent', 'key-person']),
  name: z.string(),
  /** "Mum", or the setting's name for a key person. */
  describe: z.string(),
  signature: signatureRecordSchema.nullable(),
});
export type SignerRow = z.infer<typeof signerRowSchema>;

// ---------------------------------------------------------------------------------------
// The agreement as read
// ---------------------------------------------------------------------------------------

export const agreementSettingSchema = settingPartSchema.extend({
  name: z.string(),
  /** Ours or a partner's: which part is whose. */
  ours: z.boolean(),
});

export const agreementSchema = z.object({
  /** The saved version (null before anything is saved), for papers attached to it. */
  id: z.string().nullable(),
  childId: z.string(),
  childName: z.string(),
  dateOfBirth: z.string(),
  version: z.number().int().min(1),
  status: z.enum(AGREEMENT_STATUSES),
  /** False: nothing saved yet (a draft filled in from the records). */
  saved: z.boolean(),
  inSharedCare: z.boolean(),
  settings: z.array(agreementSettingSchema),
  child: childPartSchema,
  sharing: sharingPartSchema,
  /** From the records: live for a draft, as they were when it was signed for a signed version. */
  records: z.object({
    health: z.array(z.object({ kind: z.string(), name: z.string(), detail: z.string().nullable(), managedBy: z.array(z.string()), parentsDo: z.string().nullable() })),
    transfers: z.array(z.object({ partnerName: z.string(), who: z.string().nullable(), when: z.string().nullable(), handover: z.string().nullable() })),
    contacts: z.array(z.object({ name: z.string(), relationship: z.string(), phone: z.string(), lastVerifiedOn: z.string(), needsCheck: z.boolean() })),
  }),
  /** The consents it relies on, with their state today (always today's: a consent can be withdrawn after signing). */
  consents: z.array(z.object({ partnerId: z.string(), partnerName: z.string(), scope: consentScopeSchema, valid: z.boolean(), message: z.string(), consentId: z.string().nullable() })),
  signers: z.array(signerRowSchema),
  createdAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  reviewDue: z.boolean(),
  /** Why it cannot be signed yet, in words (e.g. no parent with parental responsibility recorded). */
  problems: z.array(z.string()),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const AGREEMENT_ATTENTION = ['missing', 'unsigned', 'review-due'] as const;
export const AGREEMENT_ATTENTION_LABELS: Record<(typeof AGREEMENT_ATTENTION)[number], string> = {
  missing: 'No agreement yet',
  unsigned: 'Not signed by everyone',
  'review-due': 'Past its review date',
};

export const agreementsChannels = {
  'agreements.get': channel({
    summary: 'Reads a child’s information sharing agreement: the current version (or one asked for), its three parts, the records and consents it relies on, and its signatures.',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema, version: z.number().int().min(1).max(10_000).optional() }),
    output: agreementSchema,
  }),
  'agreements.versions': channel({
    summary: 'Lists the versions of a child’s information sharing agreement.',
    access: CHILD_READERS,
    kind: 'read',
    input: z.object({ childId: idSchema }),
    output: z.object({
      versions: z.array(z.object({ version: z.number().int(), status: z.enum(AGREEMENT_STATUSES), createdAt: z.string(), signedAt: z.string().nullable(), reviewOn: z.string().nullable() })),
    }),
  }),
  'agreements.update': channel({
    summary: 'Changes a part of a child’s information sharing agreement; a signed (or partly signed) version is kept and the change becomes a new draft.',
    access: AGREEMENT_KEEPERS,
    kind: 'write',
    input: z.object({
      childId: idSchema,
      settings: z.array(settingPartSchema).max(10).optional(),
      child: childPartSchema.optional(),
      sharing: sharingPartSchema.optional(),
    }),
    output: z.object({ version: z.number().int(), status: z.enum(AGREEMENT_STATUSES), newVersion: z.boolean() }),
  }),
  'agreements.sign': channel({
    summary: 'Records a signature on a child’s information sharing agreement (drawn, typed or on paper); the last one freezes the version.',
    access: AGREEMENT_KEEPERS,
    kind: 'write',
    input: z.object({ childId: idSchema, version: z.number({ error: 'Say which version is being signed.' }).int().min(1), signer: signerSchema, signature: signatureSchema }),
    output: z.object({ status: z.enum(AGREEMENT_STATUSES), version: z.number().int() }),
  }),
  'agreements.attention': channel({
    summary: 'Lists children in shared care whose information sharing agreement is missing, not fully signed or past its review date.',
    access: CHILD_READERS,
    kind: 'read',
    input: z.object({}).strict().optional(),
    output: z.object({
      children: z.array(z.object({ childId: z.string(), childName: z.string(), why: z.enum(AGREEMENT_ATTENTION), version: z.number().int().nullable(), reviewOn: z.string().nullable() })),
    }),
  }),
};

