import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openCore, type Core, type CoreOptions } from '../../electron/core/index';
import { TwoWayError, type Envelope } from '../../shared/contract/errors';
import { chromiumPdfRenderer } from './pdf-renderer';

/**
 * The preview harness: the built renderer on 127.0.0.1 with the same core behind it, reached
 * through a shim that provides `window.twoway.invoke` over HTTP. For tests, demos and development
 * only; never packaged. Each run has a secret: a call without it is refused, so another page or
 * program on the machine cannot drive the core.
 */
export interface Preview {
  url: string;
  dataDir: string;
  core: Core;
  close(): Promise<void>;
}

const RENDERER_DIR = resolve(import.meta.dirname, '../..', process.env.TWOWAY_RENDERER_OUT ?? 'out/renderer');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startPreview(options: { dataDir?: string; port?: number; now?: CoreOptions['now'] } = {}): Promise<Preview> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built. Run `npm run build:renderer` first.');
  }
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'twoway-preview-'));
  // PDFs made without anyone at the window (meeting packs) come from headless Chromium over this same server.
  const pdfs = chromiumPdfRenderer(() => `http://127.0.0.1:${port}/`);
  const core = await openCore({ dataDir, now: options.now, platform: { renderPdf: pdfs.renderPdf } });
  const secret = randomBytes(24).toString('hex');
  let port = 0;
  const shim = `window.twoway = Object.freeze({ invoke: (channel, input) => fetch('/rpc', {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-twoway-secret': ${JSON.stringify(secret)} },
    body: JSON.stringify({ channel, input: input === undefined ? null : input }),
  }).then((r) => r.json()) });`;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/rpc' && req.method === 'POST') return rpc(req, res);
    if (url.pathname === '/twoway-shim.js') return send(res, 200, 'text/javascript; charset=utf-8', shim);
    const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(RENDERER_DIR, path));
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) return send(res, 404, 'text/plain', 'Not found');
    let body: string | Buffer = readFileSync(file);
    if (path === '/index.html') {
      // The shim is a separate file so the Content-Security-Policy can stay `script-src 'self'`.
      body = body.toString('utf8').replace('<script type="module"', '<script src="./twoway-shim.js"></script>\n    <script type="module"');
    }
    return send(res, 200, MIME[extname(file)] ?? 'application/octet-stream', body);
  }

  async function rpc(req: IncomingMessage, res: ServerResponse) {
    const given = Buffer.from(String(req.headers['x-twoway-secret'] ?? ''));
    const expected = Buffer.from(secret);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return send(res, 403, 'text/plain', 'Forbidden');
    // Only pages served by this harness, by its own address (no DNS rebinding, no other origin).
    const origin = req.headers.origin;
    if (req.headers.host !== `127.0.0.1:${port}` || (origin !== undefined && origin !== `http://127.0.0.1:${port}`)) {
      return send(res, 403, 'text/plain', 'Forbidden');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let envelope: Envelope;
    try {
      const { channel, input } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { channel: unknown; input: unknown };
      envelope = { ok: true, value: await core.call(channel, input ?? undefined) };
    } catch (error) {
      const e = error instanceof TwoWayError ? error : new TwoWayError('invalid-input', 'That request could not be read.');
      envelope = { ok: false, error: e.toBody() };
    }
    return send(res, 200, 'application/json', JSON.stringify(envelope));
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    dataDir,
    core,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await core.close();
      await pdfs.close();
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}
