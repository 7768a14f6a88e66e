import Database from '@signalapp/sqlcipher';
import { TwoWayError } from '../../../shared/contract/errors';

export type Db = Database;

export const DB_FILE_NAME = 'twoway.db';

/**
 * Opens (or creates) the encrypted database with a raw 32-byte key.
 * SQLCipher accepts any key at PRAGMA time; a wrong key only fails on the first read, so we read at once.
 * temp_store=MEMORY keeps sorts and temporary tables off the disk, where they would not be encrypted.
 */
export function openDatabase(path: string, key: Buffer): Db {
  if (key.length !== 32) throw new Error('The database key must be 32 bytes.');
  const db = new Database(path, { cacheStatements: true });
  try {
    // SQLCipher writes "hmac check failed" to stderr when a key is wrong or a page is damaged; TwoWay
    // reports both itself, in words, and the raw line only looks like a crash in logs and test output.
    db.pragma('cipher_log_level = NONE');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    // Memory security stays OFF (SQLCipher's default since 4.5): when ON it replaces the allocator
    // for the whole process, zeroing and locking every allocation, which made the diary's search
    // 30-50 times slower (1 ms -> 50 ms) and every query several times slower (docs/PERFORMANCE.md).
    // Pages are still encrypted at rest; anyone who can read this process's memory can read the key.
    db.pragma('cipher_memory_security = OFF');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
    // SQLCipher decrypts a page each time it is read into the page cache; the default cache (2 MB)
    // is too small for a diary of a million entries, so pages were decrypted again and again.
    // 64 MB keeps the recent weeks decrypted in memory (docs/PERFORMANCE.md).
    db.pragma('cache_size = -65536');
    return db;
  } catch (error) {
    db.close();
    if (/not a database|SQLITE_NOTADB|file is not a database/i.test(String(error))) {
      throw new TwoWayError('wrong-credentials', 'The database could not be opened with this key.');
    }
    throw error;
  }
}

/**
 * Runs fn in one transaction; rolls back if it throws. Synchronous on purpose: SQLCipher calls block
 * anyway. Writes take the write lock at once (IMMEDIATE); a read that runs many small statements
 * uses a DEFERRED transaction for one snapshot and one lock.
 */
export function inTransaction<T>(db: Db, fn: () => T, mode: 'IMMEDIATE' | 'DEFERRED' = 'IMMEDIATE'): T {
  db.exec(`BEGIN ${mode}`);
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
