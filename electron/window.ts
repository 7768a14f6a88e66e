import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_HOST, APP_SCHEME, APP_URL } from './app-protocol';

/**
 * What a development run may do, decided once from `app.isPackaged`: a packaged TwoWay never loads
 * another page (ELECTRON_RENDERER_URL) and never opens DevTools (NODE_ENV=development), whatever
 * the environment says, because anyone at the laptop can set an environment variable.
 */
export interface DevelopmentOptions {
  /** The dev server's URL (electron-vite dev), or null: the built renderer from app://twoway/. */
  rendererUrl: string | null;
  devTools: boolean;
}

export function developmentOptions(isPackaged: boolean, env: Record<string, string | undefined>): DevelopmentOptions {
  if (isPackaged) return { rendererUrl: null, devTools: false };
  return { rendererUrl: env.ELECTRON_RENDERER_URL || null, devTools: env.NODE_ENV === 'development' };
}

/** The one window factory: every TwoWay window is made here, with these options and no others. */
export function secureWebPreferences(preloadPath: string, devTools = false): Electron.WebPreferences {
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
    devTools,
  };
}

export function createMainWindow(opts: { preloadPath: string; dev: DevelopmentOptions }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'TwoWay',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(opts.preloadPath, opts.dev.devTools),
  });
  lockDownContents(win.webContents, opts.dev.rendererUrl);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.dev.rendererUrl ?? APP_URL);
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

/**
 * Only TwoWay's own page: `app://twoway/index.html` (any #route), or, in an unpackaged development
 * run only, the dev server's origin. No file: URL is ever the app.
 */
export function isAppUrl(url: string, devUrl: string | null): boolean {
  try {
    const u = new URL(url);
    if (devUrl) return u.origin === new URL(devUrl).origin;
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '' && (u.pathname === '/' || u.pathname === '/index.html') && u.search === '';
  } catch {
    return false;
  }
}

/**
 * TwoWay asks for nothing (camera, microphone, notifications, geolocation, clipboard, USB…): every
 * permission request and check is refused, and no device may be chosen.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export const rendererDirPath = (appDir: string) => join(appDir, '../renderer');
