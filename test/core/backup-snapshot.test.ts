import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { folderFiles } from '../../electron/core/backup/create';
import { copyRanges } from '../../electron/core/backup/snapshot';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import type { Core } from '../../electron/core/index';
import { ADMIN, loginAdmin, rawKeyFromRecovery, setUpWithFolder } from './helpers';

// Issue 15: "the database copied consistently while the app runs, still encrypted with the same
// key … never a plain copy of a live WAL database". The backup copies the database file's pages
// while a reader pins the snapshot (electron/core/backup/snapshot.ts); these tests write and
// checkpoint in the middle of that copy, and take the fallback (VACUUM INTO) when no snapshot can
// be pinned.

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp() {
  const made = await setUpWithFolder(cleanups);
  for (let i = 0; i < 20; i++) await made.core.invoke('children.create', { legalName: `Child Before ${i}`, dateOfBirth: '2022-03-14' });
  // A second connection of our own, as a checkpointing or long-reading neighbour would be.
  const other = openDatabase(join(made.dir, 'twoway.db'), await rawKeyFromRecovery(made.dir, made.recoveryKey));
  let closed = false;
  const closeOther = () => {
    if (!closed) other.close();
    closed = true;
  };
  cleanups.push(closeOther);
  const chunkHook = folderFiles.beforeChunk;
  cleanups.push(() => void (folderFiles.beforeChunk = chunkHook));
  return { ...made, other, closeOther };
}

const childCount = (db: Db) => Number((db.prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n);
const names = async (core: Core) => (await core.invoke('children.list', {})).children.map((c: { legalName: string }) => c.legalName);

describe('a backup copies a pinned snapshot', () => {
  it('writes and a checkpoint made during the copy do not reach the backup, which is the records as they were when it began', async () => {
    const { core, folder, other, closeOther } = await setUp();
    const before = childCount(other);
    let duringCopy: { log: number; checkpointed: number } | undefined;
    folderFiles.beforeChunk = async (offset) => {
      if (offset !== 0) return;
      // Other calls run while the copy is made: new records, then a checkpoint trying to write them
      // into the database file the backup is reading.
      for (let i = 0; i < 30; i++) await core.invoke('children.create', { legalName: `Child During ${i}`, dateOfBirth: '2022-05-01' });
      [duringCopy] = other.pragma('wal_checkpoint(TRUNCATE)') as Array<{ log: number; checkpointed: number }>;
    };
    const { file } = await core.invoke('backup.create', { folder });
    // The pinned reader stopped the checkpoint writing the new pages into the database file.
    expect(duringCopy!.log).toBeGreaterThan(0);
    expect(duringCopy!.checkpointed).toBeLessThan(duringCopy!.log);

    // The backup checks out (every page, the checksum, the counts) and holds the records of its start.
    const verdict = await core.invoke('backup.verify', { file });
    expect(verdict).toMatchObject({ ok: true, counts: { children: before } });
    expect(childCount(other)).toBe(before + 30);

    // Once the backup is done the checkpoint goes through again: nothing was held back for good.
    expect(other.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);

    closeOther();
    await core.invoke('backup.restore', { file, unlock: { username: ADMIN.username, password: ADMIN.password } });
    await loginAdmin(core);
    const restored = await names(core);
    expect(restored).toHaveLength(before);
    expect(restored.some((n: string) => n.startsWith('Child During'))).toBe(false);
    expect((await core.invoke('audit.verify')).ok).toBe(true);
  });

  it('falls back to VACUUM INTO when another reader holds the WAL, and the backup is still whole and current', async () => {
    const { core, folder, other } = await setUp();
    other.exec('BEGIN');
    childCount(other);
    await core.invoke('children.create', { legalName: 'Child After The Reader', dateOfBirth: '2022-05-01' });
    let chunks = 0;
    folderFiles.beforeChunk = () => void chunks++;
    try {
      const { file } = await core.invoke('backup.create', { folder });
      expect(chunks).toBe(0);
      const verdict = await core.invoke('backup.verify', { file });
      expect(verdict).toMatchObject({ ok: true, counts: { children: 21 } });
    } finally {
      other.exec('COMMIT');
    }
    // With the reader gone the page copy is used again.
    await core.invoke('backup.create', { folder });
    expect(chunks).toBeGreaterThan(0);
  });

  it('leaves out SQLite’s lock page (1 GiB in) of a large database, and copies everything else', () => {
    const GiB = 0x40000000;
    expect(copyRanges(20 * 4096, 4096)).toEqual([{ start: 0, end: 20 * 4096 }]);
    expect(copyRanges(GiB, 4096)).toEqual([{ start: 0, end: GiB }]);
    expect(copyRanges(GiB + 4096, 4096)).toEqual([{ start: 0, end: GiB }]);
    expect(copyRanges(GiB + 3 * 4096, 4096)).toEqual([
      { start: 0, end: GiB },
      { start: GiB + 4096, end: GiB + 3 * 4096 },
    ]);
    expect(copyRanges(GiB + 2 * 65536, 65536)).toEqual([
      { start: 0, end: GiB },
      { start: GiB + 65536, end: GiB + 2 * 65536 },
    ]);
  });
});
