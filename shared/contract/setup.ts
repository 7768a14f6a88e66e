import { z } from 'zod';
import { channel, noInput, text } from './define';
import { newPasswordSchema, usernameSchema } from './password';

export const setupChannels = {
  'setup.status': channel({
    summary: 'Whether this laptop has been set up, and the setting name shown on the login screen.',
    access: 'public',
    kind: 'read',
    input: noInput,
    output: z.object({
      isSetUp: z.boolean(),
      settingName: z.string().nullable(),
      /** The records are here but the settings file with the key slots is missing or damaged: only the recovery key opens them. */
      recoveryNeeded: z.enum(['settings-missing', 'settings-damaged']).nullable(),
    }),
  }),
  'setup.create': channel({
    summary: 'First run: creates the encrypted database, the first administrator and the recovery key.',
    access: 'public',
    kind: 'write',
    input: z.object({
      settingName: text('The setting name', 120),
      admin: z.object({
        fullName: text('Full name', 120),
        username: usernameSchema,
        password: newPasswordSchema,
      }),
    }),
    output: z.object({ recoveryKey: z.string() }),
  }),
};
