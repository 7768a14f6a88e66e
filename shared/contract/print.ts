import { z } from 'zod';
import { channel, noInput } from './define';

/** The print layouts TwoWay makes; saved in the audit entry when one is saved as a PDF. */
export const printDocumentSchema = z.enum([
  'recovery-sheet',
  'child-summary',
  'diary-week',
  'diary-room-week',
  'share-pack',
  'sharing-register',
  'safeguarding-chronology',
  'meeting-pack',
  'meeting-pack-office-sheet',
  'audit-trail',
  'subject-access',
  'sharing-agreement',
  'attached-document',
  'other',
]);

/** What a print entry names: the document and the record printed, never its content. */
const printedRecord = {
  document: printDocumentSchema,
  /** The record printed (a child, a decision…), for the audit trail; the core works out which child it is about. */
  recordId: z.string().max(64).optional(),
};

export const printChannels = {
  'print.record': channel({
    summary: 'Records in the audit trail that a document is being printed: which document, about which child.',
    access: 'any-user',
    kind: 'write',
    input: z.object(printedRecord),
    output: z.object({ ok: z.literal(true) }),
  }),
  'print.capabilities': channel({
    summary: 'Whether this window can save a PDF or a copy of a document itself (the desktop app can; the browser preview prints instead).',
    access: 'any-user',
    kind: 'read',
    input: noInput,
    output: z.object({ savePdf: z.boolean(), saveFile: z.boolean() }),
  }),
  'print.savePdf': channel({
    summary: 'Saves the print layout on screen as an A4 PDF file chosen by the user.',
    access: 'any-user',
    kind: 'write',
    input: z.object({
      ...printedRecord,
      suggestedName: z.string().trim().min(1).max(120).regex(/^[^\\/:*?"<>|]+$/, 'A file name cannot contain \\ / : * ? " < > |'),
      landscape: z.boolean().default(false),
    }),
    output: z.object({ saved: z.boolean() }),
  }),
};
