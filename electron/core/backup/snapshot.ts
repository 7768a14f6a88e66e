import { open } from 'node:fs/promises';
import Database from '@signalapp/sqlcipher';
import type { Db } from '../db/connection';

/**
 * A backup's consistent copy of the live database, page for page, as SQLite's online backup API
 * would make it (that API is not exposed by `@signalapp/sqlcipher`; VACUUM INTO, the other way,
 * re-inserts every row and rebuilds every index, three times slower on a large diary).
 *
 * How it stays consistent while the app goes on writing (SQLite's WAL rules, sqlite.org/wal.html):
 * 1. In the caller's turn (no write can come between), a PASSIVE checkpoint copies every committed
 *    change from the WAL into the database file. Only if it could copy them all is the copy made
 *    this way; otherwise the caller falls back to VACUUM INTO.
 * 2. Still in the turn, a second connection starts a read transaction. With the WAL fully copied
 *    back, SQLite gives that reader "read mark 0": it reads the database file alone, and while it
 *    holds that mark no checkpoint may write into the database file (a checkpoint must first lock
 *    read mark 0 exclusively). New commits go to the WAL only.
 * 3. The database file's pages are then exactly the pinned snapshot until `release`, so they can be
 *    read as bytes, still encrypted under the same key, while other calls run. A test checkpoints and
 *    writes in the middle of a copy to prove it (test/core/backup-snapshot.test.ts).
 */
export interface PinnedSnapshot {
  /** The database file to read. */
  path: string;
  /** Bytes of the snapshot: its page count times the page size. */
  bytes: number;
  pageSize: number;
  /** Ends the read transaction and closes the reader; after this the file may change again. */
  release(): void;
}

/** Pins the database at this moment, or returns null when the WAL could not be emptied into the file first. */
export function pinSnapshot(db: Db, path: string, key: Buffer): PinnedSnapshot | null {
  const [checkpoint] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  if (!checkpoint || checkpoint.busy !== 0 || checkpoint.log < 0 || checkpoint.log !== checkpoint.checkpointed) return null;
  const reader = new Database(path);
  try {
    reader.pragma('cipher_log_level = NONE');
    reader.pragma(`key = "x'${key.toString('hex')}'"`);
    reader.exec('BEGIN');
    // The first read starts the transaction and takes the read mark.
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    const pageSize = Number(reader.pragma('page_size', { simple: true }));
    const pages = Number(reader.pragma('page_count', { simple: true }));
    let released = false;
    return {
      path,
      pageSize,
      bytes: pageSize * pages,
      release() {
        if (released) return;
        released = true;
        try {
          reader.exec('COMMIT');
        } finally {
          reader.close();
        }
      },
    };
  } catch (error) {
    reader.close();
    throw error;
  }
}

/**
 * SQLite's lock bytes live at 1 GiB into the database file; the page that holds them is never used
 * for data, and on Windows a reader can be refused those bytes while a write lock is held. A
 * database larger than 1 GiB is copied with that page as zeros, as SQLite's own backup does.
 */
const PENDING_BYTE = 0x40000000;

/** The byte ranges of the database file to copy, leaving out the lock page. */
export function copyRanges(bytes: number, pageSize: number): Array<{ start: number; end: number }> {
  if (bytes <= PENDING_BYTE) return [{ start: 0, end: bytes }];
  const lockPage = { start: PENDING_BYTE, end: Math.min(bytes, PENDING_BYTE + pageSize) };
  return [
    { start: 0, end: lockPage.start },
    { start: lockPage.end, end: bytes },
  ].filter((r) => r.end > r.start);
}

const CHUNK = 8 * 1024 * 1024;

/**
 * Copies the pinned snapshot into `dest` (created new), off this thread in 8 MB reads and writes
 * (libuv's pool), so calls keep being answered. `beforeChunk` lets a test act between chunks.
 */
export async function copySnapshot(
  snapshot: PinnedSnapshot,
  dest: string,
  onProgress: (fraction: number) => void,
  beforeChunk: (offset: number) => void | Promise<void> = () => undefined,
): Promise<void> {
  const source = await open(snapshot.path, 'r');
  try {
    const target = await open(dest, 'wx');
    try {
      const buffer = Buffer.allocUnsafe(CHUNK);
      let done = 0;
      for (const range of copyRanges(snapshot.bytes, snapshot.pageSize)) {
        for (let offset = range.start; offset < range.end; ) {
          await beforeChunk(offset);
          const want = Math.min(CHUNK, range.end - offset);
          const { bytesRead } = await source.read(buffer, 0, want, offset);
          if (bytesRead !== want) throw Object.assign(new Error('The database file ended early.'), { code: 'SHORT_READ' });
          await target.write(buffer, 0, want, offset);
          offset += want;
          done += want;
          onProgress(done / Math.max(snapshot.bytes, 1));
        }
      }
      // The lock page (a database over 1 GiB) stays a hole of zeros; the file still has its full length.
      await target.truncate(snapshot.bytes);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
