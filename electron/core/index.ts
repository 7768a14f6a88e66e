import { mkdirSync } from 'node:fs';
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract/index';
import { autoBackup } from './backup/run';
import { jobDone } from './backup/progress';
import { finishInterruptedRestore } from './backup/restore';
import { createDispatcher, lockIfIdle } from './dispatch';
import { handlers } from './handlers';
import type { Platform } from './platform';
import { CoreState } from './state';
import { createFileStore, type SettingsStore } from './vault/store';
import type { KdfCost } from './vault/crypto';

export interface CoreOptions {
  /** Where the database and the settings file live (the app-data folder in the app, a temp folder in tests). */
  dataDir: string;
  /** The key-slot store: by default `settings.json` in dataDir, written atomically (vault/store.ts), in the app as in tests. */
  store?: SettingsStore;
  /** The clock, so tests can move time (idle lock, login back-off). */
  now?: () => Date;
  /** What the host can do beyond the core (the Electron app saves PDFs); nothing in tests and the preview. */
  platform?: Platform;
  /** How often to look whether the daily automatic backup is due (tests make it short). */
  autoBackupCheckMs?: number;
  /** The scrypt cost of key slots. The app never sets it; the core's unit tests lower it (test/core/helpers.ts). */
  kdf?: KdfCost;
}

export interface Core {
  /** Untyped entry for transports (IPC, preview): validates everything itself. */
  call(channel: unknown, input?: unknown): Promise<unknown>;
  /** Typed entry for tests and the benchmark. */
  invoke<C extends ChannelName>(channel: C, input?: InputOf<C>): Promise<OutputOf<C>>;
  close(): Promise<void>;
}

/** Opens the core over a data folder; nothing is decrypted until someone logs in. */
export async function openCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true });
  const state = new CoreState(options.dataDir, options.store ?? createFileStore(options.dataDir), options.now ?? (() => new Date()), options.platform, options.kdf);
  // A restore or its undo cut short by a crash is finished before anything else reads the folder.
  finishInterruptedRestore(state);
  const call = createDispatcher(state, handlers);
  // The idle lock also fires when nobody calls in; unref so a test's process can still end.
  const idleTimer = setInterval(() => lockIfIdle(state), 15_000);
  idleTimer.unref();
  // The daily automatic backup, while someone is logged in (the records are only open then).
  const backupTimer = setInterval(() => void call.inTurn((detach) => autoBackup(state, detach)), options.autoBackupCheckMs ?? 10 * 60_000);
  backupTimer.unref();
  return {
    call,
    invoke: (channel, input) => call(channel, input) as Promise<never>,
    async close() {
      clearInterval(idleTimer);
      clearInterval(backupTimer);
      // Wait for calls already queued and a backup under way, make the closing backup (when the
      // records are open and a folder is chosen), then close.
      await jobDone(state);
      await call.inTurn((detach) => autoBackup(state, detach, true)).catch(() => undefined);
      state.close();
    },
  };
}

export { TwoWayError } from '../../shared/contract/errors';
