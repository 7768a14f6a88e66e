import { constants } from 'node:fs';
import { access, open, rename, rm, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { fieldError } from '../../../shared/contract/fields';
import { TwoWayError } from '../../../shared/contract/errors';

/**
 * Folders the office chooses for files TwoWay writes (meeting packs): checked before anything is
 * made, with messages that say what to do, because the usual failure is a USB stick not plugged in.
 */
export async function requireWritableFolder(folder: string, field = 'folder'): Promise<string> {
  if (!isAbsolute(folder)) throw fieldError(field, 'Choose a folder with its full path, for example C:\\Users\\Office\\Documents\\Meeting packs.');
  const info = await stat(folder).catch(() => null);
  if (!info) throw fieldError(field, 'That folder cannot be found. If it is on a USB stick, plug it in, or choose another folder.');
  if (!info.isDirectory()) throw fieldError(field, 'That is a file, not a folder. Choose a folder.');
  const writable = await access(folder, constants.W_OK).then(() => true, () => false);
  if (!writable) throw fieldError(field, 'TwoWay cannot save files in that folder (it is read-only). Choose another folder.');
  return folder;
}

/** A file name Windows accepts, from words a person wrote (a child's name). */
export function safeFileName(words: string): string {
  return words.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').trim().slice(0, 150);
}

/**
 * Writes a file whole or not at all: a temporary name, flushed to disk, then renamed over the
 * final name. A full disk or a stick pulled out leaves no half-written file behind.
 */
export async function writeFileWhole(folder: string, fileName: string, bytes: Uint8Array): Promise<string> {
  const final = join(folder, fileName);
  const temp = join(folder, `.${fileName}.${process.pid}.partial`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, final);
    return final;
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new TwoWayError('unavailable', 'The disk is full, so the file was not saved. Free some space or choose another folder.');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new TwoWayError('unavailable', 'TwoWay cannot save files in that folder. Choose another folder.');
    if (code === 'ENOENT') throw new TwoWayError('unavailable', 'The folder went away while saving (was a USB stick removed?). Nothing was saved there.');
    throw new TwoWayError('unavailable', 'The file could not be saved. Try again or choose another folder.');
  }
}
