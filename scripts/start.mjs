// `npm start`: builds and runs the Electron app. Where the Electron binary is missing (it cannot be
// downloaded on our build machines), it says so in one sentence and starts the preview instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const run = (cmd, args) => spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' }).on('exit', (code) => process.exit(code ?? 0));

const binary = electronBinary();
if (binary) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  run(binary, ['.']);
} else {
  console.log('The Electron binary is not installed here (run `npx install-electron` where its download is reachable), so TwoWay starts in the browser preview instead.');
  run(process.execPath, ['--import', 'tsx', 'test/preview/cli.ts', ...process.argv.slice(2)]);
}
