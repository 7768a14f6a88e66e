import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startPreview } from './server';

/** `npm run preview [-- --data DIR] [--port N] [--no-build]`: builds the renderer and serves it with the real core. */
const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string' }, 'no-build': { type: 'boolean', default: false } },
});

if (!values['no-build']) execSync('npx vite build --config vite.renderer.config.ts --logLevel warn', { stdio: 'inherit' });
const preview = await startPreview({ dataDir: values.data, port: values.port ? Number(values.port) : undefined });
console.log(`TwoWay preview: ${preview.url}`);
console.log(`Data folder: ${preview.dataDir}`);
const stop = () => void preview.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
