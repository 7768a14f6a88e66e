import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index';
import { openCore } from '../../electron/core/index';
import { tempDataDir } from '../core/helpers';

// The `electron` module cannot load without the Electron binary; stub just the parts the glue uses.
type Listener = (...args: unknown[]) => void;
class FakeContents {
  listeners = new Map<string, Listener[]>();
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  on(name: string, fn: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  emit(name: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(name) ?? []) fn(...args);
  }
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}
const created: Array<{ options: Record<string, unknown>; loaded: string | null }> = [];
const openExternal = vi.fn();

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = new FakeContents();
    record: { options: Record<string, unknown>; loaded: string | null };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: null };
      created.push(this.record);
    }
    once() {}
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.record.loaded = `file://${file}`;
      return Promise.resolve();
    }
  },
  shell: { openExternal: (url: string) => openExternal(url) },
}));

const { createMainWindow, lockDownContents, isAppUrl, secureWebPreferences } = await import('../../electron/window');
const { registerIpc, isTrustedSender, IPC_CHANNEL } = await import('../../electron/ipc');

const APP_URL = 'file:///C:/Users/office/AppData/Local/Programs/TwoWay/resources/app.asar/out/renderer/index.html';

describe('window factory', () => {
  it('creates windows isolated, sandboxed, without Node and with web security', () => {
    createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', rendererUrl: null, rendererFile: '/app/out/renderer/index.html' });
    const prefs = created.at(-1)!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(created.at(-1)!.loaded).toBe('file:///app/out/renderer/index.html');
    expect(secureWebPreferences('x').sandbox).toBe(true);
  });

  it('blocks navigation away from the app, redirects, web views and window.open', () => {
    const contents = new FakeContents();
    lockDownContents(contents as never, null);
    const nav = (event: string, url: string) => {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(nav('will-navigate', 'https://example.com/')).toBe(true);
    expect(nav('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(nav('will-redirect', 'http://127.0.0.1:9999/')).toBe(true);
    expect(nav('will-navigate', APP_URL)).toBe(false);
    expect(nav('will-attach-webview', 'about:blank')).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://www.gov.uk/government/publications/safeguarding-practitioners-information-sharing-advice' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('recognises only the packaged renderer, or the dev server in development', () => {
    expect(isAppUrl(APP_URL, null)).toBe(true);
    expect(isAppUrl('file:///C:/evil/index.html', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/home', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url', null)).toBe(false);
  });
});

describe('IPC sender check', () => {
  let core: Core;
  let cleanup: () => void;
  beforeEach(async () => {
    const d = tempDataDir();
    cleanup = d.cleanup;
    core = await openCore({ dataDir: d.dir });
  });
  afterEach(async () => {
    await core.close();
    cleanup();
  });

  function register() {
    const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: (name: string, fn: (...args: unknown[]) => Promise<unknown>) => handlers.set(name, fn) };
    const windowContents = { id: 1 };
    registerIpc(ipcMain as never, core, () => windowContents as never, null);
    return { handler: handlers.get(IPC_CHANNEL)!, windowContents };
  }

  it('serves our own window’s main frame through the real core', async () => {
    const { handler, windowContents } = register();
    const result = await handler({ sender: windowContents, senderFrame: { url: APP_URL, parent: null } }, 'setup.status', undefined);
    expect(result).toEqual({ ok: true, value: { isSetUp: false, settingName: null, recoveryNeeded: null } });
  });

  it('refuses sub-frames, other pages and other windows', async () => {
    const { handler, windowContents } = register();
    const refused = [
      { sender: windowContents, senderFrame: { url: APP_URL, parent: {} } },
      { sender: windowContents, senderFrame: { url: 'https://example.com/', parent: null } },
      { sender: { id: 2 }, senderFrame: { url: APP_URL, parent: null } },
      { sender: windowContents, senderFrame: null },
    ];
    for (const event of refused) {
      const result = (await handler(event, 'setup.status', undefined)) as { ok: boolean; error?: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe('forbidden');
    }
    expect(isTrustedSender({ sender: windowContents as never, senderFrame: { url: APP_URL, parent: null } as never }, windowContents as never, null)).toBe(true);
  });

  it('returns core errors as plain { code, message } envelopes', async () => {
    const { handler, windowContents } = register();
    const result = (await handler({ sender: windowContents, senderFrame: { url: APP_URL, parent: null } }, 'users.list', undefined)) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });
    expect(result.error.message).toMatch(/Log in/);
  });
});
