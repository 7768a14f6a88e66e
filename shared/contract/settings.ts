import { z } from 'zod';
import { channel, noInput, text } from './define';

export const settingsSchema = z.object({
  settingName: z.string(),
  /** Minutes without use before the laptop locks itself. */
  idleLockMinutes: z.number().int(),
  /** Emergency contacts older than this are flagged "check with parents". */
  contactCheckMonths: z.number().int(),
  /** Minutes after which opening concerns or a chronology asks for the user's password again (issue 18). */
  stepUpMinutes: z.number().int(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsUpdateSchema = z
  .object({
    settingName: text('The setting name', 120),
    idleLockMinutes: z.number({ error: 'Enter a number of minutes.' }).int('Whole minutes only.').min(1, 'At least 1 minute.').max(60, 'At most 60 minutes: the laptop is shared.'),
    contactCheckMonths: z.number({ error: 'Enter a number of months.' }).int('Whole months only.').min(1, 'At least 1 month.').max(24, 'At most 24 months.'),
    stepUpMinutes: z.number({ error: 'Enter a number of minutes.' }).int('Whole minutes only.').min(1, 'At least 1 minute.').max(480, 'At most 480 minutes (8 hours).'),
  })
  .partial();

export const DEFAULT_SETTINGS: Omit<Settings, 'settingName'> = { idleLockMinutes: 5, contactCheckMonths: 6, stepUpMinutes: 15 };

export const settingsChannels = {
  'settings.get': channel({
    summary: 'Reads the setting’s preferences.',
    access: 'any-user',
    kind: 'read',
    input: noInput,
    output: settingsSchema,
  }),
  'settings.update': channel({
    summary: 'Changes the setting’s preferences.',
    access: ['admin', 'manager'],
    kind: 'write',
    input: settingsUpdateSchema,
    output: settingsSchema,
  }),
};
