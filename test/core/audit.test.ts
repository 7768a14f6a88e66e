import Database from '@signalapp/sqlcipher';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/log';
import { AUDIT_WORDING } from '../../electron/core/audit/wording';
import { CHANNEL_NAMES } from '../../shared/contract/index';
import type { Core } from '../../electron/core/index';
import { errorCode, loginAdmin, openTestCore, rawKeyFromRecovery, setUpCore } from './helpers';

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
  const core = await openTestCore({ dataDir: env.dir });
  cleanups.push(() => core.close());
  await loginAdmin(core);
  return core;
}

function filesContaining(dir: string, needle: string): string[] {
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));
  return files(dir).filter((f) => readFileSync(f).includes(Buffer.from(needle, 'utf8')));
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

  it('rows cut off the end are found from the head, and nothing more is appended over the cut', async () => {
    const env = await fresh();
    await someHistory(env.core);
    let cutFrom = 0;
    let head = 0;
    const core = await tamper(env, (raw) => {
      head = lastSeq(raw);
      cutFrom = head - 1;
      // The shorter trail is still a valid chain: only the head shows that its end was removed.
      raw.prepare('DELETE FROM audit_log WHERE seq >= $seq').run({ seq: cutFrom });
    });
    // Logging in (above) works, so an administrator can see what is missing; it adds nothing over the cut.
    const result = await core.invoke('audit.verify');
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: cutFrom, message: `The audit trail has been altered: entries ${cutFrom} to ${head} have been removed from its end.` });
    await expect(core.invoke('children.create', { legalName: 'Cara Doe', dateOfBirth: '2022-01-02' })).rejects.toMatchObject({
      code: 'audit-broken',
      message: expect.stringMatching(/entries \d+ to \d+ have been removed from its end\. Nothing was saved\./),
    });
    // The write was rolled back with its entry.
    await core.invoke('auth.lock');
    await env.core.close().catch(() => undefined);
    const raw = await openRaw(env.dir, env.recoveryKey);
    try {
      expect((raw.prepare("SELECT count(*) AS n FROM children WHERE legal_name = 'Cara Doe'").get() as { n: number }).n).toBe(0);
      expect(lastSeq(raw)).toBe(cutFrom - 1);
    } finally {
      raw.close();
    }
  });

  it('rows and the head both cut off the end: the next write is refused, not papered over with a rebuilt head', async () => {
    const env = await fresh();
    await someHistory(env.core);
    let kept = 0;
    const core = await tamper(env, (raw) => {
      kept = lastSeq(raw) - 3;
      raw.prepare('DELETE FROM audit_log WHERE seq > $seq').run({ seq: kept });
      raw.exec("DELETE FROM settings WHERE key = 'audit.head'");
    });
    expect(await errorCode(core.invoke('children.create', { legalName: 'Cara Doe', dateOfBirth: '2022-01-02' }))).toBe('audit-broken');
    expect(await core.invoke('audit.verify')).toMatchObject({
      ok: false,
      firstBrokenSeq: kept + 1,
      message: `The audit trail has been altered: the record of its last entry is missing, so entries after ${kept} may have been removed.`,
    });
  });

  it('a whole trail wiped, with or without its head, is broken; the first entry must be the set-up', async () => {
    const env = await fresh();
    await someHistory(env.core);
    let head = 0;
    const core = await tamper(env, (raw) => {
      head = lastSeq(raw);
      raw.exec('DELETE FROM audit_log');
    });
    expect(await core.invoke('audit.verify')).toMatchObject({ ok: false, firstBrokenSeq: 1, message: `The audit trail has been altered: the whole trail has been removed: entries 1 to ${head} are missing.` });
    expect(await errorCode(core.invoke('settings.update', { idleLockMinutes: 9 }))).toBe('audit-broken');
    await core.close();

    const raw = await openRaw(env.dir, env.recoveryKey);
    try {
      raw.exec("DELETE FROM settings WHERE key = 'audit.head'");
      expect(verifyAudit(raw)).toMatchObject({ ok: false, firstBrokenSeq: 1, message: expect.stringMatching(/whole trail is missing, including entry 1 \(the set-up\)/) });
      // A new, valid-looking chain that does not start with the set-up is still found out.
      const row = { seq: 1, at: new Date().toISOString(), user_id: null, channel: 'auth.login', kind: 'write', record_ids: '[]', prev_hash: '0'.repeat(64) };
      const hash = createHash('sha256').update(JSON.stringify([row.seq, row.at, row.user_id, row.channel, row.kind, row.record_ids, row.prev_hash])).digest('hex');
      raw.prepare('INSERT INTO audit_log (seq, at, user_id, channel, kind, record_ids, prev_hash, hash) VALUES ($seq, $at, $user_id, $channel, $kind, $record_ids, $prev_hash, $hash)').run({ ...row, hash });
      raw.prepare("INSERT INTO settings (key, value) VALUES ('audit.head', $v)").run({ v: JSON.stringify({ seq: 1, hash }) });
      expect(verifyAudit(raw)).toMatchObject({ ok: false, firstBrokenSeq: 1, message: 'The audit trail has been altered: entry 1 is not the set-up of TwoWay, so the start of the trail has been replaced.' });
    } finally {
      raw.close();
    }
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

describe('refusals, failed logins and prints leave a trace (issue 10.6)', () => {
  it('failed logins are recorded with the username tried, never the password, once someone logs in', async () => {
    const { core, dir, recoveryKey } = await fresh();
    const password = `CANARY-${Math.random().toString(36).slice(2)}`;
    expect(await errorCode(core.invoke('auth.login', { username: 'alice', password }))).toBe('wrong-credentials');
    expect(await errorCode(core.invoke('auth.login', { username: 'mallory', password }))).toBe('wrong-credentials');
    expect(await errorCode(core.invoke('auth.loginWithRecoveryKey', { recoveryKey: password }))).toBe('wrong-credentials');
    await loginAdmin(core);
    const alice = (await core.invoke('auth.session')).session!;
    const { entries } = await core.invoke('audit.list', { what: 'failed-logins' });
    expect(entries.map((e) => e.description)).toEqual([
      'Someone tried the recovery key, and it did not match',
      'Someone tried to log in as “mallory”, which is not a username in TwoWay',
      'Someone tried to log in as “alice” (Alice Adminson): the password was wrong or the account is not active',
    ]);
    expect(entries.every((e) => e.outcome === 'failed-login' && e.userId === null)).toBe(true);
    // Filtering by Alice finds the try on her account.
    expect((await core.invoke('audit.list', { userId: alice.userId, what: 'failed-logins' })).entries).toHaveLength(1);
    await core.invoke('auth.lock');
    await core.close();
    expect(filesContaining(dir, password)).toEqual([]);
    const raw = await openRaw(dir, recoveryKey);
    try {
      expect(JSON.stringify(raw.prepare('SELECT * FROM audit_log').all())).not.toContain(password);
    } finally {
      raw.close();
    }
  });

  it('refused calls are recorded apart from the rolled-back call: who, which channel, why, never the input', async () => {
    const { core } = await fresh();
    await loginAdmin(core);
    await core.invoke('users.create', { fullName: 'Pat Keyperson', username: 'pat', password: 'initial password 1', roles: ['practitioner'] });
    await core.invoke('auth.login', { username: 'pat', password: 'initial password 1' });
    // Before the password change only the password change opens.
    expect(await errorCode(core.invoke('children.list', {}))).toBe('must-change-password');
    await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: 'a new password 22' });
    const pat = (await core.invoke('auth.session')).session!;
    const canary = `CANARY-${Math.random().toString(36).slice(2)}`;
    expect(await errorCode(core.invoke('users.create', { fullName: canary, username: 'canary', password: 'initial password 1', roles: ['admin'] }))).toBe('forbidden');
    expect(await errorCode(core.call('diary.add', { childId: 'x', day: 'not a date', text: canary }))).toBe('invalid-input');
    await core.invoke('auth.lock');
    expect(await errorCode(core.invoke('children.list', {}))).toBe('not-logged-in');
    await loginAdmin(core);

    const { entries } = await core.invoke('audit.list', { what: 'refused' });
    expect(entries.map((e) => [e.channel, e.userId, e.why])).toEqual([
      ['children.list', null, 'Nobody was logged in.'],
      ['diary.add', pat.userId, 'The details sent were not valid (nothing was saved).'],
      ['users.create', pat.userId, 'Their role does not allow it.'],
      ['children.list', pat.userId, 'They had to choose a new password first.'],
    ]);
    expect(entries[2]!.description).toBe('Pat Keyperson tried to add a staff account: refused, their role does not allow it');
    expect(JSON.stringify(entries)).not.toContain(canary);
    // Nothing else was written: no child, no account.
    expect((await core.invoke('children.list', {})).children).toHaveLength(0);
    expect((await core.invoke('users.list')).users.map((u) => u.username).sort()).toEqual(['alice', 'pat']);
    expect((await core.invoke('audit.verify')).ok).toBe(true);
  });

  it('every print names who printed which document about which child; the second person is named on the entry they confirmed', async () => {
    const { core } = await fresh();
    const { childId } = await someHistory(core);
    await core.invoke('print.record', { document: 'child-summary', recordId: childId });
    const prints = await core.invoke('audit.list', { what: 'prints' });
    expect(prints.entries).toHaveLength(1);
    expect(prints.entries[0]).toMatchObject({ channel: 'print.record', recordIds: expect.arrayContaining(['print:child-summary', `child:${childId}`]) });
    expect(prints.entries[0]!.description).toBe('Alice Adminson printed Amelia Jones’s one-page summary');

    // A second person at the same laptop: Mark confirms Dina's referral with his own password.
    for (const [username, fullName, roles] of [
      ['dina', 'Dina Lead', ['dsl']],
      ['mark', 'Mark Manager', ['manager']],
    ] as const) {
      await loginAdmin(core);
      await core.invoke('users.create', { fullName, username, password: 'initial password 1', roles: [...roles] });
      await core.invoke('auth.login', { username, password: 'initial password 1' });
      await core.invoke('auth.changePassword', { currentPassword: 'initial password 1', newPassword: 'a new password 22' });
    }
    const mark = (await core.invoke('auth.session')).session!;
    await loginAdmin(core);
    const { id: mash } = await core.invoke('partners.create', { name: 'Children’s Social Care (MASH)', kind: 'social-care', secureEmail: 'mash@council.gov.example' });
    await core.invoke('auth.login', { username: 'dina', password: 'a new password 22' });
    const share = (password: string) =>
      core.invoke('sharing.record', {
        childId,
        partnerId: mash,
        purpose: 'Referral: a disclosure at drop-off.',
        legitimatePurpose: true,
        recipientNeed: 'safeguarding-function',
        items: [{ ref: 'details:child', necessary: true }],
        identifiable: true,
        confidential: true,
        consent: 'refused',
        statutoryDuty: false,
        courtOrder: false,
        harm: 'significant-harm-suspected',
        adviceSought: false,
        parentsInformed: true,
        method: 'secure-email',
        decision: 'share',
        reasons: 'The risk to the child outweighs the refusal.',
        authoriser: { username: 'mark', password },
      });
    expect(await errorCode(share('not his password'))).toBe('wrong-credentials');
    await share('a new password 22');
    await loginAdmin(core);
    const byMark = await core.invoke('audit.list', { userId: mark.userId, what: 'sharing' });
    expect(byMark.entries.map((e) => e.channel)).toEqual(['sharing.record']);
    expect(byMark.entries[0]).toMatchObject({ userName: 'Dina Lead', confirmedById: mark.userId, confirmedByName: 'Mark Manager' });
    expect(byMark.entries[0]!.description).toBe(
      'Dina Lead recorded an information sharing decision about Amelia Jones (to Children’s Social Care (MASH)), confirmed by Mark Manager with their own password at the same laptop',
    );
    // The wrong password was refused and recorded against Dina's session; nothing was recorded as shared.
    const refused = await core.invoke('audit.list', { what: 'refused' });
    expect(refused.entries.map((e) => [e.channel, e.userName, e.why])).toEqual([['sharing.record', 'Dina Lead', 'A password did not match.']]);
    // Each password costs a full key derivation: generous on a busy machine.
  }, 120_000);
});

describe('the audit trail speaks to a manager (issue 11.17)', () => {
  it('entries are described with names, page beyond the newest, and filter by what happened', async () => {
    const { core } = await fresh();
    const { childId } = await someHistory(core);
    const all = await core.invoke('audit.list', {});
    const descriptions = all.entries.map((e) => e.description);
    expect(descriptions).toContain('Alice Adminson viewed Amelia Jones’s file');
    expect(descriptions).toContain('Alice Adminson added a parent or carer for Amelia Jones');
    expect(descriptions).toContain('Alice Adminson set up TwoWay on this laptop');
    expect(descriptions.join(' ')).not.toMatch(/[0-9a-f]{8}-|child:|\.get\b/);
    // Paging: three at a time, with nothing repeated or missed.
    const seen: number[] = [];
    let beforeSeq: number | undefined;
    for (;;) {
      const page = await core.invoke('audit.list', { limit: 3, ...(beforeSeq ? { beforeSeq } : {}) });
      expect(page.total).toBeGreaterThanOrEqual(all.total);
      if (page.entries.length === 0) break;
      seen.push(...page.entries.map((e) => e.seq));
      beforeSeq = page.entries.at(-1)!.seq;
    }
    // Every entry once, newest first, down to the set-up (the first page also shows the read of the whole list above).
    expect(seen).toEqual(Array.from({ length: all.entries[0]!.seq + 1 }, (_v, i) => all.entries[0]!.seq + 1 - i));
    // What happened: views only, changes only, logins only.
    const viewed = await core.invoke('audit.list', { what: 'viewed', childId });
    expect(viewed.entries.map((e) => e.channel)).toEqual(['children.get']);
    const changed = await core.invoke('audit.list', { what: 'changed' });
    expect(changed.entries.map((e) => e.channel)).toEqual(['settings.update', 'children.create', 'carers.create', 'children.create', 'setup.create']);
    const logins = await core.invoke('audit.list', { what: 'logins' });
    expect(logins.entries.map((e) => e.description)).toEqual(['Alice Adminson logged in']);
    // A `%` is a character, not a wildcard.
    expect((await core.invoke('audit.list', { recordId: '%' })).total).toBe(0);
  });

  it('administrators are warned on Home when failed logins pile up', async () => {
    const { core } = await fresh();
    for (let i = 0; i < 4; i++) await errorCode(core.invoke('auth.login', { username: 'alice', password: 'a guess at it' }));
    await loginAdmin(core);
    expect(await core.invoke('audit.loginAlerts')).toMatchObject({ failedLogins: 4, pilingUp: false });
    await core.invoke('auth.lock');
    await errorCode(core.invoke('auth.login', { username: 'bob', password: 'another guess' }));
    await loginAdmin(core);
    expect(await core.invoke('audit.loginAlerts')).toMatchObject({ failedLogins: 5, pilingUp: true });
  }, 120_000);
});

it('every channel has audit wording for a manager (add a line to electron/core/audit/wording.ts for a new one)', () => {
  const missing = CHANNEL_NAMES.filter((name) => !AUDIT_WORDING[name]);
  expect(missing).toEqual([]);
  for (const [done, tried] of Object.values(AUDIT_WORDING)) {
    expect(done).not.toMatch(/\.|channel|input/);
    expect(tried).not.toMatch(/\.|channel|input/);
  }
});
