import { join } from 'node:path';
import type { Session } from '../../shared/contract/auth';
import { TwoWayError } from '../../shared/contract/errors';
import { DB_FILE_NAME, openDatabase, type Db } from './db/connection';
import { migrate } from './db/migrations';
import { Vault } from './vault/index';
import type { KdfCost } from './vault/crypto';
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
  /** When the logged-in user last typed their password (login, auth.confirm): the step-up counts from it. */
  confirmedAt = 0;

  constructor(
    readonly dataDir: string,
    readonly store: SettingsStore,
    readonly now: () => Date,
    readonly platform: Platform = {},
    /** The scrypt cost of key slots: TwoWay's own unless the core's unit tests ask for less (Vault). */
    kdf?: KdfCost,
  ) {
    this.vault = new Vault(store, now, dataDir, kdf);
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

  /**
   * Opens and migrates the database; the core now owns `key` and zeroes it on close. `pending` is
   * the new key of a key change that may have been cut short (vault/key-change.ts): the current key
   * is tried first, then the pending one, and the slots are tidied to match whichever opened.
   */
  open(key: Buffer, pending: Buffer | null = this.vault.takePendingKey()): Db {
    this.close();
    let opened: { handle: Db; key: Buffer };
    try {
      opened = this.openWithEither(key, pending);
    } catch (error) {
      key.fill(0);
      pending?.fill(0);
      throw error;
    }
    if (opened.key === pending) key.fill(0);
    else pending?.fill(0);
    try {
      migrate(opened.handle);
    } catch (error) {
      opened.handle.close();
      opened.key.fill(0);
      throw error;
    }
    this.database = opened.handle;
    this.key = opened.key;
    this.vault.ensureRecoveryCopy();
    return opened.handle;
  }

  private openWithEither(key: Buffer, pending: Buffer | null): { handle: Db; key: Buffer } {
    try {
      const handle = openDatabase(this.dbPath, key);
      if (pending) this.vault.abandonKeyChange();
      return { handle, key };
    } catch (error) {
      if (!pending || !(error instanceof TwoWayError && error.code === 'wrong-credentials')) throw staleKey(error);
      let handle: Db;
      try {
        handle = openDatabase(this.dbPath, pending);
      } catch (second) {
        throw staleKey(second);
      }
      this.vault.finishKeyChange();
      return { handle, key: pending };
    }
  }

  /** After a key change: the open database now uses `newKey` (the core owns it). */
  replaceKey(newKey: Buffer): void {
    this.key?.fill(0);
    this.key = newKey;
  }

  /** A copy of the open database's key, for wrapping a new key slot; the caller zeroes it. */
  currentKey(): Buffer {
    if (!this.key) throw new TwoWayError('not-logged-in', 'TwoWay is locked. Log in to continue.');
    return Buffer.from(this.key);
  }

  close(): void {
    this.session = null;
    this.confirmedAt = 0;
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

/** A password whose slot still holds a key from before a key change (an old copy of the settings file). */
function staleKey(error: unknown): unknown {
  if (!(error instanceof TwoWayError && error.code === 'wrong-credentials')) return error;
  return new TwoWayError(
    'wrong-credentials',
    'That password no longer opens TwoWay’s records: the database key has been changed since it was set. Ask an administrator for a new password, or use the recovery key.',
  );
}
