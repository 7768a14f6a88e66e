import { z } from 'zod';
import { channel, noInput, okOutput, roleSchema } from './define';
import { newPasswordSchema } from './password';

export const sessionSchema = z.object({
  userId: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(roleSchema),
  /** First login with an initial password, or after a reset or recovery: nothing else opens until changed. */
  mustChangePassword: z.boolean(),
  /** Logged in with the recovery key: the current password is not asked for when choosing a new one. */
  viaRecoveryKey: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** "Hide screen" was used: nothing but unhiding, locking and logging out opens until the user's password is typed. */
  hidden: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const authChannels = {
  'auth.login': channel({
    summary: 'Logs in with username and password; opens the database.',
    access: 'public',
    kind: 'write',
    input: z.object({
      username: z.string().trim().toLowerCase().min(1, 'Enter your username.').max(40),
      password: z.string().min(1, 'Enter your password.').max(200),
    }),
    output: sessionSchema,
  }),
  'auth.loginWithRecoveryKey': channel({
    summary: 'Opens the database with the printed recovery key; an administrator must then choose a new password.',
    access: 'public',
    kind: 'write',
    input: z.object({
      recoveryKey: z.string().trim().min(1, 'Enter the recovery key.').max(200),
      /** Which administrator gets a new password; the first active administrator when left out. */
      username: z.string().trim().toLowerCase().max(40).optional(),
    }),
    output: sessionSchema,
  }),
  'auth.logout': channel({
    summary: 'Logs out: closes the database and forgets the key.',
    access: 'any-user',
    kind: 'write',
    input: noInput,
    output: okOutput,
  }),
  'auth.lock': channel({
    summary: 'Locks the laptop: closes the database and forgets the key until someone logs in.',
    access: 'any-user',
    kind: 'write',
    input: noInput,
    output: okOutput,
  }),
  'auth.hide': channel({
    summary: 'Hides the screen at once: nothing opens until the logged-in user types their password.',
    access: 'any-user',
    kind: 'write',
    input: noInput,
    output: okOutput,
  }),
  'auth.confirm': channel({
    summary: 'Confirms the logged-in user’s own password again before the safeguarding area opens (step-up).',
    access: 'any-user',
    kind: 'write',
    input: z.object({ password: z.string().min(1, 'Enter your password.').max(200) }),
    output: okOutput,
  }),
  'auth.unhide': channel({
    summary: 'Shows the screen again after the logged-in user types their own password.',
    access: 'any-user',
    kind: 'write',
    input: z.object({ password: z.string().min(1, 'Enter your password.').max(200) }),
    output: sessionSchema,
  }),
  'auth.changePassword': channel({
    summary: 'Changes the logged-in user’s own password (re-wraps their key slot only).',
    access: 'any-user',
    kind: 'write',
    input: z.object({
      /** Not needed straight after logging in with the recovery key. */
      currentPassword: z.string().max(200).optional(),
      newPassword: newPasswordSchema,
    }),
    output: sessionSchema,
  }),
  'auth.session': channel({
    summary: 'Who is logged in, if anyone.',
    access: 'public',
    kind: 'read',
    input: noInput,
    output: z.object({ session: sessionSchema.nullable() }),
  }),
};
