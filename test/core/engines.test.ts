import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's "Which Node" paragraph and package.json's `engines` must stay true (issue 11.19):
// on Node 22.13 `npm ci` is quiet; on Node 20.19 only the Electron build tools named in the
// README warn. Checked against package-lock.json, which is what `npm ci` installs.

const ROOT = resolve(import.meta.dirname, '../..');
// npm's own range rules (semver is installed with the toolchain; it has no types of its own).
const semver = createRequire(import.meta.url)('semver') as { satisfies(version: string, range: string): boolean };
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; os?: string[] }>;
};
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');

/** Packages npm would warn about on this Node version (name as installed, e.g. `electron`). */
function warnedOn(version: string): string[] {
  const names = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || Array.isArray(entry.engines)) continue;
    const range = entry.engines?.node;
    if (!range || semver.satisfies(version, range)) continue;
    // Platform-only optional packages (another OS's binaries) are never installed here.
    if (entry.optional && entry.os) continue;
    names.add(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  }
  return [...names].sort();
}

describe('Node versions', () => {
  it('package.json admits the Node versions the README names', () => {
    for (const v of ['20.19.0', '22.13.0', '24.0.0']) expect(semver.satisfies(v, pkg.engines.node)).toBe(true);
    expect(semver.satisfies('20.18.0', pkg.engines.node)).toBe(false);
    expect(semver.satisfies('22.12.0', pkg.engines.node)).toBe(false);
  });

  it('installs quietly on Node 22.13', () => {
    expect(warnedOn('22.13.0')).toEqual([]);
  });

  it('on Node 20.19 only the Electron build tools the README names would warn', () => {
    const warned = warnedOn('20.19.0');
    const paragraph = readme.slice(readme.indexOf('**Which Node.**'), readme.indexOf('**No Electron download'));
    for (const name of warned) expect(paragraph).toContain(`\`${name}\``);
  });
});
