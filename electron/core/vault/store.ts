import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The small unencrypted settings file beside the database: key slots, the setting's name and the
 * login back-off. It never holds a record, a staff member's name, a password or the database key.
 * The app, the tests and the preview all use `createFileStore`; keys with dots are nested paths
 * (`keySlots.users` is `{ "keySlots": { "users": … } }`, the layout electron-store and conf used).
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** What was found when the file was first read: `damaged` means it was there but not readable JSON. */
  readonly fileState?: SettingsFileState;
}

export type SettingsFileState = 'ok' | 'missing' | 'damaged';

export const SETTINGS_FILE_NAME = 'settings';
export const settingsFilePath = (dataDir: string) => join(dataDir, `${SETTINGS_FILE_NAME}.json`);

/**
 * Writes a file so that a crash or power cut leaves either the old or the new contents, never a
 * mix or an empty file: write a temporary file beside it, flush it to disk, rename it over the
 * old one (atomic on NTFS and POSIX file systems), then flush the folder so the rename is kept.
 * (conf, which we used before, fell back to a plain overwrite on some Windows errors.)
 */
export function writeFileAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    const dirFd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Windows cannot open a folder for flushing; NTFS journals the rename itself.
  }
}

/** Reads a JSON object file: `missing`, `damaged` (truncated, not JSON, not an object) or `ok` with its contents. */
export function readJsonFile(path: string): { state: SettingsFileState; data: Record<string, unknown> } {
  if (!existsSync(path)) return { state: 'missing', data: {} };
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) return { state: 'ok', data: data as Record<string, unknown> };
  } catch {
    // Falls through: a truncated or overwritten file.
  }
  return { state: 'damaged', data: {} };
}

/**
 * The settings file as a store. A damaged file does not stop TwoWay starting: it is reported
 * (`fileState`, shown on the login screen with the way back through the recovery key) and left
 * untouched until the first write, which first renames it to `settings.damaged-<time>.json`, so
 * nothing is lost that someone could still look at.
 */
export function createFileStore(dataDir: string): SettingsStore {
  const path = settingsFilePath(dataDir);
  removeLeftoverTempFiles(path);
  const first = readJsonFile(path);
  let data = first.data;
  let damagedKeptAside = first.state !== 'damaged';
  return {
    fileState: first.state,
    get: (key) => getPath(data, key),
    set(key, value) {
      if (!damagedKeptAside) {
        renameSync(path, join(dataDir, `${SETTINGS_FILE_NAME}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.json`));
        damagedKeptAside = true;
      }
      data = setPath(data, key, value);
      writeFileAtomic(path, JSON.stringify(data, null, '\t'));
    },
    delete(key) {
      if (getPath(data, key) === undefined) return;
      this.set(key, undefined);
    },
  };
}

/** A writer killed between writing and renaming leaves its temporary file; it is never read, so remove it. */
function removeLeftoverTempFiles(path: string): void {
  const name = basename(path);
  if (!existsSync(dirname(path))) return;
  for (const f of readdirSync(dirname(path))) {
    if (f.startsWith(`${name}.`) && f.endsWith('.tmp')) rmSync(join(dirname(path), f), { force: true });
  }
}

function getPath(data: Record<string, unknown>, key: string): unknown {
  let node: unknown = data;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A copy of `data` with `key` set (or removed when value is undefined); plain objects only, no prototype keys. */
function setPath(data: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = key.split('.');
  const copy: Record<string, unknown> = { ...data };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else Object.defineProperty(copy, head, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  const child = Object.prototype.hasOwnProperty.call(data, head) ? data[head] : undefined;
  const next = setPath(child && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>) : {}, rest.join('.'), value);
  Object.defineProperty(copy, head, { value: next, enumerable: true, writable: true, configurable: true });
  return copy;
}
