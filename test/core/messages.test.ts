import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/index';

// Every message a user can see is written for them (issue 11.6): zod's default wording ("Invalid
// input: expected string, received undefined", "Too small: expected string to have >=1 characters")
// must never reach a screen. This walks every channel's input schema with empty, missing and wrong
// answers at every field it can reach, and checks each message the form (or the core) would show.

/** zod's English defaults, and the shapes of them (a schema's own or the plain map's words never look like this). */
const DEFAULT_WORDING = [/\bInvalid\b/, /expected .*received/i, /^Too (small|big)/, /Unrecognized key/, /must match pattern/, /[<>]=?\s*\d/, /\bISO\b/, /\bundefined\b/, /\bNaN\b/,
  // A question or "your …" as the subject of "is required" ("Your reasons is required.", "Why it is cancelled is required.").
  /^(Who|Whom|What|Why|How|When|Where|Which|Your)\b.* (is required|must be \d+ characters)/];

const WRONG: unknown[] = [undefined, null, '', '   ', 'x', 0, -1, 1.5, 1e15, true, [], {}, 'x'.repeat(10_000), '2026-13-45', '0000-00-00', '<script>'];

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object shapes reachable inside a schema (through optional, default, pipes, unions, arrays). */
function shapes(schema: z.ZodType, depth = 0): Record<string, z.ZodType>[] {
  if (depth > 6) return [];
  const d = defOf(schema);
  switch (d.type) {
    case 'object':
      return [d.shape!];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return shapes(d.innerType!, depth + 1);
    case 'pipe':
      return shapes(d.in!, depth + 1);
    case 'union':
      return d.options!.flatMap((o) => shapes(o, depth + 1));
    case 'intersection':
      return [...shapes(d.left!, depth + 1), ...shapes(d.right!, depth + 1)];
    default:
      return [];
  }
}

/** Inputs that are wrong in one place each: the whole input, then each field (and fields of nested objects and list items). */
function wrongInputs(schema: z.ZodType, depth = 0): unknown[] {
  const out: unknown[] = [...WRONG, { unexpectedExtra: 1 }];
  if (depth > 3) return out;
  for (const shape of shapes(schema)) {
    for (const [key, field] of Object.entries(shape)) {
      for (const bad of WRONG) out.push({ [key]: bad });
      for (const nested of wrongInputs(field, depth + 1).slice(WRONG.length + 1)) out.push({ [key]: nested }, { [key]: [nested] });
      const inner = defOf(field);
      const element = inner.type === 'array' ? inner.element : inner.innerType && defOf(inner.innerType).type === 'array' ? defOf(inner.innerType).element : undefined;
      if (element) for (const bad of WRONG) out.push({ [key]: [bad] });
    }
  }
  return out;
}

describe('validation messages are written for a nursery manager', () => {
  it('no channel input shows zod’s default wording, whatever is missing or wrong', () => {
    const leaks = new Map<string, string>();
    let checked = 0;
    for (const [name, def] of Object.entries(contract)) {
      for (const input of wrongInputs(def.input as z.ZodType)) {
        let result;
        try {
          result = (def.input as z.ZodType).safeParse(input);
        } catch {
          continue; // a transform that cannot run on nonsense; the dispatcher answers that as invalid input
        }
        if (result.success) continue;
        for (const issue of result.error.issues) {
          checked++;
          if (DEFAULT_WORDING.some((re) => re.test(issue.message))) leaks.set(`${name} ${issue.path.join('.')}: ${issue.message}`, JSON.stringify(input)?.slice(0, 80));
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect([...leaks.keys()].slice(0, 40)).toEqual([]);
  });

  it('a check with no message of its own gets plain words', () => {
    const schema = z.object({ name: z.string(), count: z.number().min(2), when: z.iso.datetime(), kind: z.enum(['a', 'b']), list: z.array(z.string()).min(1) }).strict();
    const result = schema.safeParse({ count: 1, when: 'no', kind: 'c', list: [], extra: 1 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      'This needs an answer.',
      'Enter 2 or more.',
      'Enter a real date.',
      'Choose one of the options.',
      'Choose at least one.',
      'The form sent something it should not. Close it and try again.',
    ]);
  });
});
