import { z } from 'zod';

/**
 * Plain words for every check that has no message of its own. A schema's own message always wins
 * (`text('Full name')` says "Full name is required."); this map only replaces zod's default wording
 * ("Invalid input: expected string, received undefined"), which must never reach a manager's screen.
 * It is installed once, globally, by importing this module; `shared/contract/define.ts` imports it,
 * so every contract schema, in the core and in the renderer, parses with it.
 * test/core/messages.test.ts walks every channel's input schema and fails on any default wording.
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return 'This needs an answer.';
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') return 'Enter a number.';
      if (issue.expected === 'boolean') return 'Choose yes or no.';
      if (issue.expected === 'array') return 'Choose from the list.';
      return 'This answer is not in the form expected. Check it and try again.';
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'This needs an answer.' : `Use at least ${min} characters.`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'Choose at least one.' : `Choose at least ${min}.`;
      if (issue.origin === 'date') return 'That date is too early.';
      return `Enter ${min} or more.`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `Keep this to ${max} characters or fewer.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${max}.`;
      if (issue.origin === 'date') return 'That date is too late.';
      return `Enter ${max} or less.`;
    }
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter an email address like name@example.org.';
      if (issue.format === 'datetime' || issue.format === 'date') return 'Enter a real date.';
      if (issue.format === 'time') return 'Enter a time like 09:30.';
      return 'This is not in the form expected. Check it and try again.';
    case 'not_multiple_of':
      return 'Enter a whole number.';
    case 'invalid_value':
    case 'invalid_union':
      return 'Choose one of the options.';
    case 'unrecognized_keys':
      return 'The form sent something it should not. Close it and try again.';
    default:
      return 'Check this answer.';
  }
}

z.config({ customError: (issue) => plainMessage(issue) });
