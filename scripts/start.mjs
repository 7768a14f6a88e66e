// `npm start`: builds and runs the Electron app. Where the Electron binary is missing (it cannot be
// downloaded on our build machines), it says so in one sentence and starts the preview instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Looks for the binary the way the electron package does, without requiring it: requiring it
// starts a download when the binary is missing.
function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const executable = readFileSync(pathFile, 'utf8');
    const full = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(dir, 'dist', executable);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

// Stopping `npm start` (Ctrl+C, or ending this process) stops what it started: the signal is passed
// on and this process waits for the child to finish. The child also gets an IPC channel, so the
// preview stops by itself when this process dies without passing anything on (kill -9).
const run = (cmd, args) => {
  const child = spawn(cmd, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
};

const binary = electronBinary();
if (binary) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(binary, ['.']);
} else {
  console.log('The Electron binary is not installed here (run `npx install-electron` where its download is reachable), so TwoWay starts in the browser preview instead.');
  run(process.execPath, ['--import', 'tsx', 'test/preview/cli.ts', ...process.argv.slice(2)]);
}
