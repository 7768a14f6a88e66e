import Database from '@signalapp/sqlcipher';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/log';
import { openCore, type Core } from '../../electron/core/index';
import { loginAdmin, rawKeyFromRecovery, setUpCore } from './helpers';

// The audit trail: append-only (SQL triggers), hash-chained, with its head (the last entry's number
// and hash) kept in the encrypted settings table in the same savepoint as each entry. `audit.verify`
// names the first broken link when a row is altered or removed, including rows cut off the end.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fresh() {
  const env = await setUpCore();
  cleanups.push(env.cleanup);
  return env;
}

/** A trail with some history: a child, a parent, a few reads. */
async function someHistory(core: Core): Promise<{ childId: string; otherId: string }> {
  await loginAdmin(core);
  const { id: childId } = await core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2022-03-14' });
  await core.invoke('carers.create', { childId, fullName: 'Sarah Jones', relationship: 'Mother', parentalResponsibility: true });
  const { id: otherId } = await core.invoke('children.create', { legalName: 'Ben Ahmed', dateOfBirth: '2022-01-02' });
  await core.invoke('children.get', { childId });
  await core.invoke('children.get', { childId: otherId });
  await core.invoke('settings.update', { idleLockMinutes: 6 });
  return { childId, otherId };
}

/** Opens the database file directly with the raw key (from the recovery slot), as standard SQLCipher tools could. */
async function openRaw(dir: string, recoveryKey: string) {
  const raw = new Database(join(dir, 'twoway.db'));
  raw.pragma(`key = "x'${(await rawKeyFromRecovery(dir, recoveryKey)).toString('hex')}'"`);
  return raw;
}

/** Closes the core, tampers with the file, and opens a new core on it. */
async function tamper(env: Awaited<ReturnType<typeof fresh>>, change: (raw: Database) => void): Promise<Core> {
  await env.core.close();
  const raw = await openRaw(env.dir, env.recoveryKey);
  try {
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    change(raw);
  } finally {
    raw.close();
  }
  const core = await openCore({ dataDir: env.dir });
  cleanups.push(() => core.close());
  await loginAdmin(core);
  return core;
}

function lastSeq(raw: Database): number {
  return (raw.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
}

describe('the audit chain detects tampering', () => {
  it('an intact trail verifies, and every write and login is in it', async () => {
    const { core } = await fresh();
    await someHistory(core);
    const result = await core.invoke('audit.verify');
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(result.entries).toBeGreaterThanOrEqual(8);
    expect(result.message).toBe(`All ${result.entries} audit entries are intact.`);
  });

  it('UPDATE and DELETE are refused while the append-only triggers exist', async () => {
    const env = await fresh();
    await someHistory(env.core);
    await env.core.close();
    const raw = await openRaw(env.dir, env.recoveryKey);
    try {
      expect(() => raw.exec("UPDATE audit_log SET channel = 'nothing.here' WHERE seq = 2")).toThrow(/append-only/);
      expect(() => raw.exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
      expect(() => raw.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });

  it('a row altered in place is named by its number', async () => {
    const env = await fresh();
    const { otherId } = await someHistory(env.core);
    let seq = 0;
    // Someone hides that they opened Ben's file: the entry now says it touched nothing.
    const core = await tamper(env, (raw) => {
      seq = (raw.prepare("SELECT seq FROM audit_log WHERE record_ids LIKE $ref AND channel = 'children.get'").get({ ref: `%${otherId}%` }) as { seq: number }).seq;
      raw.prepare("UPDATE audit_log SET record_ids = '[]' WHERE seq = $seq").run({ seq });
    });
    expect(seq).toBeGreaterThan(1);
    const result = await core.invoke('audit.verify');
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: seq });
    expect(result.message).toBe(`The audit trail has been altered: entry ${seq} is missing or does not match the entries before it.`);
  });

  it('a row removed from the middle is named by its number', async () => {
    const env = await fresh();
    await someHistory(env.core);
    const core = await tamper(env, (raw) => raw.exec('DELETE FROM audit_log WHERE seq = 4'));
    expect(await core.invoke('audit.verify')).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });

  it('rows cut off the end are found from the head, even after more entries are appended', async () => {
    const env = await fresh();
    await someHistory(env.core);
    let cutFrom = 0;
    const core = await tamper(env, (raw) => {
      cutFrom = lastSeq(raw) - 1;
      // The shorter trail is still a valid chain: only the head shows that its end was removed.
      raw.prepare('DELETE FROM audit_log WHERE seq >= $seq').run({ seq: cutFrom });
    });
    // Logging in (above) appended an entry after the cut; the gap stays.
    const result = await core.invoke('audit.verify');
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: cutFrom });
    await core.invoke('users.list');
    expect((await core.invoke('audit.verify')).firstBrokenSeq).toBe(cutFrom);
  });

  it('rows cut off the end with nothing appended since are reported from the head', async () => {
    const env = await fresh();
    await someHistory(env.core);
    await env.core.close();
    const raw = await openRaw(env.dir, env.recoveryKey);
    const head = JSON.parse((raw.prepare("SELECT value FROM settings WHERE key = 'audit.head'").get() as { value: string }).value) as { seq: number; hash: string };
    expect(head.seq).toBe(lastSeq(raw));
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq > $seq').run({ seq: head.seq - 3 });
    raw.close();
    // verifyAudit is what audit.verify runs: call it on the tampered file, before any login appends an entry.
    const again = await openRaw(env.dir, env.recoveryKey);
    try {
      expect(verifyAudit(again)).toMatchObject({ ok: false, firstBrokenSeq: head.seq - 2, message: `The audit trail has been altered: entries ${head.seq - 2} to ${head.seq} have been removed from its end.` });
    } finally {
      again.close();
    }
  });

  it('a rewritten last row, or a missing head, is reported', async () => {
    const env = await fresh();
    await someHistory(env.core);
    await env.core.close();
    const raw = await openRaw(env.dir, env.recoveryKey);
    try {
      const n = lastSeq(raw);
      raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
      raw.prepare("UPDATE audit_log SET hash = 'x' WHERE seq = $n").run({ n });
      expect(verifyAudit(raw)).toMatchObject({ ok: false, firstBrokenSeq: n });
      raw.exec("DELETE FROM settings WHERE key = 'audit.head'");
      raw.prepare('DELETE FROM audit_log WHERE seq = $n').run({ n });
      expect(verifyAudit(raw)).toMatchObject({ ok: false, firstBrokenSeq: n, message: expect.stringMatching(/record of its last entry is missing/) });
    } finally {
      raw.close();
    }
  });
});

describe('what is audited', () => {
  it('reads of sensitive records are audited with who, when, the channel and the child; ordinary reads are not', async () => {
    const { core } = await fresh();
    const { childId, otherId } = await someHistory(core);
    await core.invoke('users.create', { fullName: 'Pat Keyperson', username: 'pat', password: 'initial password 1', roles: ['practitioner'] });
    await core.invoke('auth.login', { username: 'pat', password: 'initial password 1' });
    await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: 'a new password 22' });
    const pat = (await core.invoke('auth.session')).session!;
    await core.invoke('children.get', { childId });
    await core.invoke('consent.register', { childId });
    await core.invoke('settings.get');
    await loginAdmin(core);

    const { entries } = await core.invoke('audit.list', { userId: pat.userId, limit: 50 });
    const reads = entries.filter((e) => e.kind === 'read');
    expect(reads.map((e) => e.channel).sort()).toEqual(['children.get', 'consent.register']);
    for (const e of reads) {
      expect(e).toMatchObject({ userId: pat.userId, userName: 'Pat Keyperson', recordIds: [`child:${childId}`] });
      expect(Date.parse(e.at)).toBeGreaterThan(Date.now() - 60_000);
    }

    // The child filter: everything that touched Amelia, and nothing of Ben.
    const amelia = await core.invoke('audit.list', { childId, limit: 200 });
    expect(amelia.entries.map((e) => e.channel)).toEqual(expect.arrayContaining(['children.create', 'carers.create', 'children.get', 'consent.register']));
    expect(amelia.entries.every((e) => e.recordIds.includes(`child:${childId}`))).toBe(true);
    expect(amelia.entries.some((e) => e.recordIds.includes(`child:${otherId}`))).toBe(false);
    expect(amelia.total).toBe(amelia.entries.length);
    expect((await core.invoke('audit.verify')).ok).toBe(true);
  });

  it('the audit trail itself is for administrators and managers', async () => {
    const { core } = await fresh();
    await loginAdmin(core);
    await core.invoke('users.create', { fullName: 'Dina Lead', username: 'dina', password: 'initial password 1', roles: ['dsl'] });
    await core.invoke('auth.login', { username: 'dina', password: 'initial password 1' });
    await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: 'a new password 22' });
    await expect(core.invoke('audit.list', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.invoke('audit.verify')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
