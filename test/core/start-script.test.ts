import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` where the Electron binary is missing starts the browser preview; stopping `npm start`
// must stop that preview server too (issue 11.20). Needs the built renderer, like the preview test.

const ROOT = resolve(import.meta.dirname, '../..');
const started: ChildProcess[] = [];
afterEach(() => {
  for (const p of started.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
});

function startScript(): Promise<{ proc: ChildProcess; url: string }> {
  // An Electron "dist" that does not exist: the script takes the preview path on every machine.
  const proc = spawn(process.execPath, ['scripts/start.mjs', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: resolve(ROOT, 'no-electron-here') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc);
  return new Promise((done, fail) => {
    let out = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /TwoWay preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) done({ proc, url: m[1] });
    });
    proc.on('exit', () => fail(new Error(`start.mjs ended before the preview started: ${out}`)));
  });
}

async function serving(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function stopsServing(url: string): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (!(await serving(url))) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe('npm start', () => {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGKILL'] as const) {
    it(`stops the preview server it started when it is ended with ${signal}`, async () => {
      const { proc, url } = await startScript();
      expect(await serving(url)).toBe(true);
      proc.kill(signal);
      expect(await stopsServing(url)).toBe(true);
    }, 60_000);
  }
});
