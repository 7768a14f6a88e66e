import { join } from 'node:path';
import type { Session } from '../../shared/contract/auth';
import { TwoWayError } from '../../shared/contract/errors';
import { DB_FILE_NAME, openDatabase, type Db } from './db/connection';
import { migrate } from './db/migrations';
import { Vault } from './vault/index';
import type { SettingsStore } from './vault/store';
import type { Platform } from './platform';

/**
 * What one running core holds: the vault (key slots), the open database and its key (only while
 * someone is logged in: an administrator adding a user needs the key to wrap a new slot) and who
 * is logged in. Locking closes the database, zeroes the key and forgets the session.
 */
export class CoreState {
  readonly vault: Vault;
  private database: Db | null = null;
  private key: Buffer | null = null;
  session: Session | null = null;
  lastActivityAt: number;

  constructor(
    readonly dataDir: string,
    readonly store: SettingsStore,
    readonly now: () => Date,
    readonly platform: Platform = {},
  ) {
    this.vault = new Vault(store, now);
    this.lastActivityAt = now().getTime();
  }

  get dbPath(): string {
    return join(this.dataDir, DB_FILE_NAME);
  }

  get isOpen(): boolean {
    return this.database !== null;
  }

  /** The open database; a call that needs it while locked is told to log in. */
  db(): Db {
    if (!this.database) throw new TwoWayError('not-logged-in', 'TwoWay is locked. Log in to continue.');
    return this.database;
  }

  /** Opens and migrates the database; the core now owns `key` and zeroes it on close. */
  open(key: Buffer): Db {
    this.close();
    try {
      const db = openDatabase(this.dbPath, key);
      try {
        migrate(db);
      } catch (error) {
        db.close();
        throw error;
      }
      this.database = db;
      this.key = key;
      return db;
    } catch (error) {
      key.fill(0);
      throw error;
    }
  }

  /** A copy of the open database's key, for wrapping a new key slot; the caller zeroes it. */
  currentKey(): Buffer {
    if (!this.key) throw new TwoWayError('not-logged-in', 'TwoWay is locked. Log in to continue.');
    return Buffer.from(this.key);
  }

  close(): void {
    this.session = null;
    this.key?.fill(0);
    this.key = null;
    if (this.database) {
      const db = this.database;
      this.database = null;
      // Fold the WAL back into the encrypted main file so nothing lingers beside it.
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    }
  }

  touchActivity(): void {
    this.lastActivityAt = this.now().getTime();
  }

  idleExpired(): boolean {
    if (!this.session) return false;
    return this.now().getTime() - this.lastActivityAt > this.session.idleLockMinutes * 60_000;
  }
}
