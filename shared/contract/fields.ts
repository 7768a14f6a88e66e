import { z } from 'zod';
import { daySchema, tooLongMessage, type Role } from './define';
import { TwoWayError } from './errors';

// Small field schemas shared by the children, partners, consent and setting contracts.

/** Everyone who works with children may read their records (key persons need health and restrictions). */
export const CHILD_READERS: readonly Role[] = ['practitioner', 'office', 'dsl', 'manager', 'admin'];
/** Who keeps the records: office, manager and administrator. */
export const RECORD_KEEPERS: readonly Role[] = ['office', 'manager', 'admin'];
/** Family, restrictions, partners and consent: the record keepers and the DSL (safeguarding). */
export const FAMILY_KEEPERS: readonly Role[] = ['office', 'dsl', 'manager', 'admin'];

/** Optional typed text: '' means "none" (an update with '' clears the field). */
export function optionalText(label: string, max = 200) {
  return z.string().trim().max(max, tooLongMessage(label, max)).optional();
}

/** Optional calendar day: a `YYYY-MM-DD`, or '' / null for none (what an empty date box sends). */
export const optionalDaySchema = z
  .string()
  .trim()
  .refine((s) => s === '' || daySchema.safeParse(s).success, 'Enter a real date (day, month and year).')
  .nullable()
  .optional();

/** Optional email address; '' for none. */
export function optionalEmail(label: string) {
  return z
    .string()
    .trim()
    .max(200, tooLongMessage(label, 200))
    .refine((s) => s === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s), `${label}: enter an address like name@example.org.`)
    .optional();
}

/** '' and undefined become null for storage. */
export function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/** An invalid-input error naming one field, for rules only the core can check (e.g. "is this carer this child's?"). */
export function fieldError(field: string, message: string, summary = 'Some details need correcting.'): TwoWayError {
  return new TwoWayError('invalid-input', summary, { issues: [{ path: [field], message }] });
}
