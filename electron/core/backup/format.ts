import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { z } from 'zod';
import { backupCountsSchema, type BackupSummary } from '../../../shared/contract/backup';
import packageJson from '../../../package.json' with { type: 'json' };
import { MIGRATIONS } from '../db/migrations/index';

/**
 * One backup is one file:
 *
 *   [the database: its SQLCipher pages under the same key, from a pinned snapshot]
 *   [manifest, JSON] [manifest length, 4 bytes] ["TWOWAYB1"]
 *
 * The database comes first so the file opens as it is with SQLCipher (the trailer is ignored) and a
 * restore is a copy cut at `dbBytes`. The manifest's open part says only what is needed before
 * anyone unlocks it (format, versions, when, size, SHA-256 of the database part) and holds the key
 * slots and the recovery slot of that moment; who made it, the setting's name and the counts are
 * sealed with a key derived from the database key, so a lost USB stick shows none of them.
 */
export const BACKUP_EXTENSION = '.twowaybackup';
export const APP_VERSION: string = packageJson.version;
export const SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
const MAGIC = Buffer.from('TWOWAYB1');
const TAIL = 4 + MAGIC.length;

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
export const manifestSchema = z.object({
  format: z.literal('twoway-backup'),
  v: z.literal(1),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  dbBytes: z.number().int().positive(),
  sha256: z.string().length(64),
  slots: z.object({ users: z.record(z.string(), z.unknown()), recovery: z.unknown() }),
  sealed: sealedSchema,
});
export type Manifest = z.infer<typeof manifestSchema>;

const privateSchema = z.object({ settingName: z.string(), createdBy: z.string(), counts: backupCountsSchema });
export type PrivatePart = z.infer<typeof privateSchema>;

/** A backup that cannot be used, with the reason in words for a nursery manager. */
export class BackupProblem extends Error {}

export const PROBLEMS = {
  missing: 'That backup file is not there. If it is on a USB stick, check the stick is plugged in.',
  folder: `That is a folder, not a backup file. Choose one of the TwoWay backup files inside it (their names end in ${BACKUP_EXTENSION}).`,
  foreign: 'This file is not a TwoWay backup, or it was cut short before it finished copying.',
  damagedManifest: 'This backup file is damaged: the part that describes it cannot be read.',
  truncated: 'This backup file is not complete: it is a different size from when it was made. It may not have finished copying.',
  changed: 'This backup file is damaged: its contents have changed since it was made.',
  unreadable: 'This backup file is damaged: the records in it do not pass TwoWay’s check.',
  counts: 'This backup file does not hold what it says it holds, so it cannot be trusted.',
  otherKey:
    'This backup was made with a different database key (before the key was changed, or at another setting). Its file is whole; its records can be checked when it is restored with a password or recovery key from that time.',
  newer: (v: string) => `This backup was made by a newer version of TwoWay (${v}). Install the newest version of TwoWay, then restore it.`,
} as const;

function manifestKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'twoway-backup-manifest', 32));
}

export function sealPrivate(dbKey: Buffer, part: PrivatePart, sha256: string): Manifest['sealed'] {
  const key = manifestKey(dbKey);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(sha256));
    const data = Buffer.concat([cipher.update(JSON.stringify(part)), cipher.final()]);
    return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  } finally {
    key.fill(0);
  }
}

/** Null when the key is not the one the backup was made with. */
export function openPrivate(dbKey: Buffer, manifest: Manifest): PrivatePart | null {
  const key = manifestKey(dbKey);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(manifest.sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(manifest.sha256));
    decipher.setAuthTag(Buffer.from(manifest.sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(manifest.sealed.data, 'base64')), decipher.final()]);
    const parsed = privateSchema.safeParse(JSON.parse(plain.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  } finally {
    key.fill(0);
  }
}

export function trailer(manifest: Manifest): Buffer {
  const body = Buffer.from(JSON.stringify(manifest));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([body, length, MAGIC]);
}

/** Reads and checks the manifest (not yet the checksum): a foreign, cut-short or newer file is a BackupProblem. */
export async function readManifest(file: string): Promise<Manifest> {
  let size: number;
  try {
    const about = await stat(file);
    if (about.isDirectory()) throw new BackupProblem(PROBLEMS.folder);
    size = about.size;
  } catch (error) {
    throw error instanceof BackupProblem ? error : new BackupProblem(PROBLEMS.missing);
  }
  if (size < TAIL) throw new BackupProblem(PROBLEMS.foreign);
  const handle = await open(file, 'r');
  try {
    const tail = Buffer.alloc(TAIL);
    await handle.read(tail, 0, TAIL, size - TAIL);
    if (!tail.subarray(4).equals(MAGIC)) throw new BackupProblem(PROBLEMS.foreign);
    const length = tail.readUInt32BE(0);
    if (length > size - TAIL || length > 16 * 1024 * 1024) throw new BackupProblem(PROBLEMS.damagedManifest);
    const body = Buffer.alloc(length);
    await handle.read(body, 0, length, size - TAIL - length);
    let manifest: Manifest;
    try {
      manifest = manifestSchema.parse(JSON.parse(body.toString('utf8')));
    } catch {
      throw new BackupProblem(PROBLEMS.damagedManifest);
    }
    if (manifest.schemaVersion > SCHEMA_VERSION) throw new BackupProblem(PROBLEMS.newer(manifest.appVersion));
    if (manifest.dbBytes + length + TAIL !== size) throw new BackupProblem(PROBLEMS.truncated);
    return manifest;
  } finally {
    await handle.close();
  }
}

/** SHA-256 of the first `bytes` of a file, read as a stream so the app keeps answering meanwhile. */
export function hashFile(file: string, bytes: number, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let done = 0;
    createReadStream(file, { start: 0, end: bytes - 1, highWaterMark: 1024 * 1024 })
      .on('data', (chunk) => {
        hash.update(chunk);
        done += chunk.length;
        onProgress?.(done / bytes);
      })
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Checks the database part against the manifest's checksum. */
export async function checkChecksum(file: string, manifest: Manifest, onProgress?: (fraction: number) => void): Promise<void> {
  if ((await hashFile(file, manifest.dbBytes, onProgress)) !== manifest.sha256) throw new BackupProblem(PROBLEMS.changed);
}

export function summaryOf(manifest: Manifest, part: PrivatePart): BackupSummary {
  return { settingName: part.settingName, createdAt: manifest.createdAt, createdBy: part.createdBy, appVersion: manifest.appVersion, counts: part.counts };
}
