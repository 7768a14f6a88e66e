import { TwoWayError } from '../../../shared/contract/errors';
import { RECOVERY_LABEL, sealToSlot, userLabel, type KeySlot, type KeySlotV2 } from './crypto';

/**
 * Changing the database key without ever leaving the records unopenable.
 *
 * A key change has three steps, each of which can be cut short by a crash or power cut:
 *   1. `sealPending`: the new key is sealed to every active slot's public key (no passwords are
 *      needed, see crypto.ts) and written beside the current key as `pending`, in recovery.json
 *      and then in the settings file (each write atomic: temp file + rename).
 *   2. SQLCipher `PRAGMA rekey` re-encrypts every page in one transaction (rollback journal): the
 *      file is wholly under the old key or wholly under the new one.
 *   3. `promotePending`: `pending` becomes `sealed` in every slot; slots not re-wrapped are dropped.
 * Every unlock opens both keys of a slot, and the database is tried with the current key first,
 * then with the pending one (CoreState.open):
 *   - cut during 1 or 2: the current key opens the file (SQLite rolls back an unfinished rekey with
 *     it), so the pending keys are forgotten (`abandonPending`);
 *   - cut during 3 (or between 2 and 3): the current key fails, the pending key opens the file, and
 *     step 3 is finished then.
 * The current key is always tried first because an unfinished rekey's journal can only be rolled
 * back with the key it was written under.
 */
export interface SlotSet {
  users: Record<string, unknown>;
  recovery: unknown;
}

export function sealPending(
  slots: SlotSet,
  newKey: Buffer,
  activeUsernames: readonly string[],
  parse: (raw: unknown) => KeySlot,
): SlotSet & { rewrapped: string[]; dropped: string[] } {
  const recovery = parse(slots.recovery);
  if (recovery.v !== 2) {
    throw new TwoWayError(
      'conflict',
      'This laptop’s recovery key was made by an older version of TwoWay. Log in once with the recovery key (it is upgraded then), and try again.',
    );
  }
  const active = new Set(activeUsernames);
  const users: Record<string, KeySlotV2> = {};
  const rewrapped: string[] = [];
  const dropped: string[] = [];
  const older: string[] = [];
  for (const [username, raw] of Object.entries(slots.users)) {
    if (!active.has(username)) {
      // A deactivated (or unknown) account's slot is not carried over: the new key is never sealed to it.
      dropped.push(username);
      continue;
    }
    const slot = parse(raw);
    if (slot.v !== 2) {
      older.push(username);
      continue;
    }
    users[username] = { ...slot, pending: sealToSlot(slot, newKey, userLabel(username)) };
    rewrapped.push(username);
  }
  if (older.length > 0) {
    throw new TwoWayError(
      'conflict',
      `Some people have not logged in since TwoWay was updated (${older.join(', ')}). Ask them to log in once, or give them a new first password, then try again.`,
    );
  }
  return { users, recovery: { ...recovery, pending: sealToSlot(recovery, newKey, RECOVERY_LABEL) }, rewrapped, dropped };
}

/** Step 3: each slot's pending key becomes its key; a slot without one cannot open the re-keyed file and is dropped. */
export function promotePending(slots: SlotSet): SlotSet {
  const promote = (raw: unknown): unknown => {
    const slot = raw as Partial<KeySlotV2>;
    if (!slot || slot.v !== 2 || !slot.pending) return undefined;
    const { pending, ...rest } = slot as KeySlotV2;
    return { ...rest, sealed: pending };
  };
  const users: Record<string, unknown> = {};
  for (const [username, raw] of Object.entries(slots.users)) {
    const next = promote(raw);
    if (next !== undefined) users[username] = next;
  }
  return { users, recovery: promote(slots.recovery) ?? slots.recovery };
}

/** The change stopped before the file was re-keyed: drop the pending keys, keep everything else. */
export function abandonPending(slots: SlotSet): SlotSet {
  const strip = (raw: unknown): unknown => {
    if (!raw || typeof raw !== 'object' || !('pending' in raw)) return raw;
    const { pending: _pending, ...rest } = raw as KeySlotV2;
    return rest;
  };
  return { users: Object.fromEntries(Object.entries(slots.users).map(([u, raw]) => [u, strip(raw)])), recovery: strip(slots.recovery) };
}
