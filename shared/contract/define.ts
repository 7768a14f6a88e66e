import { z } from 'zod';
// Installs plain words for zod's defaults before any schema here is used.
import './messages';

/** The roles a member of staff may hold; a user may hold several. */
// 'senco' (seed 004: decisions "authorized by either the head teacher or the SENCO") may authorise
// information sharing; it gives no other access of its own.
export const ROLES = ['practitioner', 'office', 'dsl', 'manager', 'admin', 'senco'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  practitioner: 'Practitioner / key person',
  office: 'Office',
  dsl: 'Designated safeguarding lead',
  manager: 'Manager',
  admin: 'Administrator',
  senco: 'SENCO (special educational needs coordinator)',
};

/**
 * Who may call a channel:
 * - 'public': nobody needs to be logged in (setup and login screens);
 * - 'any-user': any logged-in member of staff, whatever their roles;
 * - a list of roles: a logged-in user holding at least one of them.
 */
export type Access = 'public' | 'any-user' | readonly Role[];

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Writes run in a transaction and are always audited. */
  kind: 'read' | 'write';
  /** A read of a sensitive record (safeguarding, health, sharing): audited like a write. */
  sensitive?: boolean;
  /** One sentence for the audit viewer and the developer docs. */
  summary: string;
  /** A write the dispatcher must not wrap in a transaction (changing the database key); audited after it. */
  ownTransaction?: true;
  /**
   * The safeguarding area (issue 18): refused with `step-up-needed` until the user has typed their
   * password again within the setting's step-up time (`stepUpMinutes`); logging in counts.
   */
  stepUp?: true;
}

/** Declares a channel; the name is the key of the feature's channel table. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}

/** An input that takes nothing: `undefined` or `{}` (and nothing else). */
export const noInput = z.object({}).strict().optional();

export const okOutput = z.object({ ok: z.literal(true) });
export const idOutput = z.object({ id: z.string() });

/** Calendar day in Europe/London, `YYYY-MM-DD`. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date: day, month and year.')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'That is not a real date.');

/** An instant, ISO-8601 in UTC. */
export const instantSchema = z.string().datetime();

export const idSchema = z.string().min(1).max(64);

/**
 * A field's label in a message. A label that is a question or speaks to the reader ("Why it is
 * cancelled", "Your reasons") cannot be the subject of "… is required", so it is quoted instead.
 */
const QUESTION_LABEL = /^(who|whom|what|why|how|when|where|which|your)\b/i;
export const missingMessage = (label: string) => (QUESTION_LABEL.test(label) ? `Fill in “${label}”.` : `${label} is required.`);
export const tooLongMessage = (label: string, max: number) =>
  QUESTION_LABEL.test(label) ? `Keep “${label}” to ${max} characters or fewer.` : `${label} must be ${max} characters or fewer.`;

/** Trimmed text a person typed; `max` keeps a runaway paste from bloating the database. */
export function text(label: string, max = 200) {
  return z
    .string({ error: missingMessage(label) })
    .trim()
    .min(1, missingMessage(label))
    .max(max, tooLongMessage(label, max));
}

/** Whether someone holding `roles` may call a channel with this access (the dispatcher and the menus use the same rule). */
export function rolesAllow(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (!roles) return false;
  if (access === 'any-user') return true;
  return access.some((role) => roles.includes(role));
}
