import { app, BrowserWindow, ipcMain, session } from 'electron';
import ElectronStore from 'electron-store';
import { join } from 'node:path';
import { openCore, type Core } from './core/index';
import { registerIpc } from './ipc';
import { pdfSaver } from './print';
import { createMainWindow, rendererFilePath } from './window';

// Electron glue only: single instance, one window, the core behind IPC. No business rules here.
// en-GB everywhere (date pickers show dd/mm/yyyy) whatever the laptop's display language.
app.commandLine.appendSwitch('lang', 'en-GB');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let core: Core | null = null;
  const devUrl = process.env.ELECTRON_RENDERER_URL ?? null;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  void app.whenReady().then(async () => {
    // No camera, microphone, notifications, geolocation…: TwoWay asks for nothing.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    const dataDir = app.getPath('userData');
    const store = new ElectronStore<Record<string, unknown>>({ name: 'settings', cwd: dataDir });
    core = await openCore({ dataDir, store, platform: { savePdf: pdfSaver(() => win) } });
    registerIpc(ipcMain, core, () => win?.webContents ?? null, devUrl);

    win = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/preload.cjs'),
      rendererUrl: devUrl,
      rendererFile: rendererFilePath(import.meta.dirname),
    });
    win.on('closed', () => {
      win = null;
    });
  });

  app.on('window-all-closed', () => {
    void (core?.close() ?? Promise.resolve()).finally(() => app.quit());
  });
}
