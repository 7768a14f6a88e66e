import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index';
import { openTestCore, tempDataDir } from '../core/helpers';

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
  scripts: string[] = [];
  executeJavaScript(code: string) {
    this.scripts.push(code);
    return Promise.resolve();
  }
  printed: Record<string, unknown> | null = null;
  printToPDF(options: Record<string, unknown>) {
    this.printed = options;
    return Promise.resolve(Buffer.from('%PDF-1.7'));
  }
}
const created: Array<{ options: Record<string, unknown>; loaded: string | null; destroyed?: boolean; contents?: FakeContents }> = [];
const openExternal = vi.fn();

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = new FakeContents();
    record: { options: Record<string, unknown>; loaded: string | null; destroyed?: boolean; contents?: FakeContents };
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: null, contents: this.webContents };
      created.push(this.record);
    }
    destroy() {
      this.record.destroyed = true;
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
  dialog: {},
}));

const { createMainWindow, denyAllPermissions, developmentOptions, lockDownContents, isAppUrl, secureWebPreferences } = await import('../../electron/window');
const { registerIpc, isTrustedSender, IPC_CHANNEL } = await import('../../electron/ipc');
const { appProtocolHandler, CONTENT_SECURITY_POLICY } = await import('../../electron/app-protocol');
const { hiddenWindowPdfRenderer } = await import('../../electron/pdf-window');

const APP_URL = 'app://twoway/index.html';
const PACKAGED = { rendererUrl: null, devTools: false };

describe('window factory', () => {
  it('creates windows isolated, sandboxed, without Node, with web security and without DevTools, showing app://twoway/', () => {
    createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', dev: PACKAGED });
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
      devTools: false,
    });
    expect(created.at(-1)!.loaded).toBe('app://twoway/index.html');
    expect(secureWebPreferences('x').sandbox).toBe(true);
  });

  it('a packaged TwoWay ignores ELECTRON_RENDERER_URL and NODE_ENV=development: no other page, no DevTools', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://127.0.0.1:6666/', NODE_ENV: 'development' };
    const packaged = developmentOptions(true, env);
    expect(packaged).toEqual({ rendererUrl: null, devTools: false });
    createMainWindow({ preloadPath: '/p.cjs', dev: packaged });
    expect(created.at(-1)!.loaded).toBe('app://twoway/index.html');
    expect((created.at(-1)!.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
    // Its pages and IPC accept only app://twoway/, never the address in the environment.
    expect(isAppUrl('http://127.0.0.1:6666/', packaged.rendererUrl)).toBe(false);

    // A developer's unpackaged run still gets the dev server and DevTools.
    expect(developmentOptions(false, env)).toEqual({ rendererUrl: 'http://127.0.0.1:6666/', devTools: true });
    expect(developmentOptions(false, {})).toEqual({ rendererUrl: null, devTools: false });
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
    expect(nav('will-navigate', `${APP_URL}#/children`)).toBe(false);
    expect(nav('will-attach-webview', 'about:blank')).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://www.gov.uk/government/publications/safeguarding-practitioners-information-sharing-advice' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('recognises only app://twoway/ (never a file: page), or the dev server in development', () => {
    expect(isAppUrl(APP_URL, null)).toBe(true);
    expect(isAppUrl('app://twoway/', null)).toBe(true);
    expect(isAppUrl('app://twoway/index.html#/sharing/new?child=1', null)).toBe(true);
    // Before, any file: path ending in /renderer/index.html passed, e.g. one written to the Downloads folder.
    expect(isAppUrl('file:///C:/Users/office/AppData/Local/Programs/TwoWay/resources/app.asar/out/renderer/index.html', null)).toBe(false);
    expect(isAppUrl('file:///C:/Users/office/Downloads/renderer/index.html', null)).toBe(false);
    expect(isAppUrl('file:///C:/evil/index.html', null)).toBe(false);
    expect(isAppUrl('app://other/index.html', null)).toBe(false);
    expect(isAppUrl('app://twoway/other.html', null)).toBe(false);
    expect(isAppUrl('app://twoway:8080/index.html', null)).toBe(false);
    expect(isAppUrl('app://user@twoway/index.html', null)).toBe(false);
    expect(isAppUrl('https://twoway/index.html', null)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/home', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url', null)).toBe(false);
  });

  it('refuses every permission request and check, and every device', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    let device: ((...args: unknown[]) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (fn: never) => void (request = fn),
      setPermissionCheckHandler: (fn: never) => void (check = fn),
      setDevicePermissionHandler: (fn: never) => void (device = fn),
    } as never);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const answer = vi.fn();
      request!(null, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(check!(null, permission, 'app://twoway', {})).toBe(false);
    }
    expect(device!({ deviceType: 'usb', origin: 'app://twoway' })).toBe(false);
  });
});

describe('app://twoway/ protocol', () => {
  let dir: { dir: string; cleanup: () => void };
  let handle: (r: Request) => Promise<Response>;
  beforeEach(() => {
    dir = tempDataDir();
    mkdirSync(join(dir.dir, 'renderer/assets'), { recursive: true });
    writeFileSync(join(dir.dir, 'renderer/index.html'), '<!doctype html><title>TwoWay</title>');
    writeFileSync(join(dir.dir, 'renderer/assets/index.js'), 'export {}');
    writeFileSync(join(dir.dir, 'renderer/assets/pdf.worker.mjs'), 'export {}');
    writeFileSync(join(dir.dir, 'secret.txt'), 'not for the renderer');
    handle = appProtocolHandler(join(dir.dir, 'renderer'));
  });
  afterEach(() => dir.cleanup());

  it('serves the renderer folder with the CSP as a header and the right types', async () => {
    for (const url of ['app://twoway/index.html', 'app://twoway/']) {
      const r = await handle(new Request(url));
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await r.text()).toContain('<title>TwoWay</title>');
    }
    const js = await handle(new Request('app://twoway/assets/index.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    // The PDF viewer's worker is a module script: Chromium runs it only when it is served as JavaScript.
    const worker = await handle(new Request('app://twoway/assets/pdf.worker.mjs'));
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the renderer folder, for any other host, or for anything but GET', async () => {
    for (const url of [
      'app://twoway/../secret.txt',
      'app://twoway/%2e%2e/secret.txt',
      'app://twoway/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://twoway/..%5csecret.txt',
      'app://twoway/missing.js',
      'app://other/index.html',
    ]) {
      const r = await handle(new Request(url));
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('not for the renderer');
    }
    expect((await handle(new Request('app://twoway/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('sends the same policy as the page’s own <meta> tag', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('IPC sender check', () => {
  let core: Core;
  let cleanup: () => void;
  beforeEach(async () => {
    const d = tempDataDir();
    cleanup = d.cleanup;
    core = await openTestCore({ dataDir: d.dir });
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

describe('PDFs made in a hidden window (meeting packs)', () => {
  it('opens a hidden, sandboxed window with no preload on the print-job page, hands it the job as data, prints A4 and closes the window', async () => {
    const render = hiddenWindowPdfRenderer(PACKAGED);
    const job = { document: 'meeting-pack-office-sheet' as const, omitted: [{ childName: 'Zoë "quoted" </script>', what: 'x', why: 'y' }], settingName: 'Little Acorns', printedBy: 'Olly', printedAt: '2026-11-02T10:00:00.000Z' };
    const pdf = await render(job);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7');
    const win = created.at(-1)!;
    expect(win.options.show).toBe(false);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(prefs.preload).toBeUndefined();
    expect(win.loaded).toBe(`${APP_URL}#/print-job`);
    // The job goes in as a JSON literal: the words cannot break out of it.
    const handed = win.contents!.scripts.at(-1)!;
    expect(handed).toBe(`window.twowayRenderJob(${JSON.stringify(job)})`);
    expect(JSON.parse(handed.slice('window.twowayRenderJob('.length, -1))).toEqual(job);
    expect(win.contents!.printed).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(win.destroyed).toBe(true);
  });
});
