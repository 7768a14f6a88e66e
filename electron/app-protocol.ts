import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * The renderer is served from `app://twoway/` rather than `file://`: a file: page may read other
 * file: URLs and shares one origin with every file on the laptop, while app://twoway/ is one
 * origin that serves only the built renderer folder (Electron's security checklist, item 18).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'twoway';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before the app is ready: standard (a real origin, relative URLs resolve) and secure
 * (treated like https). Vite's module scripts carry `crossorigin`, so they are fetched in CORS
 * mode, which a custom scheme only takes part in with corsEnabled (the recipe VS Code uses for its
 * own `vscode-file:` scheme). The CSP is never bypassed, and no service workers.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, bypassCSP: false, allowServiceWorkers: false } as const;

/**
 * The same policy as the <meta> tag in renderer/index.html (a test keeps them equal), also sent as
 * a response header: a header cannot be dropped by anything that rewrites the page.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // The PDF viewer's worker (pdf.js) is a module script: served as JavaScript or Chromium refuses it.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
};

/**
 * The handler for `protocol.handle('app', …)`: GET only, host `twoway` only, files inside
 * `rendererDir` only (no `..`, no absolute paths, no other drives), everything with the CSP header.
 */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = normalize(rendererDir + sep);
  return async (request) => {
    const refuse = (status: number) => new Response(null, { status, headers: securityHeaders('text/plain') });
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400);
    }
    if (path === '/' || path === '') path = '/index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root) || path.includes('\0')) return refuse(404);
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: securityHeaders(TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream') });
    } catch {
      return refuse(404);
    }
  };
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
