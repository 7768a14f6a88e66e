import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { seedDemo } from '../fixtures/demo';
import { loginAdmin, setUpCore } from './helpers';

// The demo setting (`npm run preview -- --demo`, the README screenshots) goes through the real
// channels: this keeps it working as the contract changes.

let core: Core;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ core, cleanup } = await setUpCore());
  await loginAdmin(core);
  await seedDemo(core);
}, 120_000);
afterAll(async () => cleanup());

it('seeds a small, realistic setting and leaves the administrator logged in', async () => {
  expect((await core.invoke('auth.session')).session?.username).toBe('alice');
  const { children, rooms } = await core.invoke('children.list', {});
  expect(children).toHaveLength(7);
  expect(rooms.sort()).toEqual(['Ladybirds', 'Owls']);
  expect(children.filter((c) => c.restrictions.some((r) => r.mustNotCollect))).toHaveLength(1);
  expect(children.filter((c) => c.contactsNeedCheck).map((c) => c.legalName)).toEqual(['Ruby Evans']);
  expect((await core.invoke('setting.policies')).overdueCount).toBe(1);
  expect((await core.invoke('partners.list')).partners).toHaveLength(5);

  const { decisions } = await core.invoke('sharing.list', {});
  expect(decisions.map((d) => d.status).sort()).toEqual(['not-shared', 'shared']);

  const isla = children.find((c) => c.legalName === 'Isla Khan')!;
  const patterns = await core.invoke('diary.patterns', { childId: isla.id });
  expect(patterns.findings.map((f) => [f.weekday, f.category])).toEqual([[3, 'sleep']]);

  // Issue 13: a new user sees a signed agreement (Amara's), one waiting for signatures (Isla's), observations and a home visit.
  const amara = children.find((c) => c.legalName === 'Amara Osei')!;
  const signed = await core.invoke('agreements.get', { childId: amara.id });
  expect(signed.status).toBe('signed');
  expect(signed.signers.filter((s) => s.signature?.method === 'drawn').length).toBeGreaterThanOrEqual(1);
  expect((await core.invoke('agreements.attention')).children.map((c) => [c.childName, c.why])).toEqual([['Isla Khan', 'unsigned']]);
  expect((await core.invoke('observations.list', { childId: isla.id })).observations).toHaveLength(2);
  expect((await core.invoke('homevisits.list', { childId: isla.id })).visits).toHaveLength(1);
});
