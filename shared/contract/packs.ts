import { z } from 'zod';
import { channel, idSchema, noInput } from './define';
import { CHILD_READERS, RECORD_KEEPERS } from './fields';
import { consentScopeSchema } from './consent';
import { diaryCategorySchema } from './diary';
import { ACTION_STATUSES, inviteeSchema, meetingFormatSchema, stepPlaceSchema } from './meetings';

// Meeting packs: what the office prints for a termly joint meeting (issue 14). The core decides
// what goes in (the consent register for each setting invited; never anything from the
// safeguarding records); the renderer only lays it out. What was left out, and why, goes on a
// separate office sheet that never travels with the pack.

const personLine = z.object({ name: z.string(), detail: z.string().nullable() });

export const packSchema = z.object({
  meetingId: z.string(),
  childId: z.string(),
  settingName: z.string(),
  cover: z.object({
    childName: z.string(),
    dateOfBirth: z.string(),
    on: z.string(),
    at: z.string(),
    durationMinutes: z.number().int(),
    format: meetingFormatSchema,
    /** Where, or how to join: the setting's name and address, the video link, the number to dial. */
    howToJoin: z.string(),
    invitees: z.array(inviteeSchema),
    termLabel: z.string().nullable(),
  }),
  /** The information sharing agreement's summary, when the child has one. */
  agreement: z
    .object({ version: z.number().int(), status: z.enum(['draft', 'signed']), reviewOn: z.string().nullable(), summary: z.array(z.string()) })
    .nullable(),
  consents: z.object({
    inForce: z.array(z.object({ scope: consentScopeSchema, recipients: z.string(), expiresOn: z.string().nullable(), reviewOn: z.string().nullable() })),
    /** Missing, refused, withdrawn or expiring within the next term. */
    needAttention: z.array(z.object({ scope: consentScopeSchema, setting: z.string(), message: z.string() })),
  }),
  contacts: z.array(z.object({ name: z.string(), relationship: z.string(), phone: z.string(), lastVerifiedOn: z.string(), needsCheck: z.boolean() })),
  health: z.array(z.object({ kind: z.string(), title: z.string(), detail: z.string().nullable(), managedBy: z.array(personLine), source: z.string().nullable() })),
  /** The term's diary in brief; null when it was left out (see the office sheet). */
  diary: z
    .object({
      from: z.string(),
      to: z.string(),
      counts: z.array(z.object({ category: diaryCategorySchema, count: z.number().int() })),
      followUps: z.array(z.object({ day: z.string(), text: z.string(), done: z.boolean() })),
      patterns: z.array(z.string()),
    })
    .nullable(),
  observations: z.array(z.object({ area: z.string(), items: z.array(z.object({ on: z.string(), setting: z.string(), text: z.string(), nextStep: z.string().nullable() })) })),
  lastMeeting: z
    .object({
      on: z.string(),
      nextSteps: z.array(z.object({ text: z.string(), where: stepPlaceSchema, who: z.string().nullable() })),
      actions: z.array(z.object({ text: z.string(), owner: z.string(), dueOn: z.string().nullable(), status: z.enum(ACTION_STATUSES) })),
    })
    .nullable(),
  agenda: z.array(z.string()),
  printedBy: z.string(),
  printedAt: z.string(),
});
export type Pack = z.infer<typeof packSchema>;

/** One thing left out of a pack, for the office sheet only. */
export const packOmissionSchema = z.object({ childName: z.string(), what: z.string(), why: z.string() });
export type PackOmission = z.infer<typeof packOmissionSchema>;

const folderSchema = z
  .string({ error: 'Choose the folder to save the packs in.' })
  .trim()
  .min(1, 'Choose the folder to save the packs in.')
  .max(1_000, 'That folder’s path is too long.');

const fileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+\.pdf$/, 'Choose PDF files made in this folder.');

export const packsChannels = {
  'packs.content': channel({
    summary: 'Prepares a child’s meeting pack (what the consent register allows for every setting invited) and the office sheet of what was left out.',
    access: CHILD_READERS,
    kind: 'read',
    // Health, contacts and consents of a child: a sensitive read.
    sensitive: true,
    input: z.object({ meetingId: idSchema }),
    output: z.object({ pack: packSchema, omitted: z.array(packOmissionSchema) }),
  }),
  'packs.capabilities': channel({
    summary: 'Whether this copy of TwoWay can write PDF files itself, and choose a folder.',
    access: 'any-user',
    kind: 'read',
    input: noInput,
    output: z.object({ savePdfs: z.boolean(), chooseFolder: z.boolean() }),
  }),
  'packs.chooseFolder': channel({
    summary: 'Asks where to save meeting packs.',
    access: RECORD_KEEPERS,
    kind: 'read',
    input: noInput,
    output: z.object({ folder: z.string().nullable() }),
  }),
  'packs.save': channel({
    summary: 'Makes one child’s meeting pack as a PDF in the chosen folder.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: z.object({ meetingId: idSchema, folder: folderSchema }),
    output: z.object({ file: z.string(), fileName: z.string(), pages: z.number().int(), bytes: z.number().int(), omitted: z.array(packOmissionSchema) }),
  }),
  'packs.saveOfficeSheet': channel({
    summary: 'Makes the office sheet (what was left out of each pack, and why) as a PDF in the chosen folder.',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: z.object({ meetingIds: z.array(idSchema).min(1).max(200), folder: folderSchema }),
    output: z.object({ file: z.string(), fileName: z.string(), pages: z.number().int() }),
  }),
  'packs.combine': channel({
    summary: 'Joins meeting packs already saved in a folder into one PDF (each pack keeps its own page numbers).',
    access: RECORD_KEEPERS,
    kind: 'write',
    input: z.object({ folder: folderSchema, fileNames: z.array(fileNameSchema).min(1, 'Choose at least one pack.').max(200) }),
    output: z.object({ file: z.string(), fileName: z.string(), pages: z.number().int() }),
  }),
};

/** What the core hands the print-job page to lay out: one document with its data. */
export const printJobSchema = z.discriminatedUnion('document', [
  z.object({ document: z.literal('meeting-pack'), pack: packSchema }),
  z.object({ document: z.literal('meeting-pack-office-sheet'), omitted: z.array(packOmissionSchema), settingName: z.string(), printedBy: z.string(), printedAt: z.string() }),
]);
export type PrintJob = z.infer<typeof printJobSchema>;
