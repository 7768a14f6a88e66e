import { z } from 'zod';
import { channel, idOutput, idSchema, okOutput, text } from './define';
import { CHILD_READERS, FAMILY_KEEPERS, optionalDaySchema, optionalEmail, optionalText } from './fields';

// The partners directory: other settings and childminders the children attend, schools, health
// visitors, children's social care, police, SEND and other agencies (seed 000, DOMAIN "Partners").

export const PARTNER_KINDS = ['setting', 'childminder', 'school', 'health', 'social-care', 'police', 'send', 'other'] as const;
export const partnerKindSchema = z.enum(PARTNER_KINDS, { error: 'Choose what kind of partner this is.' });
export type PartnerKind = z.infer<typeof partnerKindSchema>;

/** Short names for tables and lists. */
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  setting: 'Early years setting',
  childminder: 'Childminder',
  school: 'School',
  health: 'Health',
  'social-care': 'Children’s social care',
  police: 'Police',
  send: 'SEND service',
  other: 'Other agency',
};

/** The choices in the partner form, with a hint where the short name alone may not be enough. */
export const PARTNER_KIND_FORM_LABELS: Record<PartnerKind, string> = {
  ...PARTNER_KIND_LABELS,
  health: 'Health (e.g. health visitor)',
};

/** Partners a child can attend as well as us (shared care). */
export const CARE_PARTNER_KINDS: readonly PartnerKind[] = ['setting', 'childminder', 'school'];

export const partnerContactSchema = z.object({
  name: text('The contact’s name', 120),
  role: optionalText('Role', 120),
  phone: optionalText('Phone', 40),
  email: optionalEmail('Email'),
});
export type PartnerContact = z.infer<typeof partnerContactSchema>;

const partnerFields = {
  name: text('Name', 160),
  kind: partnerKindSchema,
  address: optionalText('Address', 400),
  phone: optionalText('Phone', 40),
  email: optionalEmail('Email'),
  /** A secure way to send personal information: a secure email address and/or a portal. */
  secureEmail: optionalEmail('Secure email'),
  portal: optionalText('Portal', 300),
  /** How the secure contact method was checked (e.g. "phoned the office on the number from their website"). */
  secureVerifiedNote: optionalText('How it was verified', 500),
  secureVerifiedOn: optionalDaySchema,
  contacts: z.array(partnerContactSchema).max(30, 'At most 30 named contacts.').optional(),
  notes: optionalText('Notes', 2000),
};

export const partnerCreateSchema = z.object(partnerFields);
export const partnerUpdateSchema = z.object({
  partnerId: idSchema,
  ...z.object(partnerFields).partial().shape,
  /** A partner no longer worked with is marked inactive, never deleted (consents and history name it). */
  active: z.boolean().optional(),
});

export const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: partnerKindSchema,
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  secureEmail: z.string().nullable(),
  portal: z.string().nullable(),
  secureVerifiedNote: z.string().nullable(),
  secureVerifiedOn: z.string().nullable(),
  contacts: z.array(
    z.object({ name: z.string(), role: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }),
  ),
  notes: z.string().nullable(),
  active: z.boolean(),
  /** Children currently in shared care with this partner. */
  childrenCount: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type Partner = z.infer<typeof partnerSchema>;

export const partnersChannels = {
  'partners.list': channel({
    summary: 'Lists the partners directory: other settings, schools and agencies.',
    access: CHILD_READERS,
    kind: 'read',
    input: z
      .object({
        kind: partnerKindSchema.optional(),
        includeInactive: z.boolean().optional(),
      })
      .optional(),
    output: z.object({ partners: z.array(partnerSchema) }),
  }),
  'partners.get': channel({
    summary: 'Reads one partner with its named contacts.',
    access: CHILD_READERS,
    kind: 'read',
    input: z.object({ partnerId: idSchema }),
    output: partnerSchema,
  }),
  'partners.create': channel({
    summary: 'Adds a partner to the directory.',
    access: FAMILY_KEEPERS,
    kind: 'write',
    input: partnerCreateSchema,
    output: idOutput,
  }),
  'partners.update': channel({
    summary: 'Changes a partner’s details (the change is audited).',
    access: FAMILY_KEEPERS,
    kind: 'write',
    input: partnerUpdateSchema,
    output: okOutput,
  }),
};
