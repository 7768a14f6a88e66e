import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;

/** A password: at least 12 characters (three random words are easy to remember and long enough). */
export const newPasswordSchema = z
  .string({ error: 'Enter a password.' })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters. Three random words are easy to remember and hard to guess.`)
  .max(200, 'Use 200 characters or fewer.');

/** Usernames are what a person types at login; they find the key slot, so they are kept simple. */
export const usernameSchema = z
  .string({ error: 'Enter a username.' })
  .trim()
  .toLowerCase()
  .min(2, 'A username needs at least 2 characters.')
  .max(40, 'Use 40 characters or fewer.')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Use lower-case letters, numbers, dots, dashes or underscores, starting with a letter or number.');
