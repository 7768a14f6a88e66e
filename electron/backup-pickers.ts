import { dialog, type BrowserWindow } from 'electron';
import type { Platform } from './core/platform';

/** The computer's folder and file pickers for Admin, Backups and "Restore from a backup" (the core never imports electron). */
export function backupPickers(getWindow: () => BrowserWindow | null): Pick<Required<Platform>, 'chooseFolder' | 'chooseBackupFile'> {
  return {
    async chooseFolder() {
      const win = getWindow();
      if (!win) return null;
      const choice = await dialog.showOpenDialog(win, { title: 'Choose the folder for backups', properties: ['openDirectory', 'createDirectory'] });
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
    async chooseBackupFile() {
      const win = getWindow();
      if (!win) return null;
      const choice = await dialog.showOpenDialog(win, {
        title: 'Choose a TwoWay backup',
        properties: ['openFile'],
        filters: [{ name: 'TwoWay backup', extensions: ['twowaybackup'] }],
      });
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
    },
  };
}
