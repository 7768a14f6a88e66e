import { z } from 'zod';
import { channel, daySchema, idSchema, text } from './define';
import { CHILD_READERS } from './fields';

// Documents kept with the records (issue 18): a health visitor's letter, a SEND plan, a court
// order, a photo of a paper body map. The bytes live inside the encrypted database, never as loose
// files. A document belongs to one record (its owner); who may see it follows that record.

/**
 * What a document can be attached to. The agreement and meeting features add their owner type here
 * and one entry in `electron/core/documents/owners.ts` (how to find its child and who may read it).
 */
export const DOCUMENT_OWNER_TYPES = ['child', 'concern', 'sharing', 'meeting', 'agreement'] as const;
export const documentOwnerTypeSchema = z.enum(DOCUMENT_OWNER_TYPES, { error: 'Say what the document is attached to.' });
export type DocumentOwnerType = z.infer<typeof documentOwnerTypeSchema>;

/** The kinds of file kept; the core checks the file's first bytes match the kind it says it is. */
export const DOCUMENT_TYPES = {
  'application/pdf': { label: 'PDF', extension: 'pdf', viewable: true },
  'image/jpeg': { label: 'JPEG image', extension: 'jpg', viewable: true },
  'image/png': { label: 'PNG image', extension: 'png', viewable: true },
  'image/heic': { label: 'HEIC photo', extension: 'heic', viewable: false },
  'application/msword': { label: 'Word document', extension: 'doc', viewable: false },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word document', extension: 'docx', viewable: false },
} as const;
export type DocumentMime = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_MIMES = Object.keys(DOCUMENT_TYPES) as [DocumentMime, ...DocumentMime[]];
export const documentMimeSchema = z.enum(DOCUMENT_MIMES, { error: 'TwoWay keeps PDFs, photos (JPEG, PNG, HEIC) and Word documents. Choose one of those.' });

/** At most this much a file, so backups stay a sensible size. */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_TOO_BIG = 'That file is larger than 20 MB. Scan it at a lower resolution, or save it as a smaller PDF, and try again.';
/** Photos larger than this on their longest side are scaled down on import (the renderer does it). */
export const IMAGE_MAX_SIDE = 2000;

// Base64 of 20 MB is just under 28 million characters.
const base64 = z
  .string({ error: 'Choose a file.' })
  .min(1, 'Choose a file.')
  .max(Math.ceil(DOCUMENT_MAX_BYTES / 3) * 4 + 4, DOCUMENT_TOO_BIG)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'That file could not be read. Choose it again.');

export const documentSourceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('us') }),
    /** Another agency's information (our policy 1.3): a partner in the directory, or one named here. */
    z.object({ kind: z.literal('agency'), partnerId: idSchema.optional(), agency: z.string().trim().max(160, 'The agency’s name must be 160 characters or fewer.').optional() }),
  ],
  { error: 'Say where the document came from: us, or another agency.' },
);

export const documentAddSchema = z.object({
  ownerType: documentOwnerTypeSchema,
  ownerId: idSchema,
  title: text('Title', 200),
  /** The day the document is about or dated (a letter's date), if known. */
  refersTo: daySchema.optional(),
  source: documentSourceSchema,
  fileName: text('File name', 200),
  mime: documentMimeSchema,
  data: base64,
  /** The renderer scaled a large photo down before sending it. */
  scaled: z.boolean().default(false),
  /** The photo as it was before scaling down, kept only when asked. */
  original: base64.optional(),
  /** A new version of this document (the earlier one stays as it was). */
  versionOf: idSchema.optional(),
});

export const documentSummarySchema = z.object({
  id: z.string(),
  ownerType: documentOwnerTypeSchema,
  ownerId: z.string(),
  childId: z.string(),
  title: z.string(),
  refersTo: z.string().nullable(),
  /** Null: ours. Otherwise the agency it came from: third-party information. */
  sourceAgency: z.string().nullable(),
  fileName: z.string(),
  mime: documentMimeSchema,
  size: z.number().int(),
  scaled: z.boolean(),
  hasOriginal: z.boolean(),
  /** The first version's id (the series), and this one's number in it. */
  seriesId: z.string(),
  version: z.number().int(),
  /** A newer version was added beside it. */
  superseded: z.boolean(),
  addedByName: z.string(),
  addedAt: z.string(),
  /** Removed (the content deleted) with a manager's confirmation: only this record of it remains. */
  removed: z.object({ byName: z.string(), at: z.string(), reason: z.string() }).nullable(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

const ownerRef = { ownerType: documentOwnerTypeSchema, ownerId: idSchema };

export const documentsChannels = {
  'documents.add': channel({
    summary: 'Keeps a document (a letter, a form, a photo) with a child’s file, a concern or a sharing decision.',
    // Who may attach follows the record it is attached to (checked in the core).
    access: 'any-user',
    kind: 'write',
    input: documentAddSchema,
    output: z.object({ id: z.string() }),
  }),
  'documents.list': channel({
    summary: 'Lists the documents kept with a record.',
    access: 'any-user',
    kind: 'read',
    sensitive: true,
    input: z.object(ownerRef),
    output: z.object({ documents: z.array(documentSummarySchema) }),
  }),
  'documents.forChild': channel({
    summary: 'Lists every document about a child the viewer may see (for the child’s file and the sharing questions).',
    access: CHILD_READERS,
    kind: 'read',
    sensitive: true,
    input: z.object({ childId: idSchema }),
    output: z.object({ documents: z.array(documentSummarySchema) }),
  }),
  'documents.open': channel({
    summary: 'Opens a document to view or print it inside TwoWay.',
    access: 'any-user',
    kind: 'read',
    sensitive: true,
    input: z.object({ documentId: idSchema, original: z.boolean().default(false) }),
    output: z.object({ document: documentSummarySchema, data: z.string() }),
  }),
  'documents.saveCopy': channel({
    summary: 'Saves an unencrypted copy of a document to a file the user chooses.',
    access: 'any-user',
    // A copy leaving the encrypted database is recorded like a write.
    kind: 'write',
    input: z.object({ documentId: idSchema }),
    output: z.object({ saved: z.boolean() }),
  }),
  'documents.remove': channel({
    summary: 'Removes a document’s content for good, with a manager’s password; a record that it existed stays.',
    access: ['manager'],
    kind: 'write',
    input: z.object({
      documentId: idSchema,
      reason: text('Why it is removed', 500),
      password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200),
    }),
    output: z.object({ ok: z.literal(true) }),
  }),
};
