import { z } from 'zod';
import { channel, noInput, okOutput } from './define';

/** What a backup holds, counted when it was made and again when it is checked. */
export const backupCountsSchema = z.record(z.string(), z.number().int());
export type BackupCounts = z.infer<typeof backupCountsSchema>;

/** The words for each count (one, several), in the order a manager reads them. */
export const BACKUP_COUNT_LABELS: Record<string, readonly [string, string]> = {
  children: ['child', 'children'],
  carers: ['parent or carer', 'parents and carers'],
  consents: ['consent record', 'consent records'],
  diary_entries: ['diary entry', 'diary entries'],
  concerns: ['safeguarding concern', 'safeguarding concerns'],
  sharing_decisions: ['sharing decision', 'sharing decisions'],
  users: ['staff account', 'staff accounts'],
  audit_log: ['audit trail entry', 'audit trail entries'],
};

const fileSchema = z.string({ error: 'Choose a backup file.' }).trim().min(1, 'Choose a backup file.').max(1000, 'That file name is too long.');
const folderSchema = z.string({ error: 'Choose a folder.' }).trim().min(1, 'Choose a folder.').max(1000, 'That folder name is too long.');

export const backupSettingsSchema = z.object({
  /** Where "Back up now" and the automatic backups go (a USB stick, a synced folder); null until chosen. */
  folder: z.string().nullable(),
  /** How many backups to keep in the folder; older ones are removed after a good backup. */
  keep: z.number({ error: 'Enter how many backups to keep.' }).int('Whole numbers only.').min(1, 'Keep at least 1 backup.').max(100, 'At most 100 backups.'),
  /** Home warns when the last good backup is older than this. */
  warnAfterDays: z.number({ error: 'Enter a number of days.' }).int('Whole days only.').min(1, 'At least 1 day.').max(60, 'At most 60 days.'),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { folder: null, keep: 10, warnAfterDays: 7 };

/** What a backup says it holds, shown before anything is restored. */
export const backupSummarySchema = z.object({
  settingName: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  appVersion: z.string(),
  counts: backupCountsSchema,
});
export type BackupSummary = z.infer<typeof backupSummarySchema>;

/** How a backup is unlocked: a password of someone in the backup, or the recovery key of the time it was made. */
const passwordUnlock = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Enter the username.').max(40),
  password: z.string().min(1, 'Enter the password.').max(200),
});
const recoveryUnlock = z.object({ recoveryKey: z.string().trim().min(1, 'Enter the recovery key.').max(200) });
const unlockSchema = z.union([passwordUnlock, recoveryUnlock]);
/** The two ways of unlocking as separate forms (the restore screen shows one at a time). */
export const restoreWithPasswordSchema = z.object({ file: fileSchema, unlock: passwordUnlock });
export const restoreWithRecoveryKeySchema = z.object({ file: fileSchema, unlock: recoveryUnlock });
const restoreInputSchema = z.object({ file: fileSchema, unlock: unlockSchema });
export type BackupUnlock = z.infer<typeof unlockSchema>;

const restoreOutputSchema = z.object({ summary: backupSummarySchema, migratedFrom: z.number().int(), migratedTo: z.number().int() });
const WHO = ['office', 'manager', 'admin'] as const;

export const backupChannels = {
  'backup.status': channel({
    summary: 'The backup folder, the last good backup, and whether Home should warn.',
    access: WHO,
    kind: 'read',
    input: noInput,
    output: z.object({
      settings: backupSettingsSchema,
      last: z.object({ file: z.string(), createdAt: z.string(), createdBy: z.string() }).nullable(),
      /** Set when Home should warn, in words. */
      warning: z.string().nullable(),
      /** A backup, check or restore under way: what it is doing and how far it has got (0 to 1). */
      running: z.object({ action: z.enum(['backup', 'verify', 'restore']), step: z.string(), fraction: z.number() }).nullable(),
      /** The desktop app can show the computer's folder and file pickers (the browser preview cannot). */
      canChoose: z.boolean(),
      /** A restore that can still be undone: when it was made. */
      undo: z.object({ restoredAt: z.string(), file: z.string() }).nullable(),
    }),
  }),
  'backup.setSettings': channel({
    summary: 'Changes where backups go, how many are kept and when Home warns.',
    access: WHO,
    kind: 'write',
    input: backupSettingsSchema.extend({ folder: folderSchema }),
    output: okOutput,
  }),
  'backup.chooseFolder': channel({
    summary: 'Asks which folder backups go to (the computer’s folder picker).',
    access: WHO,
    kind: 'read',
    input: noInput,
    output: z.object({ folder: z.string().nullable() }),
  }),
  'backup.chooseFile': channel({
    summary: 'Asks which backup file to check or restore (the computer’s file picker).',
    access: 'public',
    kind: 'read',
    input: noInput,
    output: z.object({ file: z.string().nullable() }),
  }),
  'backup.create': channel({
    summary: 'Backs up the records to one encrypted file, then checks the file before saying it is good.',
    access: WHO,
    kind: 'write',
    ownTransaction: true,
    input: z.object({ folder: folderSchema.optional() }).optional(),
    output: z.object({ file: z.string() }),
  }),
  'backup.verify': channel({
    summary: 'Checks a backup file without changing anything.',
    access: WHO,
    kind: 'read',
    input: z.object({ file: fileSchema }),
    output: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), counts: backupCountsSchema }), z.object({ ok: z.literal(false), problem: z.string() })]),
  }),
  'backup.inspect': channel({
    summary: 'Unlocks a backup file and says what it holds; nothing changes.',
    access: ['admin'],
    kind: 'read',
    input: restoreInputSchema,
    output: backupSummarySchema,
  }),
  'backup.restore': channel({
    summary: 'Replaces the records with a backup, keeping the current ones as a safety copy; TwoWay locks afterwards.',
    access: ['admin'],
    kind: 'write',
    ownTransaction: true,
    input: restoreInputSchema,
    output: restoreOutputSchema,
  }),
  'backup.undoRestore': channel({
    summary: 'Puts back the records as they were before the last restore; TwoWay locks afterwards.',
    access: ['admin'],
    kind: 'write',
    ownTransaction: true,
    input: noInput,
    output: okOutput,
  }),
  'setup.inspectBackup': channel({
    summary: 'On a laptop not yet set up: unlocks a backup file and says what it holds.',
    access: 'public',
    kind: 'read',
    input: restoreInputSchema,
    output: backupSummarySchema,
  }),
  'setup.restoreBackup': channel({
    summary: 'On a laptop not yet set up: puts a backup’s records and key slots in place; then log in as usual.',
    access: 'public',
    kind: 'write',
    input: restoreInputSchema,
    output: restoreOutputSchema,
  }),
  'users.rotateRecoveryKey': channel({
    summary: 'Makes a new recovery key; the old one stops opening this laptop’s records.',
    access: ['admin'],
    kind: 'write',
    input: z.object({ password: z.string().min(1, 'Enter your password.').max(200) }),
    output: z.object({ recoveryKey: z.string() }),
  }),
};
