import { z } from 'zod';

/** Every error that crosses the bridge has one of these codes and a message a manager can act on. */
export const ERROR_CODES = [
  'invalid-input',
  'not-logged-in',
  'forbidden',
  'must-change-password',
  'not-set-up',
  'already-set-up',
  'wrong-credentials',
  'login-delayed',
  'key-slot-damaged',
  'database-newer',
  'not-found',
  'conflict',
  'unknown-channel',
  'unavailable',
  'internal',
  /** The audit trail's end is missing: nothing more is appended until an administrator looks (see audit.verify). */
  'audit-broken',
  /** The screen was hidden (auth.hide): nothing opens until that user's password is typed (auth.unhide). */
  'screen-hidden',
  /** The safeguarding area needs the user's password again (issue 18): confirm it with auth.confirm, then retry. */
  'step-up-needed',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const fieldIssueSchema = z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorBodySchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** For invalid-input: which field, and what is wrong with it. */
  issues: z.array(fieldIssueSchema).optional(),
  /** For login-delayed: seconds until the next try is allowed. */
  retryAfterSeconds: z.number().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** What every transport returns: Electron IPC and the preview harness alike. */
export const envelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorBodySchema }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

export class TwoWayError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, extra: { issues?: FieldIssue[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'TwoWayError';
    this.code = code;
    this.issues = extra.issues;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, issues: this.issues, retryAfterSeconds: this.retryAfterSeconds };
  }

  static fromBody(body: ErrorBody): TwoWayError {
    return new TwoWayError(body.code, body.message, { issues: body.issues, retryAfterSeconds: body.retryAfterSeconds });
  }
}

/** Turns zod issues into field messages (paths kept so forms can show them beside the field). */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
}
