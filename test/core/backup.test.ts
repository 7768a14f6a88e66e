import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { folderFiles } from '../../electron/core/backup/create';
import { readManifest, sealPrivate, trailer, hashFile, openPrivate, SCHEMA_VERSION } from '../../electron/core/backup/format';
import { m014Backups } from '../../electron/core/db/migrations/014_backups';
import { backupsOlderThan } from '../../electron/core/backup/repo';
import { runHere, runInWorker } from '../../electron/core/backup/worker';
import { openDatabase } from '../../electron/core/db/connection';
import { ADMIN, errorCode, loginAdmin, openTestCore, rawKeyFromRecovery, setUpCore, setUpWithFolder, tempDataDir } from './helpers';

const CANARY = 'Zebedee Canarywhistle';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp() {
  const made = await setUpWithFolder(cleanups);
  await made.core.invoke('children.create', { legalName: CANARY, dateOfBirth: '2022-03-14' });
  return made;
}

const childNames = async (core: Core) => (await core.invoke('children.list', {})).children.map((c: { legalName: string }) => c.legalName).sort();
const restoreAsAdmin = (core: Core, file: string) => core.invoke('backup.restore', { file, unlock: { username: ADMIN.username, password: ADMIN.password } });

describe('backup and restore', () => {
  it('round trip: the backup holds the records encrypted, checks out, and a restore brings back exactly them', async () => {
    const { core, folder } = await setUp();
    const { file } = await core.invoke('backup.create', { folder });
    expect(existsSync(file)).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(CANARY))).toBe(false);
    expect(bytes.includes(Buffer.from(CANARY, 'utf16le'))).toBe(false);
    expect(bytes.includes(Buffer.from(ADMIN.fullName))).toBe(false);
    expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);

    const verdict = await core.invoke('backup.verify', { file });
    expect(verdict).toMatchObject({ ok: true, counts: { children: 1, users: 1 } });
    const status = await core.invoke('backup.status');
    expect(status.last).toMatchObject({ file, createdBy: ADMIN.fullName });

    await core.invoke('children.create', { legalName: 'Added After', dateOfBirth: '2022-01-02' });
    // A wrong password for the file is refused, and is in the trail as a refused look at a backup, not a failed login.
    expect(await errorCode(core.invoke('backup.inspect', { file, unlock: { username: ADMIN.username, password: 'not the password' } }))).toBe('wrong-credentials');
    expect((await core.invoke('audit.list', { what: 'failed-logins', limit: 50 })).entries).toEqual([]);
    expect((await core.invoke('audit.list', { what: 'refused', limit: 50 })).entries.map((e) => e.channel)).toContain('backup.inspect');
    const summary = await core.invoke('backup.inspect', { file, unlock: { username: ADMIN.username, password: ADMIN.password } });
    expect(summary).toMatchObject({ createdBy: ADMIN.fullName, counts: { children: 1 } });
    expect(await childNames(core)).toEqual(['Added After', CANARY]);

    const restored = await restoreAsAdmin(core, file);
    expect(restored.summary.counts.children).toBe(1);
    // TwoWay locks after a restore: log in again to the restored records.
    expect((await core.invoke('auth.session')).session).toBeNull();
    await loginAdmin(core);
    expect(await childNames(core)).toEqual([CANARY]);
    const trail = await core.invoke('audit.list', {});
    expect(trail.entries.some((e: { channel: string }) => e.channel === 'backup.restore')).toBe(true);
    expect((await core.invoke('audit.verify')).ok).toBe(true);

    // Undo puts back what was there before the restore (until the next restore).
    expect((await core.invoke('backup.status')).undo).toMatchObject({ file });
    await core.invoke('backup.undoRestore');
    await loginAdmin(core);
    expect(await childNames(core)).toEqual(['Added After', CANARY]);
    expect((await core.invoke('backup.status')).undo).toBeNull();
  });

  it('a damaged, cut-short or foreign file is reported in words and changes nothing', async () => {
    const { core, folder } = await setUp();
    const { file } = await core.invoke('backup.create', { folder });
    await core.invoke('children.create', { legalName: 'Added After', dateOfBirth: '2022-01-02' });

    const damaged = join(folder, 'damaged.twowaybackup');
    const bytes = readFileSync(file);
    bytes[5000] ^= 0xff;
    writeFileSync(damaged, bytes);
    const cut = join(folder, 'cut.twowaybackup');
    writeFileSync(cut, readFileSync(file).subarray(0, 8192));
    const foreign = join(folder, 'holiday.jpg');
    writeFileSync(foreign, Buffer.alloc(20000, 7));
    const shorter = join(folder, 'shorter.twowaybackup');
    writeFileSync(shorter, readFileSync(file));
    truncateSync(shorter, bytes.length - 100);

    for (const [bad, words] of [
      [damaged, /contents have changed/],
      [cut, /not a TwoWay backup|cut short/],
      [foreign, /not a TwoWay backup/],
      [shorter, /not a TwoWay backup|cut short/],
      [join(folder, 'gone.twowaybackup'), /not there/],
    ] as const) {
      const verdict = await core.invoke('backup.verify', { file: bad });
      expect(verdict.ok).toBe(false);
      expect(verdict.ok === false && verdict.problem).toMatch(words);
      await expect(restoreAsAdmin(core, bad)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/Nothing has been changed/) });
    }
    // Still logged in, the records as they were, no safety copy made.
    expect(await childNames(core)).toEqual(['Added After', CANARY]);
    expect((await core.invoke('backup.status')).undo).toBeNull();
    expect((await core.invoke('backup.verify', { file })).ok).toBe(true);
  });

  it('a disposal or a document’s removal waits for a backup being made: refused in words, nothing changed', async () => {
    const { core, folder } = await setUp();
    const childId = (await core.invoke('children.list', {})).children[0]!.id;
    const making = core.invoke('backup.create', { folder });
    // Calls take turns: the backup has started, and gives its turn up while it copies.
    await expect(core.invoke('retention.dispose', { childId, type: 'diary', password: ADMIN.password })).rejects.toMatchObject({
      code: 'conflict',
      message: 'A backup is being made. Try again when it has finished.',
    });
    await expect(core.invoke('documents.remove', { documentId: 'any', reason: 'Scanned twice', password: ADMIN.password })).rejects.toMatchObject({
      code: 'conflict',
      message: 'A backup is being made. Try again when it has finished.',
    });
    const { file } = await making;
    expect(await core.invoke('backup.verify', { file })).toMatchObject({ ok: true, counts: { children: 1 } });
    // Once it is done the same call goes on to its own checks.
    expect(await errorCode(core.invoke('documents.remove', { documentId: 'any', reason: 'Scanned twice', password: ADMIN.password }))).toBe('not-found');
  });

  it('a page changed inside the records is found even when the checksum was worked out again to match', async () => {
    // Only someone with the key could reseal the manifest; the check of every page under the key
    // is what catches it, not the checksum.
    const { core, folder, dir, recoveryKey } = await setUp();
    const { file } = await core.invoke('backup.create', { folder });
    const key = await rawKeyFromRecovery(dir, recoveryKey);
    const manifest = await readManifest(file);
    const part = openPrivate(key, manifest)!;
    // A page the counts never read: the settings table's (the backup is a copy page for page, so
    // the live database says where it is).
    const live = openDatabase(join(dir, 'twoway.db'), key);
    const page = Number((live.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'settings'").get() as { rootpage: number }).rootpage);
    live.close();
    const db = readFileSync(file).subarray(0, manifest.dbBytes);
    db[(page - 1) * 4096 + 200] ^= 0x01;
    const forged = join(folder, 'forged.twowaybackup');
    writeFileSync(forged, db);
    const sha256 = await hashFile(forged, manifest.dbBytes);
    writeFileSync(forged, Buffer.concat([db, trailer({ ...manifest, sha256, sealed: sealPrivate(key, part, sha256) })]));
    expect(await core.invoke('backup.verify', { file: forged })).toEqual({ ok: false, problem: expect.stringMatching(/damaged/) });
    expect(await core.invoke('backup.verify', { file })).toMatchObject({ ok: true });
    // A folder chosen instead of a file is said so, not "something went wrong".
    expect(await core.invoke('backup.verify', { file: folder })).toEqual({ ok: false, problem: expect.stringMatching(/^That is a folder, not a backup file\. .*\.twowaybackup\)\.$/) });
  });

  it('restores onto a new laptop (no settings file) with the recovery key, and the passwords of that time work', async () => {
    const { core, folder, recoveryKey } = await setUp();
    const { file } = await core.invoke('backup.create', { folder });
    const fresh = tempDataDir();
    cleanups.push(fresh.cleanup);
    const newLaptop = await openTestCore({ dataDir: fresh.dir });
    cleanups.push(() => newLaptop.close());
    expect((await newLaptop.invoke('setup.status')).isSetUp).toBe(false);
    expect(await errorCode(newLaptop.invoke('setup.restoreBackup', { file, unlock: { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' } }))).toBe('wrong-credentials');
    const summary = await newLaptop.invoke('setup.inspectBackup', { file, unlock: { recoveryKey } });
    expect(summary.counts.children).toBe(1);
    await newLaptop.invoke('setup.restoreBackup', { file, unlock: { recoveryKey } });
    expect(await newLaptop.invoke('setup.status')).toMatchObject({ isSetUp: true, recoveryNeeded: null });
    await newLaptop.invoke('auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await childNames(newLaptop)).toEqual([CANARY]);
    // The recovery key opens the restored laptop too (recovery.json and the settings file were written).
    expect(existsSync(join(fresh.dir, 'recovery.json'))).toBe(true);
    expect((await rawKeyFromRecovery(fresh.dir, recoveryKey)).length).toBe(32);
    // Once set up, the public restore is closed.
    expect(await errorCode(newLaptop.invoke('setup.restoreBackup', { file, unlock: { recoveryKey } }))).toBe('already-set-up');
  });

  it('an older backup is migrated when restored; a backup from a newer TwoWay is refused in words', async () => {
    const { core, folder, dir, recoveryKey } = await setUp();
    const { file } = await core.invoke('backup.create', { folder });
    const manifest = await readManifest(file);
    const key = await rawKeyFromRecovery(dir, recoveryKey);
    const part = openPrivate(key, manifest)!;

    // A backup from before the backups migration: the database part without its table, at the version before it.
    // (If a later migration is ever added after it, this database must also lose that migration's objects.)
    const before = m014Backups.version - 1;
    const olderDb = join(folder, 'older.db');
    writeFileSync(olderDb, readFileSync(file).subarray(0, manifest.dbBytes));
    const db = openDatabase(olderDb, Buffer.from(key));
    db.exec('DROP TABLE backups');
    db.pragma(`user_version = ${before}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const rebuild = async (dbFile: string, schemaVersion: number, out: string) => {
      const body = readFileSync(dbFile);
      const sha256 = await hashFile(dbFile, body.length);
      writeFileSync(out, Buffer.concat([body, trailer({ ...manifest, schemaVersion, dbBytes: body.length, sha256, sealed: sealPrivate(key, part, sha256) })]));
    };
    const older = join(folder, 'older.twowaybackup');
    await rebuild(olderDb, before, older);
    const restored = await restoreAsAdmin(core, older);
    expect(restored).toMatchObject({ migratedFrom: before, migratedTo: SCHEMA_VERSION });
    await loginAdmin(core);
    expect(await childNames(core)).toEqual([CANARY]);

    const newer = join(folder, 'newer.twowaybackup');
    await rebuild(olderDb, 99, newer);
    const verdict = await core.invoke('backup.verify', { file: newer });
    expect(verdict.ok === false && verdict.problem).toMatch(/newer version of TwoWay/);
    await expect(restoreAsAdmin(core, newer)).rejects.toMatchObject({ message: expect.stringMatching(/newer version of TwoWay.*Nothing has been changed/) });
  });

  it('a full disk, a read-only folder and a vanished folder give clear messages and lose nothing', async () => {
    const { core, folder } = await setUp();
    const original = { ...folderFiles };
    cleanups.push(() => Object.assign(folderFiles, original));

    folderFiles.appendFile = () => Promise.reject(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    await expect(core.invoke('backup.create', { folder })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/not enough space.*Nothing has been lost/) });
    expect(readdirSync(folder)).toEqual([]);
    Object.assign(folderFiles, original);

    folderFiles.probe = () => Promise.reject(Object.assign(new Error('read-only file system'), { code: 'EROFS' }));
    await expect(core.invoke('backup.create', { folder })).rejects.toMatchObject({ message: expect.stringMatching(/cannot write to the backup folder/) });
    Object.assign(folderFiles, original);

    const usb = join(folder, 'usb');
    mkdirSync(usb);
    await core.invoke('backup.setSettings', { folder: usb, keep: 2, warnAfterDays: 7 });
    rmSync(usb, { recursive: true });
    await expect(core.invoke('backup.create')).rejects.toMatchObject({ message: expect.stringMatching(/cannot be found.*USB stick/) });
    expect((await core.invoke('backup.status')).warning).toMatch(/cannot be found/);
    expect(await childNames(core)).toEqual([CANARY]);
    expect((await core.invoke('audit.verify')).ok).toBe(true);
  });

  it('keeps the last N, records each good backup, and answers other calls while a backup is made', async () => {
    const { core, folder } = await setUp();
    await core.invoke('backup.setSettings', { folder, keep: 2, warnAfterDays: 7 });
    const files: string[] = [];
    for (let i = 0; i < 3; i++) files.push((await core.invoke('backup.create')).file);
    expect(readdirSync(folder).sort()).toEqual(files.slice(1).map((f) => f.slice(folder.length + 1)).sort());
    // A call made while a backup runs answers before the backup finishes.
    const order: string[] = [];
    const backup = core.invoke('backup.create').then(() => order.push('backup'));
    await new Promise((r) => setTimeout(r, 5));
    await core.invoke('children.list', {}).then(() => order.push('list'));
    await backup;
    expect(order).toEqual(['list', 'backup']);
    // A key change (or a second backup) while one is being made is refused in words, not queued behind it.
    const another = core.invoke('backup.create');
    await new Promise((r) => setTimeout(r, 5));
    await expect(core.invoke('users.changeDatabaseKey', { password: ADMIN.password })).rejects.toMatchObject({ code: 'conflict', message: /backup is being made/ });
    await another;
  });

  it('the backup job runs on the main thread too, for when no worker thread can start, with the same answer', async () => {
    const { core, folder, dir, recoveryKey } = await setUp();
    const { file } = await core.invoke('backup.create', { folder });
    const key = await rawKeyFromRecovery(dir, recoveryKey);
    const job = { op: 'check', file, key, tables: ['children', 'users'], check: 'structure' } as const;
    const here = runHere(job);
    expect(here).toEqual(await runInWorker(job));
    expect(here).toMatchObject({ ok: true, counts: { children: 1, users: 1 } });
    expect(await runInWorker({ ...job, check: 'pages' })).toEqual(here);
    expect(runHere({ ...job, key: Buffer.alloc(32, 1) })).toMatchObject({ ok: false, wrongKey: true });
  });

  it('the retention helper lists kept backups older than a date', async () => {
    const { core, folder, dir, recoveryKey } = await setUp();
    const { file } = await core.invoke('backup.create', { folder });
    await core.close();
    const db = openDatabase(join(dir, 'twoway.db'), await rawKeyFromRecovery(dir, recoveryKey));
    try {
      expect(backupsOlderThan(db, '2000-01-01T00:00:00Z')).toEqual([]);
      expect(backupsOlderThan(db, '2999-01-01T00:00:00Z').map((b) => b.file)).toEqual([file]);
    } finally {
      db.close();
    }
  });
});

describe('automatic backups', () => {
  it('backs up daily while open and again when TwoWay closes, audited as TwoWay’s own', async () => {
    const made = await setUpCore({ autoBackupCheckMs: 50 });
    cleanups.push(made.cleanup);
    const folder = tempDataDir();
    cleanups.push(folder.cleanup);
    const core = made.core;
    await loginAdmin(core);
    expect((await core.invoke('backup.status')).warning).toMatch(/No backup folder has been chosen/);
    await core.invoke('backup.setSettings', { folder: folder.dir, keep: 5, warnAfterDays: 7 });
    await expect.poll(() => readdirSync(folder.dir).filter((f) => f.endsWith('.twowaybackup')).length, { timeout: 15_000 }).toBe(1);
    // Not again the same day.
    await new Promise((r) => setTimeout(r, 300));
    expect(readdirSync(folder.dir).filter((f) => f.endsWith('.twowaybackup'))).toHaveLength(1);
    const status = await core.invoke('backup.status');
    expect(status.last?.createdBy).toBe('TwoWay');
    expect(status.warning).toBeNull();
    const trail = await core.invoke('audit.list', {});
    expect(trail.entries.filter((e: { channel: string; userId: string | null }) => e.channel === 'backup.create' && e.userId === null)).toHaveLength(1);
    await core.close();
    expect(readdirSync(folder.dir).filter((f) => f.endsWith('.twowaybackup'))).toHaveLength(2);
  });
});

describe('recovery key', () => {
  it('a new recovery key needs an administrator’s password, and the old key stops working', async () => {
    const { core, recoveryKey } = await setUp();
    expect(await errorCode(core.invoke('users.rotateRecoveryKey', { password: 'not my password' }))).toBe('wrong-credentials');
    const { recoveryKey: fresh } = await core.invoke('users.rotateRecoveryKey', { password: ADMIN.password });
    expect(fresh).not.toBe(recoveryKey);
    await core.invoke('auth.logout');
    expect(await errorCode(core.invoke('auth.loginWithRecoveryKey', { recoveryKey }))).toBe('wrong-credentials');
    await core.invoke('auth.loginWithRecoveryKey', { recoveryKey: fresh });
    expect((await core.invoke('auth.session')).session?.viaRecoveryKey).toBe(true);
  });
});
