import { BrowserWindow, shell, type WebContents } from 'electron';
import { join } from 'node:path';

/** The one window factory: every TwoWay window is made here, with these options and no others. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    devTools: process.env.NODE_ENV === 'development',
  };
}

export function createMainWindow(opts: { preloadPath: string; rendererUrl: string | null; rendererFile: string }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'TwoWay',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  lockDownContents(win.webContents, opts.rendererUrl);
  win.once('ready-to-show', () => win.show());
  if (opts.rendererUrl) void win.loadURL(opts.rendererUrl);
  else void win.loadFile(opts.rendererFile);
  return win;
}

/** The app's own pages only: no navigation away, no new windows, no web views. */
export function lockDownContents(contents: WebContents, devUrl: string | null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // A link to a public help page (for example the government guidance) opens in the browser; nothing opens inside TwoWay.
    if (url.startsWith('https://www.gov.uk/')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Only the packaged renderer (file://…/out/renderer/index.html) or, in development, the dev server. */
export function isAppUrl(url: string, devUrl: string | null): boolean {
  try {
    const u = new URL(url);
    if (devUrl) return u.origin === new URL(devUrl).origin;
    return u.protocol === 'file:' && u.pathname.endsWith('/renderer/index.html');
  } catch {
    return false;
  }
}

export const rendererFilePath = (appDir: string) => join(appDir, '../renderer/index.html');
