import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../preview/server';

// The preview harness serves the built renderer: `npm test` builds it before the core tests.

function post(url: string, headers: Record<string, string>, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

describe('preview harness', () => {
  let preview: Preview;
  let secret: string;
  beforeAll(async () => {
    preview = await startPreview();
    const shim = await (await fetch(`${preview.url}twoway-shim.js`)).text();
    secret = /"([0-9a-f]{48})"/.exec(shim)![1];
  });
  afterAll(() => preview.close());

  it('serves the renderer with the shim loaded before the app, on 127.0.0.1', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await (await fetch(preview.url)).text();
    expect(html.indexOf('twoway-shim.js')).toBeGreaterThan(0);
    expect(html.indexOf('twoway-shim.js')).toBeLessThan(html.indexOf('type="module"'));
    expect(html).toContain("script-src 'self'");
  });

  it('answers calls that carry the run’s secret, through the real core', async () => {
    const res = await post(`${preview.url}rpc`, { 'x-twoway-secret': secret }, { channel: 'setup.status', input: null });
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { isSetUp: false, settingName: null, recoveryNeeded: null } });
    const bad = await post(`${preview.url}rpc`, { 'x-twoway-secret': secret }, { channel: 'users.list', input: null });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });
  });

  it('refuses calls without the secret, from another origin, or by another host name', async () => {
    expect((await post(`${preview.url}rpc`, {}, { channel: 'setup.status' })).status).toBe(403);
    expect((await post(`${preview.url}rpc`, { 'x-twoway-secret': 'f'.repeat(48) }, { channel: 'setup.status' })).status).toBe(403);
    expect((await post(`${preview.url}rpc`, { 'x-twoway-secret': secret, origin: 'http://evil.example' }, { channel: 'setup.status' })).status).toBe(403);
    expect((await post(`${preview.url}rpc`, { 'x-twoway-secret': secret, host: 'evil.example' }, { channel: 'setup.status' })).status).toBe(403);
  });
});
