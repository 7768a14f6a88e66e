import Conf from 'conf';

/**
 * The small unencrypted settings file beside the database: key slots, the setting's name and the
 * login back-off. It never holds a record, a staff member's name, a password or the database key.
 * electron-store in the app and conf in tests and the preview both satisfy this interface.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export const SETTINGS_FILE_NAME = 'settings';

export function createFileStore(dataDir: string): SettingsStore {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    projectName: 'twoway',
    // The file is read before login, so it cannot be encrypted with the database key; it holds nothing secret.
    clearInvalidConfig: false,
  });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  };
}
