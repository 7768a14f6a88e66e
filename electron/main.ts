import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app-protocol';
import { openCore, type Core } from './core/index';
import { registerIpc } from './ipc';
import { fileSaver, pdfSaver } from './print';
import { backupFilePicker, folderChooser, hiddenWindowPdfRenderer } from './pdf-window';
import { createMainWindow, denyAllPermissions, developmentOptions, rendererDirPath } from './window';

// Electron glue only: single instance, one window, the core behind IPC. No business rules here.
// en-GB everywhere (date pickers show dd/mm/yyyy) whatever the laptop's display language.
app.commandLine.appendSwitch('lang', 'en-GB');
// Every renderer sandboxed, whatever a window's options say (must run before the app is ready).
app.enableSandbox();
// app://twoway/ must be known as a standard, secure scheme before the app is ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let core: Core | null = null;
  // A packaged build ignores ELECTRON_RENDERER_URL and NODE_ENV (window.ts).
  const dev = developmentOptions(app.isPackaged, process.env);

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  void app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    protocol.handle(APP_SCHEME, appProtocolHandler(rendererDirPath(import.meta.dirname)));

    // The settings file (key slots) is written by the core's own store: atomic, and a damaged file
    // is reported on the login screen instead of stopping start-up (core/vault/store.ts).
    const dataDir = app.getPath('userData');
    core = await openCore({
      dataDir,
      platform: {
        savePdf: pdfSaver(() => win),
        saveFile: fileSaver(() => win),
        renderPdf: hiddenWindowPdfRenderer(dev),
        chooseFolder: folderChooser(() => win),
        chooseBackupFile: backupFilePicker(() => win),
      },
    });
    registerIpc(ipcMain, core, () => win?.webContents ?? null, dev.rendererUrl);

    win = createMainWindow({ preloadPath: join(import.meta.dirname, '../preload/preload.cjs'), dev });
    win.on('closed', () => {
      win = null;
    });
  });

  // Closing makes the automatic backup first (core.close, when someone is logged in and a folder is chosen).
  app.on('window-all-closed', () => {
    void (core?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
}
