import { z } from 'zod';
import { channel, daySchema, noInput } from './define';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  channel: z.string(),
  kind: z.enum(['read', 'write']),
  /** Ids of the records touched, as `type:id`; never the records' content. */
  recordIds: z.array(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditChannels = {
  'audit.list': channel({
    summary: 'The audit trail, newest first, filtered by user, child, record and dates.',
    access: ['admin', 'manager'],
    kind: 'read',
    sensitive: true,
    input: z
      .object({
        userId: z.string().optional(),
        /** A record reference such as `child:…`: entries that touched it. */
        recordId: z.string().optional(),
        /** Entries that touched this child (`child:<id>`): their file, consent, diary, sharing decisions. */
        childId: z.string().min(1).max(64).optional(),
        from: daySchema.optional(),
        to: daySchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        beforeSeq: z.number().int().optional(),
      })
      .default({ limit: 200 }),
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int() }),
  }),
  'audit.verify': channel({
    summary: 'Checks the hash chain of the audit trail and reports the first broken link.',
    access: ['admin', 'manager'],
    kind: 'read',
    input: noInput,
    output: z.object({
      ok: z.boolean(),
      entries: z.number().int(),
      firstBrokenSeq: z.number().int().nullable(),
      message: z.string(),
    }),
  }),
};
