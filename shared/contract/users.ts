import { z } from 'zod';
import { channel, idOutput, idSchema, noInput, okOutput, roleSchema, text } from './define';
import { newPasswordSchema, usernameSchema } from './password';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const rolesInput = z.array(roleSchema).min(1, 'Choose at least one role.').transform((r) => [...new Set(r)]);

export const usersChannels = {
  'users.list': channel({
    summary: 'Lists staff accounts, active and deactivated.',
    access: ['admin', 'manager'],
    kind: 'read',
    input: noInput,
    output: z.object({ users: z.array(userSchema) }),
  }),
  'users.create': channel({
    summary: 'Adds a member of staff with an initial password they must change at first login.',
    access: ['admin'],
    kind: 'write',
    input: z.object({
      fullName: text('Full name', 120),
      username: usernameSchema,
      password: newPasswordSchema,
      roles: rolesInput,
    }),
    output: idOutput,
  }),
  'users.resetPassword': channel({
    summary: 'Gives a member of staff a new initial password (a new key slot); they must change it at login.',
    access: ['admin'],
    kind: 'write',
    input: z.object({ userId: idSchema, newPassword: newPasswordSchema }),
    output: okOutput,
  }),
  'users.setRoles': channel({
    summary: 'Changes the roles a member of staff holds.',
    access: ['admin'],
    kind: 'write',
    input: z.object({ userId: idSchema, roles: rolesInput }),
    output: okOutput,
  }),
  'users.deactivate': channel({
    summary: 'Deactivates an account (never deleted: their records and audit entries stay).',
    access: ['admin'],
    kind: 'write',
    input: z.object({ userId: idSchema, reason: text('The reason', 500) }),
    output: okOutput,
  }),
  'users.changeDatabaseKey': channel({
    summary: 'Changes the database key: every record is re-encrypted and only active accounts and the recovery key can open it, so old copies of the settings file stop working.',
    access: ['admin'],
    kind: 'write',
    ownTransaction: true,
    input: z.object({ password: z.string().min(1, 'Enter your password.').max(200) }),
    output: z.object({
      /** How many accounts' key slots now open the new key (the recovery key's slot is always re-wrapped too). */
      accounts: z.number().int(),
      seconds: z.number(),
    }),
  }),
};
