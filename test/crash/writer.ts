/**
 * The writer process of the crash test (test/core/crash.test.ts), killed with SIGKILL at random
 * moments. It runs the real core (dispatcher, handlers, audit) over a data folder, logged in as
 * the administrator without scrypt (the test passes the database key, so each start is quick), and
 * prints a line for every call the core acknowledged: `w <name>` a child added, `r` a sensitive
 * read audited, `b` a backup made, `restored` a restore done. Bundled by the test with esbuild.
 */
import { createDispatcher } from '../../electron/core/dispatch';
import { handlers } from '../../electron/core/handlers';
import { finishInterruptedRestore } from '../../electron/core/backup/restore';
import { CoreState } from '../../electron/core/state';
import { createFileStore } from '../../electron/core/vault/store';
import { get } from '../../electron/core/db/sql';
import { TEST_KDF } from '../core/helpers';

const [dataDir, mode, keyHex, folder, backupFile, password] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const state = new CoreState(dataDir, createFileStore(dataDir), () => new Date(), {}, TEST_KDF);
  finishInterruptedRestore(state);
  const db = state.open(Buffer.from(keyHex, 'hex'));
  const admin = get<{ id: string; username: string; full_name: string }>(db, "SELECT id, username, full_name FROM users WHERE username = 'alice'")!;
  state.session = {
    userId: admin.id,
    username: admin.username,
    fullName: admin.full_name,
    roles: ['admin', 'manager'],
    mustChangePassword: false,
    viaRecoveryKey: false,
    idleLockMinutes: 60,
    hidden: false,
  };
  const call = createDispatcher(state, handlers);
  say('ready');
  if (mode === 'restore') {
    await call('backup.restore', { file: backupFile, unlock: { username: 'alice', password } });
    say('restored');
    return;
  }
  if (mode === 'backup') {
    void (async () => {
      for (;;) {
        await call('backup.create', { folder });
        say('b');
      }
    })();
  }
  for (let i = 1; ; i++) {
    const legalName = `Child ${process.pid} ${i}`;
    const { id } = (await call('children.create', { legalName, dateOfBirth: '2022-03-14' })) as { id: string };
    say(`w ${legalName}`);
    await call('children.get', { childId: id });
    say('r');
  }
}

main().catch((error: unknown) => {
  say(`error ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
