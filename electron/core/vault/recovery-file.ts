import { join } from 'node:path';
import { readJsonFile, writeFileAtomic } from './store';

/**
 * recovery.json: a second copy of the recovery slot, beside the database. With the printed
 * recovery key it opens twoway.db even when the settings file is lost or damaged. It holds nothing
 * secret (the slot is useless without the recovery key), so a backup must copy it with twoway.db:
 * the two files together, and the printed key, are everything needed to get the records back.
 */
export const RECOVERY_FILE_NAME = 'recovery.json';
export const recoveryFilePath = (dataDir: string) => join(dataDir, RECOVERY_FILE_NAME);

const FORMAT = 'twoway-recovery-slot';

export function readRecoveryFile(dataDir: string): { recovery: unknown } | null {
  const { state, data } = readJsonFile(recoveryFilePath(dataDir));
  if (state !== 'ok' || data.format !== FORMAT || data.recovery === undefined) return null;
  return { recovery: data.recovery };
}

export function writeRecoveryFile(dataDir: string, slot: unknown): void {
  const body = {
    format: FORMAT,
    v: 1,
    about: 'Opens twoway.db in this folder with the printed recovery key. Keep it with every copy of twoway.db.',
    recovery: slot,
  };
  writeFileAtomic(recoveryFilePath(dataDir), JSON.stringify(body, null, '\t'));
}
