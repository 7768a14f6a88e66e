import { BrowserWindow, dialog } from 'electron';
import type { Platform } from './core/platform';
import { APP_URL } from './app-protocol';
import { lockDownContents, secureWebPreferences, type DevelopmentOptions } from './window';

/** How long the print-job page may take to start before the PDF is given up (a broken build). */
const START_TIMEOUT_MS = 15_000;

/**
 * PDFs made without anyone at the window (meeting packs): a hidden, sandboxed window loads the
 * renderer's print-job page, is handed the job the core decided, and is printed with printToPDF.
 * The window has no preload at all: it cannot call the core, only lay out what it was given.
 */
export function hiddenWindowPdfRenderer(dev: DevelopmentOptions): Required<Platform>['renderPdf'] {
  return async (job) => {
    const win = new BrowserWindow({ show: false, width: 794, height: 1123, webPreferences: { ...secureWebPreferences('', false), preload: undefined, spellcheck: false } });
    lockDownContents(win.webContents, dev.rendererUrl);
    try {
      await win.loadURL(`${dev.rendererUrl ?? APP_URL}#/print-job`);
      await win.webContents.executeJavaScript(
        `new Promise((done, fail) => { const start = Date.now(); (function wait() {
           if (typeof window.twowayRenderJob === 'function') done();
           else if (Date.now() - start > ${START_TIMEOUT_MS}) fail(new Error('The print page did not start.'));
           else setTimeout(wait, 20);
         })(); })`,
      );
      // JSON is a JavaScript literal: the job's words cannot break out of it.
      await win.webContents.executeJavaScript(`window.twowayRenderJob(${JSON.stringify(job)})`);
      return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateDocumentOutline: false });
    } finally {
      win.destroy();
    }
  };
}

/** "Choose a folder" (for backups, for meeting packs): Windows' own folder picker over the main window. */
export function folderChooser(getWindow: () => BrowserWindow | null): Required<Platform>['chooseFolder'] {
  return async ({ title }) => {
    const win = getWindow();
    const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
    const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return choice.canceled || choice.filePaths.length === 0 ? null : choice.filePaths[0];
  };
}

/** "Choose a backup" for checking or restoring one: Windows' own file picker, TwoWay backups only. */
export function backupFilePicker(getWindow: () => BrowserWindow | null): Required<Platform>['chooseBackupFile'] {
  return async () => {
    const win = getWindow();
    const options: Electron.OpenDialogOptions = { title: 'Choose a TwoWay backup', properties: ['openFile'], filters: [{ name: 'TwoWay backup', extensions: ['twowaybackup'] }] };
    const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return choice.canceled || choice.filePaths.length === 0 ? null : choice.filePaths[0];
  };
}
