import { z } from 'zod';
import { channel, daySchema, idSchema, noInput } from './define';

/** What an entry records beyond a call that did what it was asked. */
export const auditOutcomeSchema = z.enum(['done', 'refused', 'failed-login']);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

/** The audit viewer's "What happened" filter. */
export const AUDIT_WHAT = ['all', 'viewed', 'changed', 'sharing', 'logins', 'failed-logins', 'refused', 'prints'] as const;
export const auditWhatSchema = z.enum(AUDIT_WHAT, { error: 'Choose what happened from the list.' });
export type AuditWhat = z.infer<typeof auditWhatSchema>;
export const AUDIT_WHAT_LABELS: Record<AuditWhat, string> = {
  all: 'Everything',
  viewed: 'Records viewed',
  changed: 'Records added or changed',
  sharing: 'Information sharing',
  logins: 'Logins, logouts and locks',
  'failed-logins': 'Failed logins',
  refused: 'Refused requests',
  prints: 'Printed or saved as PDF',
};

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  channel: z.string(),
  kind: z.enum(['read', 'write']),
  /** Ids of the records touched, as `type:id`; never the records' content. */
  recordIds: z.array(z.string()),
  outcome: auditOutcomeSchema,
  /** Why it was refused or failed, in words for a manager ("Their role does not allow it."). */
  why: z.string().nullable(),
  /** A second person who confirmed at the same laptop with their own password. */
  confirmedById: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  /** The whole entry in words, with names: "Sarah Jones viewed Amelia Jones’s file". */
  description: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditChannels = {
  'audit.list': channel({
    summary: 'The audit trail, newest first, filtered by user, child, record, what happened and dates.',
    access: ['admin', 'manager'],
    kind: 'read',
    sensitive: true,
    input: z
      .object({
        /** Entries by this member of staff, including those they confirmed as the second person. */
        userId: idSchema.optional(),
        /** A record reference such as `child:…`, or a bare id: entries that touched it. */
        recordId: z.string().min(1).max(80).optional(),
        /** Entries that touched this child (`child:<id>`): their file, consent, diary, sharing decisions. */
        childId: idSchema.optional(),
        what: auditWhatSchema.default('all'),
        from: daySchema.optional(),
        to: daySchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        /** Paging: entries older than this one. */
        beforeSeq: z.number().int().min(1).optional(),
      })
      .default({ what: 'all', limit: 200 }),
    output: z.object({
      entries: z.array(auditEntrySchema),
      total: z.number().int(),
      /** Whether entries older than the last one shown match too (the next page). */
      hasOlder: z.boolean(),
    }),
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
  'audit.loginAlerts': channel({
    summary: 'Failed logins in the last 7 days, for the administrators’ home screen.',
    access: ['admin'],
    kind: 'read',
    input: noInput,
    output: z.object({
      failedLogins: z.number().int(),
      /** The threshold above which Home shows the warning. */
      pilingUp: z.boolean(),
      since: z.string(),
      lastAt: z.string().nullable(),
    }),
  }),
};
