import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DEMO_ADMIN, DEMO_FIRST_PASSWORD, DEMO_SETTING, DEMO_STAFF, seedDemo } from '../fixtures/demo';
import { startPreview } from './server';

/**
 * `npm run preview [-- --data DIR] [--port N] [--no-build] [--demo]`: builds the renderer and serves it
 * with the real core. `--demo` sets up a fresh data folder as Little Acorns Pre-school with made-up
 * staff, children, partners and diary (test/fixtures/demo.ts), then locks it for you to log in.
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
  },
});

if (!values['no-build']) execSync('npx vite build --config vite.renderer.config.ts --logLevel warn', { stdio: 'inherit' });
const preview = await startPreview({ dataDir: values.data, port: values.port ? Number(values.port) : undefined });
if (values.demo) {
  const { core } = preview;
  if ((await core.invoke('setup.status')).isSetUp) {
    console.error('--demo needs a fresh data folder: this one is already set up. Leave out --data, or give an empty folder.');
    await preview.close();
    process.exit(1);
  }
  await core.invoke('setup.create', { settingName: DEMO_SETTING, admin: DEMO_ADMIN });
  await core.invoke('auth.login', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password });
  await seedDemo(core);
  await core.invoke('auth.lock');
  console.log(`Demo setting: ${DEMO_SETTING} (made-up people only). Log in as:`);
  console.log(`  ${DEMO_ADMIN.username.padEnd(8)} ${DEMO_ADMIN.fullName}, administrator: "${DEMO_ADMIN.password}"`);
  for (const s of DEMO_STAFF) {
    const password = s.password ? `"${s.password}"` : `"${DEMO_FIRST_PASSWORD}" (a first password: TwoWay asks for a new one)`;
    console.log(`  ${s.username.padEnd(8)} ${s.fullName}, ${s.label}: ${password}`);
  }
}
console.log(`TwoWay preview: ${preview.url}`);
console.log(`Data folder: ${preview.dataDir}`);
const stop = () => void preview.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
// Started by `npm start` (scripts/start.mjs) with an IPC channel: stop when that process is gone.
if (process.send) process.on('disconnect', stop);
