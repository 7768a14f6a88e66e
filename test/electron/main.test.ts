import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDataDir } from '../core/helpers';

// main.ts runs against a stubbed `electron` (the binary cannot be downloaded here), as a packaged
// build started with development variables set: what it wires up is what the real app does.
const h = vi.hoisted(() => {
  const calls: string[] = [];
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const windows: Array<{ options: Record<string, unknown>; loaded: string | null; contents?: unknown }> = [];
  const permissionHandlers: Record<string, unknown> = {};
  const state = { dataDir: '', protocolHandler: null as null | ((r: Request) => Promise<Response>), ipc: null as null | ((...args: unknown[]) => Promise<unknown>) };
  class FakeContents {
    on() {
      return this;
    }
    setWindowOpenHandler() {}
  }
  const electron = {
    app: {
      isPackaged: true,
      commandLine: { appendSwitch: () => calls.push('appendSwitch') },
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: (...args: unknown[]) => unknown) => handlers.set(name, fn),
      whenReady: () => {
        calls.push('whenReady');
        return new Promise<void>((resolve) => setTimeout(resolve, 0));
      },
      getPath: () => state.dataDir,
      quit: () => calls.push('quit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        calls.push('registerSchemesAsPrivileged');
        handlers.set('schemes', () => schemes);
      },
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => {
        calls.push(`handle:${scheme}`);
        state.protocolHandler = fn;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: unknown) => (permissionHandlers.request = fn),
        setPermissionCheckHandler: (fn: unknown) => (permissionHandlers.check = fn),
        setDevicePermissionHandler: (fn: unknown) => (permissionHandlers.device = fn),
      },
    },
    ipcMain: { handle: (_name: string, fn: (...args: unknown[]) => Promise<unknown>) => (state.ipc = fn) },
    BrowserWindow: class {
      webContents = new FakeContents();
      record: { options: Record<string, unknown>; loaded: string | null; contents?: unknown };
      constructor(options: Record<string, unknown>) {
        this.record = { options, loaded: null, contents: this.webContents };
        windows.push(this.record);
      }
      once() {}
      on() {}
      loadURL(url: string) {
        this.record.loaded = url;
        return Promise.resolve();
      }
    },
    shell: { openExternal: () => undefined },
    dialog: {},
  };
  return { calls, handlers, windows, permissionHandlers, state, electron };
});
vi.mock('electron', () => h.electron);

const data = tempDataDir();
afterAll(async () => {
  await h.handlers.get('window-all-closed')?.();
  await new Promise((r) => setTimeout(r, 50));
  data.cleanup();
});

describe('main.ts (packaged, started with ELECTRON_RENDERER_URL and NODE_ENV=development set)', () => {
  it('sandboxes every renderer, serves app://twoway/, ignores the development variables and refuses every permission', async () => {
    h.state.dataDir = data.dir;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://127.0.0.1:6666/');
    vi.stubEnv('NODE_ENV', 'development');
    await import('../../electron/main');
    await vi.waitFor(() => expect(h.windows).toHaveLength(1), { timeout: 5000 });
    vi.unstubAllEnvs();

    // Before the app is ready: the sandbox for all renderers and the privileged scheme.
    expect(h.calls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(h.calls.indexOf('enableSandbox')).toBeLessThan(h.calls.indexOf('whenReady'));
    expect(h.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(h.calls.indexOf('whenReady'));
    expect(h.handlers.get('schemes')!()).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) }]);
    expect(h.calls).toContain('handle:app');

    // The window shows the built renderer, without DevTools, whatever the environment said.
    expect(h.windows[0].loaded).toBe('app://twoway/index.html');
    expect((h.windows[0].options.webPreferences as Record<string, unknown>).devTools).toBe(false);

    // The page is served with its CSP header.
    const page = await h.state.protocolHandler!(new Request('app://twoway/index.html'));
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);

    // IPC answers TwoWay's own page only, not the address from the environment.
    const ask = (url: string) => h.state.ipc!({ sender: h.windows[0].contents, senderFrame: { url, parent: null } }, 'setup.status', undefined);
    expect(await ask('http://127.0.0.1:6666/')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ask('app://twoway/index.html')).toMatchObject({ ok: true, value: { isSetUp: false } });

    // Permissions: all refused.
    const answer = vi.fn();
    (h.permissionHandlers.request as (...a: unknown[]) => void)(null, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect((h.permissionHandlers.check as (...a: unknown[]) => boolean)(null, 'notifications')).toBe(false);
  });
});
