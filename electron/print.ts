import { app, dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from './core/platform';

/**
 * "Save as PDF" for the core's `print.savePdf`: prints the window's print layout (print CSS, A4)
 * with Chromium's printToPDF and writes it where the user chooses. The print dialog itself is
 * the renderer's window.print().
 */
export function pdfSaver(getWindow: () => BrowserWindow | null): Required<Platform>['savePdf'] {
  return async ({ suggestedName, landscape }) => {
    const win = getWindow();
    if (!win) return false;
    const choice = await dialog.showSaveDialog(win, {
      title: 'Save as PDF',
      defaultPath: join(app.getPath('documents'), `${suggestedName}.pdf`),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return false;
    const pdf = await win.webContents.printToPDF({ pageSize: 'A4', landscape, printBackground: true, preferCSSPageSize: true, generateDocumentOutline: false });
    await writeFile(choice.filePath, pdf);
    return true;
  };
}

/** "Save a copy" of a document (documents.saveCopy): asks where, then writes the bytes the core gives. */
export function fileSaver(getWindow: () => BrowserWindow | null): Required<Platform>['saveFile'] {
  return async ({ suggestedName, extension, data }) => {
    const win = getWindow();
    if (!win) return false;
    const choice = await dialog.showSaveDialog(win, {
      title: 'Save a copy (not encrypted)',
      defaultPath: join(app.getPath('documents'), `${suggestedName}.${extension}`),
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    });
    if (choice.canceled || !choice.filePath) return false;
    await writeFile(choice.filePath, data);
    return true;
  };
}
