import { z } from 'zod';
import { daySessionSchema, weekdaySchema } from '../domain/weekdays';
import { channel, daySchema, idOutput, idSchema, okOutput, text } from './define';
import { blankToNull, CHILD_READERS, FAMILY_KEEPERS, optionalDaySchema, optionalEmail, optionalText, RECORD_KEEPERS } from './fields';

// Children, their parents and carers, emergency contacts, health and shared care.
// Children are never deleted: they leave (status 'left') or are archived. Edits keep who and when,
// and every change is audited; carers' parental responsibility keeps its history (consent relies on it).

export const CHILD_STATUSES = ['current', 'left', 'archived'] as const;
export const childStatusSchema = z.enum(CHILD_STATUSES);
export type ChildStatus = z.infer<typeof childStatusSchema>;
export const CHILD_STATUS_LABELS: Record<ChildStatus, string> = { current: 'Current', left: 'Left', archived: 'Archived' };

/** The days (and part of the day) a child attends a setting. */
export const attendanceSchema = z
  .array(z.object({ day: weekdaySchema, session: daySessionSchema }))
  .max(7)
  .refine((days) => new Set(days.map((d) => d.day)).size === days.length, 'Give each day once.');
export type Attendance = z.infer<typeof attendanceSchema>;

// ---------------------------------------------------------------------------------------
// Child
// ---------------------------------------------------------------------------------------

const childFields = {
  legalName: text('Legal name', 120),
  preferredName: optionalText('Preferred name', 120),
  dateOfBirth: daySchema,
  room: optionalText('Room or group', 80),
  startDate: optionalDaySchema,
  /** Days and sessions attended here. */
  attendance: attendanceSchema.optional(),
  homeLanguages: z.array(text('Language', 60)).max(10, 'At most 10 languages.').optional(),
  /** Our key person: a member of staff. */
  keyPersonUserId: idSchema.nullable().optional(),
  status: childStatusSchema.optional(),
  leavingDate: optionalDaySchema,
  /** Where the child went: the next setting or school (free text, or a partner below). */
  leavingDestination: optionalText('Where they went next', 200),
  leavingPartnerId: idSchema.nullable().optional(),
  notes: optionalText('Notes', 2000),
};

function leavingRule(v: { status?: ChildStatus; leavingDate?: string | null }, ctx: z.RefinementCtx) {
  if (v.status === 'left' && !blankToNull(v.leavingDate)) {
    ctx.addIssue({ code: 'custom', path: ['leavingDate'], message: 'Give the date the child left.' });
  }
}

export const childCreateSchema = z.object(childFields).superRefine(leavingRule);
export const childUpdateSchema = z.object({ childId: idSchema, ...z.object(childFields).partial().shape }).superRefine(leavingRule);

export const childSchema = z.object({
  id: z.string(),
  legalName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  room: z.string().nullable(),
  startDate: z.string().nullable(),
  attendance: attendanceSchema,
  homeLanguages: z.array(z.string()),
  keyPersonUserId: z.string().nullable(),
  keyPersonName: z.string().nullable(),
  status: childStatusSchema,
  leavingDate: z.string().nullable(),
  leavingDestination: z.string().nullable(),
  leavingPartnerId: z.string().nullable(),
  leavingPartnerName: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type Child = z.infer<typeof childSchema>;

// ---------------------------------------------------------------------------------------
// Parents and carers, with collection restrictions and court orders
// ---------------------------------------------------------------------------------------

const carerFields = {
  fullName: text('Full name', 120),
  relationship: text('Relationship', 60),
  parentalResponsibility: z.boolean({ error: 'Say whether they have parental responsibility.' }),
  livesWithChild: z.boolean().optional(),
  phone: optionalText('Phone', 40),
  workPhone: optionalText('Other phone', 40),
  email: optionalEmail('Email'),
  address: optionalText('Address', 400),
  /** "Must not collect": shown in red to everyone who can see the child. */
  mustNotCollect: z.boolean().optional(),
  restrictionNote: optionalText('Collection restriction', 1000),
  courtOrder: optionalText('Court order', 1000),
  notes: optionalText('Notes', 2000),
};

export const carerCreateSchema = z.object({ childId: idSchema, ...carerFields });
export const carerUpdateSchema = z.object({
  carerId: idSchema,
  ...z.object(carerFields).partial().shape,
  /** When a change of parental responsibility took effect (default: today). Earlier days keep the old answer. */
  prChangedOn: optionalDaySchema,
  prChangeNote: optionalText('Why parental responsibility changed', 500),
});

export const carerSchema = z.object({
  id: z.string(),
  childId: z.string(),
  fullName: z.string(),
  relationship: z.string(),
  parentalResponsibility: z.boolean(),
  livesWithChild: z.boolean(),
  phone: z.string().nullable(),
  workPhone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  mustNotCollect: z.boolean(),
  restrictionNote: z.string().nullable(),
  courtOrder: z.string().nullable(),
  notes: z.string().nullable(),
  prHistory: z.array(
    z.object({
      parentalResponsibility: z.boolean(),
      /** null: from when the carer was first recorded. */
      effectiveOn: z.string().nullable(),
      note: z.string().nullable(),
      recordedAt: z.string(),
      recordedByName: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type Carer = z.infer<typeof carerSchema>;

/** A collection restriction or court order, as shown in red at the top of the child's file. */
export const restrictionSchema = z.object({
  carerId: z.string(),
  carerName: z.string(),
  relationship: z.string(),
  mustNotCollect: z.boolean(),
  note: z.string().nullable(),
  courtOrder: z.string().nullable(),
});
export type Restriction = z.infer<typeof restrictionSchema>;

// ---------------------------------------------------------------------------------------
// Emergency contacts (priority order; each with a last-verified date)
// ---------------------------------------------------------------------------------------

const contactFields = {
  name: text('Name', 120),
  relationship: text('Relationship', 60),
  phone: text('Phone', 40),
  altPhone: optionalText('Other phone', 40),
  canCollect: z.boolean().optional(),
  /** When the parents last confirmed these details. */
  lastVerifiedOn: daySchema,
  notes: optionalText('Notes', 500),
};
export const contactCreateSchema = z.object({ childId: idSchema, ...contactFields });
export const contactUpdateSchema = z.object({ contactId: idSchema, ...z.object(contactFields).partial().shape });

export const emergencyContactSchema = z.object({
  id: z.string(),
  priority: z.number().int(),
  name: z.string(),
  relationship: z.string(),
  phone: z.string(),
  altPhone: z.string().nullable(),
  canCollect: z.boolean(),
  lastVerifiedOn: z.string(),
  /** Not verified within the setting's "check contacts" period: ask the parents. */
  needsCheck: z.boolean(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type EmergencyContact = z.infer<typeof emergencyContactSchema>;

// ---------------------------------------------------------------------------------------
// Health: allergies, medication, dietary needs, and who manages each at which setting (seed 000)
// ---------------------------------------------------------------------------------------

export const HEALTH_KINDS = ['allergy', 'medication', 'dietary'] as const;
export const healthKindSchema = z.enum(HEALTH_KINDS);
export type HealthKind = z.infer<typeof healthKindSchema>;
export const HEALTH_KIND_LABELS: Record<HealthKind, string> = { allergy: 'Allergy', medication: 'Medication', dietary: 'Dietary need' };

export const SEVERITIES = ['mild', 'moderate', 'severe', 'anaphylaxis'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;
export const SEVERITY_LABELS: Record<Severity, string> = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe', anaphylaxis: 'Anaphylaxis' };

/** Where a health record came from: us, or another agency (our policy 1.3). */
export const HEALTH_SOURCES = ['us', 'agency'] as const;
export type HealthSource = (typeof HEALTH_SOURCES)[number];

export const healthArrangementSchema = z.object({
  /** null: at our setting; otherwise the partner setting. */
  partnerId: idSchema.nullable(),
  who: text('Who manages it', 300),
});

const healthFields = {
  kind: healthKindSchema,
  /** The allergen, the medicine, or the dietary need. */
  name: text('Name', 120),
  severity: severitySchema.optional(),
  reaction: optionalText('Reaction', 500),
  actionPlan: optionalText('Action plan', 2000),
  dose: optionalText('Dose', 120),
  timing: optionalText('When it is given', 200),
  expiresOn: optionalDaySchema,
  storedWhere: optionalText('Where it is stored', 200),
  details: optionalText('Details', 2000),
  /** Who manages it at which setting. */
  arrangements: z.array(healthArrangementSchema).max(10).optional(),
  /** What the parents do (e.g. bring the inhaler each day, tell us of any change). */
  parentsDo: optionalText('What the parents do', 1000),
  /**
   * Where it came from (our policy 1.3): ours (the default, and what every older record means), or
   * another agency, e.g. a health visitor's care plan. Another agency's record is third-party
   * information: it is shared only with that agency's agreement.
   */
  source: z.enum(HEALTH_SOURCES, { error: 'Say where this came from: us, or another agency.' }).optional(),
  /** The agency, from the partner directory… */
  sourcePartnerId: z.string({ error: 'Choose the agency from the list.' }).min(1, 'Choose the agency from the list.').max(64, 'Choose the agency from the list.').nullable().optional(),
  /** …or named here when it is not in the directory. */
  sourceAgency: optionalText('The agency’s name', 160),
};

function healthRule(
  v: { kind?: HealthKind; severity?: Severity; dose?: string; timing?: string; storedWhere?: string; source?: HealthSource; sourcePartnerId?: string | null; sourceAgency?: string },
  ctx: z.RefinementCtx,
) {
  if (v.source === 'agency' && !v.sourcePartnerId && !v.sourceAgency?.trim()) {
    ctx.addIssue({ code: 'custom', path: ['sourceAgency'], message: 'Say which agency it came from: choose it from the list, or write its name.' });
  }
  if (v.kind === 'allergy' && !v.severity) ctx.addIssue({ code: 'custom', path: ['severity'], message: 'Choose how severe the allergy is.' });
  if (v.kind === 'medication') {
    if (!v.dose?.trim()) ctx.addIssue({ code: 'custom', path: ['dose'], message: 'Give the dose.' });
    if (!v.timing?.trim()) ctx.addIssue({ code: 'custom', path: ['timing'], message: 'Say when it is given.' });
    if (!v.storedWhere?.trim()) ctx.addIssue({ code: 'custom', path: ['storedWhere'], message: 'Say where it is stored.' });
  }
}

export const healthCreateSchema = z.object({ childId: idSchema, ...healthFields }).superRefine(healthRule);
export const healthUpdateSchema = z.object({ healthId: idSchema, ...healthFields }).superRefine(healthRule);

export const healthItemSchema = z.object({
  id: z.string(),
  kind: healthKindSchema,
  name: z.string(),
  severity: severitySchema.nullable(),
  reaction: z.string().nullable(),
  actionPlan: z.string().nullable(),
  dose: z.string().nullable(),
  timing: z.string().nullable(),
  expiresOn: z.string().nullable(),
  /** A medicine past its expiry date. */
  expired: z.boolean(),
  storedWhere: z.string().nullable(),
  details: z.string().nullable(),
  arrangements: z.array(z.object({ partnerId: z.string().nullable(), settingName: z.string(), who: z.string() })),
  parentsDo: z.string().nullable(),
  /** null: ours. Otherwise the agency it came from (third-party information, our policy 1.3). */
  source: z.object({ partnerId: z.string().nullable(), agency: z.string() }).nullable(),
  /** No longer applies (kept for the record). */
  ended: z.object({ at: z.string(), byName: z.string().nullable(), reason: z.string() }).nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type HealthItem = z.infer<typeof healthItemSchema>;

// ---------------------------------------------------------------------------------------
// Shared care: the other settings the child attends
// ---------------------------------------------------------------------------------------

const sharedCareFields = {
  partnerId: idSchema,
  days: attendanceSchema.refine((d) => d.length > 0, 'Choose at least one day.'),
  /** The child's key person at the other setting. */
  keyPersonName: optionalText('Key person', 120),
  keyPersonContact: optionalText('Key person’s contact', 200),
  /** The agreed transfer arrangement between the settings. */
  transferWho: optionalText('Who takes the child between settings', 300),
  transferWhen: optionalText('When', 200),
  handover: optionalText('What is handed over', 1000),
  startsOn: optionalDaySchema,
  endsOn: optionalDaySchema,
  notes: optionalText('Notes', 1000),
};
export const sharedCareCreateSchema = z.object({ childId: idSchema, ...sharedCareFields });
export const sharedCareUpdateSchema = z.object({ sharedCareId: idSchema, ...z.object(sharedCareFields).omit({ partnerId: true }).partial().shape });

export const sharedCareSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  partnerKind: z.string(),
  partnerPhone: z.string().nullable(),
  days: attendanceSchema,
  keyPersonName: z.string().nullable(),
  keyPersonContact: z.string().nullable(),
  transferWho: z.string().nullable(),
  transferWhen: z.string().nullable(),
  handover: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** Today falls within starts/ends. */
  current: z.boolean(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type SharedCare = z.infer<typeof sharedCareSchema>;

// ---------------------------------------------------------------------------------------
// Lists, the child's file, the summary for a partner
// ---------------------------------------------------------------------------------------

export const childListItemSchema = z.object({
  id: z.string(),
  legalName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  room: z.string().nullable(),
  status: childStatusSchema,
  keyPersonName: z.string().nullable(),
  attendance: attendanceSchema,
  partners: z.array(z.object({ partnerId: z.string(), name: z.string() })),
  hasAllergies: z.boolean(),
  hasMedication: z.boolean(),
  allergyNames: z.array(z.string()),
  restrictions: z.array(restrictionSchema),
  contactsNeedCheck: z.boolean(),
  /** Plain-English reasons the consent register needs attention (missing, refused, expired, review due). */
  consentAttention: z.array(z.string()),
});
export type ChildListItem = z.infer<typeof childListItemSchema>;

export const childListInputSchema = z
  .object({
    search: z.string().trim().max(120).optional(),
    room: z.string().trim().max(80).optional(),
    /** Default 'current'. */
    status: z.enum([...CHILD_STATUSES, 'all']).optional(),
    attendsOtherSetting: z.boolean().optional(),
    hasAllergiesOrMedication: z.boolean().optional(),
    consentNeedsAttention: z.boolean().optional(),
    contactsNeedCheck: z.boolean().optional(),
  })
  .optional();

export const childFileSchema = z.object({
  child: childSchema,
  carers: z.array(carerSchema),
  restrictions: z.array(restrictionSchema),
  contacts: z.array(emergencyContactSchema),
  contactsNeedCheck: z.boolean(),
  contactCheckMonths: z.number().int(),
  health: z.array(healthItemSchema),
  sharedCare: z.array(sharedCareSchema),
});
export type ChildFile = z.infer<typeof childFileSchema>;

export const childSummarySchema = z.object({
  child: childSchema,
  preparedFor: z.object({ partnerId: z.string(), name: z.string() }).nullable(),
  setting: z.object({ name: z.string(), address: z.string().nullable(), phone: z.string().nullable() }),
  keyPersons: z.array(z.object({ settingName: z.string(), name: z.string().nullable(), contact: z.string().nullable(), days: attendanceSchema })),
  transfers: z.array(z.object({ partnerName: z.string(), who: z.string().nullable(), when: z.string().nullable(), handover: z.string().nullable() })),
  health: z.array(healthItemSchema),
  contacts: z.array(emergencyContactSchema),
  carers: z.array(carerSchema),
  restrictions: z.array(restrictionSchema),
  printedBy: z.string(),
  printedAt: z.string(),
});
export type ChildSummary = z.infer<typeof childSummarySchema>;

export const whereOnSchema = z.object({
  here: z.boolean(),
  partners: z.array(z.object({ partnerId: z.string(), name: z.string() })),
});

// ---------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------

export const childrenChannels = {
  'children.list': channel({
    summary: 'Lists children with their flags (restrictions, health, contacts to check, consent needing attention).',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: childListInputSchema,
    output: z.object({ children: z.array(childListItemSchema), rooms: z.array(z.string()) }),
  }),
  'children.get': channel({
    summary: 'Opens a child’s file: details, parents and carers, restrictions, emergency contacts, health and shared care.',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema }),
    output: childFileSchema,
  }),
  'children.create': channel({
    summary: 'Adds a child.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: childCreateSchema,
    output: idOutput,
  }),
  'children.update': channel({
    summary: 'Changes a child’s details, status or leaving details (never deleted; the change is audited).',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: childUpdateSchema,
    output: okOutput,
  }),
  'children.addContact': channel({
    summary: 'Adds an emergency contact at the end of the child’s priority order.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: contactCreateSchema,
    output: idOutput,
  }),
  'children.updateContact': channel({
    summary: 'Changes an emergency contact or records that parents verified it.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: contactUpdateSchema,
    output: okOutput,
  }),
  'children.moveContact': channel({
    summary: 'Moves an emergency contact up or down the priority order.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: z.object({ contactId: idSchema, direction: z.enum(['up', 'down']) }),
    output: okOutput,
  }),
  'children.removeContact': channel({
    summary: 'Takes an emergency contact off the list (kept on record with the reason).',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: z.object({ contactId: idSchema, reason: text('The reason', 500) }),
    output: okOutput,
  }),
  'children.addHealth': channel({
    summary: 'Records an allergy, a medication or a dietary need, with who manages it where.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: healthCreateSchema,
    output: idOutput,
  }),
  'children.updateHealth': channel({
    summary: 'Changes an allergy, medication or dietary need.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: healthUpdateSchema,
    output: okOutput,
  }),
  'children.endHealth': channel({
    summary: 'Marks an allergy, medication or dietary need as no longer applying (kept on record).',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: z.object({ healthId: idSchema, reason: text('The reason', 500) }),
    output: okOutput,
  }),
  'children.addSharedCare': channel({
    summary: 'Records another setting the child attends: days, key person there, transfer arrangement.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: sharedCareCreateSchema,
    output: idOutput,
  }),
  'children.updateSharedCare': channel({
    summary: 'Changes a shared-care arrangement.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: sharedCareUpdateSchema,
    output: okOutput,
  }),
  'children.endSharedCare': channel({
    summary: 'Records the last day the child attends another setting.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: z.object({ sharedCareId: idSchema, on: daySchema }),
    output: okOutput,
  }),
  'children.whereOn': channel({
    summary: 'Which setting(s) a child attends on a day: here, and which partner settings.',
    access: CHILD_READERS,
    kind: 'read',
    input: z.object({ childId: idSchema, day: daySchema }),
    output: whereOnSchema,
  }),
  'children.summary': channel({
    summary: 'The one-page child summary for a partner setting (printing it is audited).',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema, partnerId: idSchema.optional() }),
    output: childSummarySchema,
  }),
};

export const carersChannels = {
  'carers.list': channel({
    summary: 'Lists a child’s parents and carers with their restrictions.',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema }),
    output: z.object({ carers: z.array(carerSchema) }),
  }),
  'carers.create': channel({
    summary: 'Adds a parent or carer to a child, with parental responsibility and any collection restriction.',
    access: FAMILY_KEEPERS,
    kind: 'write',
    input: carerCreateSchema,
    output: idOutput,
  }),
  'carers.update': channel({
    summary: 'Changes a parent or carer’s details, restrictions or parental responsibility (kept as history).',
    access: FAMILY_KEEPERS,
    kind: 'write',
    input: carerUpdateSchema,
    output: okOutput,
  }),
};
