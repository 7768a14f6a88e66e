import { afterEach, expect, it } from 'vitest';
import { loginAdmin, setUpCore, errorCode } from './helpers';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

it('saving a PDF goes through the host and is audited with what was printed', async () => {
  const asked: Array<{ suggestedName: string; landscape: boolean }> = [];
  // The host (Electron's printToPDF and save dialog) is outside the core: a recording stand-in plays it here.
  const env = await setUpCore({ platform: { savePdf: async (o) => (asked.push(o), true) } });
  cleanups.push(env.cleanup);
  await loginAdmin(env.core);
  expect(await env.core.invoke('print.capabilities')).toEqual({ savePdf: true, saveFile: false });
  expect(await env.core.invoke('print.savePdf', { document: 'child-summary', recordId: 'c-1', suggestedName: 'Summary', landscape: false })).toEqual({ saved: true });
  expect(asked).toEqual([{ suggestedName: 'Summary', landscape: false }]);
  const { entries } = await env.core.invoke('audit.list', {});
  expect(entries.find((e) => e.channel === 'print.savePdf')?.recordIds).toEqual(expect.arrayContaining(['print:child-summary', 'record:c-1']));
  expect(await errorCode(env.core.invoke('print.savePdf', { document: 'child-summary', suggestedName: 'a/b', landscape: false }))).toBe('invalid-input');
});

it('without a host that can save PDFs it says to print instead', async () => {
  const env = await setUpCore();
  cleanups.push(env.cleanup);
  await loginAdmin(env.core);
  expect(await env.core.invoke('print.capabilities')).toEqual({ savePdf: false, saveFile: false });
  await expect(env.core.invoke('print.savePdf', { document: 'other', suggestedName: 'x' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/Use Print/) });
});
