import { z } from 'zod';
import { channel, daySchema, idOutput, idSchema, noInput, okOutput, roleSchema, text } from './define';
import { CHILD_READERS, optionalEmail, optionalText, RECORD_KEEPERS } from './fields';

// Our setting: its details (for the information sharing tool, seed 000) and its policies with
// adopted and review dates (seed 001: "Date to be reviewed"). The setting's name is the same one
// `settings.update` changes.

export const settingProfileSchema = z.object({
  name: z.string(),
  address: z.string().nullable(),
  /** Ofsted unique reference number. */
  urn: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openingHours: z.string().nullable(),
  dslUserId: z.string().nullable(),
  dslName: z.string().nullable(),
  deputyDslUserId: z.string().nullable(),
  deputyDslName: z.string().nullable(),
  managerUserId: z.string().nullable(),
  managerName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type SettingProfile = z.infer<typeof settingProfileSchema>;

export const settingUpdateSchema = z.object({
  name: text('The setting name', 120).optional(),
  address: optionalText('Address', 400),
  urn: z
    .string()
    .trim()
    .refine((s) => s === '' || /^(EY|ey)?\d{6,7}$/.test(s), 'An Ofsted URN is 6 or 7 digits, sometimes after EY (e.g. EY123456).')
    .optional(),
  phone: optionalText('Phone', 40),
  email: optionalEmail('Email'),
  openingHours: optionalText('Opening hours', 300),
  dslUserId: idSchema.nullable().optional(),
  deputyDslUserId: idSchema.nullable().optional(),
  managerUserId: idSchema.nullable().optional(),
});

export const POLICY_SUGGESTIONS = [
  'Information sharing',
  'Safeguarding and child protection',
  'Working in partnership with other agencies',
  'Children’s records',
  'Confidentiality and data protection',
  'Supporting children with SEND',
  'Administering medicines',
  'Uncollected child',
] as const;

export const policySchema = z.object({
  id: z.string(),
  title: z.string(),
  adoptedOn: z.string(),
  lastReviewedOn: z.string().nullable(),
  nextReviewOn: z.string(),
  /** The review date has passed. */
  overdue: z.boolean(),
  notes: z.string().nullable(),
  reviews: z.array(
    z.object({ reviewedOn: z.string(), nextReviewOn: z.string(), note: z.string().nullable(), recordedAt: z.string(), recordedByName: z.string().nullable() }),
  ),
});
export type Policy = z.infer<typeof policySchema>;

export const policyAddSchema = z
  .object({
    title: text('Title', 160),
    adoptedOn: daySchema,
    nextReviewOn: daySchema,
    notes: optionalText('Notes', 1000),
  })
  .refine((v) => v.nextReviewOn >= v.adoptedOn, { path: ['nextReviewOn'], message: 'The review date is before the policy was adopted.' });

export const policyReviewSchema = z
  .object({
    policyId: idSchema,
    reviewedOn: daySchema,
    nextReviewOn: daySchema,
    note: optionalText('Note', 1000),
  })
  .refine((v) => v.nextReviewOn > v.reviewedOn, { path: ['nextReviewOn'], message: 'The next review must be after this review.' });

export const settingChannels = {
  'setting.get': channel({
    summary: 'Reads our setting’s details: address, Ofsted URN, phone, hours, DSL, deputy and manager.',
    access: CHILD_READERS,
    kind: 'read',
    input: noInput,
    output: settingProfileSchema,
  }),
  'setting.update': channel({
    summary: 'Changes our setting’s details.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: settingUpdateSchema,
    output: settingProfileSchema,
  }),
  'setting.staff': channel({
    summary: 'Lists active staff by name, for choosing key persons, the DSL and the manager.',
    access: CHILD_READERS,
    kind: 'read',
    input: noInput,
    output: z.object({ staff: z.array(z.object({ id: z.string(), fullName: z.string(), roles: z.array(roleSchema) })) }),
  }),
  'setting.policies': channel({
    summary: 'Lists our policies with adopted and review dates; overdue reviews are flagged.',
    access: CHILD_READERS,
    kind: 'read',
    input: noInput,
    output: z.object({ policies: z.array(policySchema), overdueCount: z.number().int(), today: z.string() }),
  }),
  'setting.addPolicy': channel({
    summary: 'Adds a policy with the day it was adopted and the day it is next reviewed.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: policyAddSchema,
    output: idOutput,
  }),
  'setting.reviewPolicy': channel({
    summary: 'Records a review of a policy and sets the next review date (earlier reviews are kept).',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: policyReviewSchema,
    output: okOutput,
  }),
  'setting.retirePolicy': channel({
    summary: 'Marks a policy as no longer in use (kept on record).',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: z.object({ policyId: idSchema, reason: text('The reason', 500) }),
    output: okOutput,
  }),
};
