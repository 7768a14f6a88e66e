import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { describeOthers, withoutNames } from '../../shared/contract/concerns';
import { addUserAndLogin, errorCode, setUpCore } from './helpers';

// Issue 18: a concern can name other children involved. Each child's chronology shows it; the
// external (printed for another setting) version never names another family's child.

let core: Core;
let cleanup: () => Promise<void>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ core, cleanup } = await setUpCore());
  await addUserAndLogin(core, 'dina', ['dsl', 'office']);
  for (const [key, legalName] of [
    ['amelia', 'Amelia Jones'],
    ['ben', 'Ben Ahmed'],
    ['cara', 'Cara Jones'],
    ['dan', 'Dan Price'],
  ] as const) {
    ids[key] = (await core.invoke('children.create', { legalName, dateOfBirth: '2023-01-02', room: 'Rainbow' })).id;
  }
}, 120_000);
afterAll(async () => cleanup());

const concernEvents = async (childId: string, external = false) => (await core.invoke('concerns.chronology', { childId, external })).events.filter((e) => e.kind === 'concern');

it('linked children appear in every chronology; the external one says “another child” for another family', async () => {
  const { id } = await core.invoke('concerns.record', {
    childId: ids.amelia!,
    observedAt: new Date().toISOString(),
    category: 'child-on-child',
    description: 'Ben pushed Amelia off the climbing frame; Cara saw it.',
    otherChildren: [
      { childId: ids.ben!, relation: 'involved' },
      { childId: ids.cara!, relation: 'sibling' },
    ],
  });
  expect((await core.invoke('concerns.get', { id })).otherChildren.map((c) => [c.name, c.relation])).toEqual([
    ['Ben Ahmed', 'involved'],
    ['Cara Jones', 'sibling'],
  ]);

  // Our team sees the names in every child's chronology.
  const [own] = await concernEvents(ids.amelia!);
  expect(describeOthers(own!.otherChildren!)).toBe('Ben Ahmed, Cara Jones');
  // Printed, even the full version names only Amelia's own family.
  expect(describeOthers(own!.otherChildren!, true)).toBe('another child, Cara Jones');
  const [ben] = await concernEvents(ids.ben!);
  expect(ben).toMatchObject({ concernId: id, detail: expect.stringMatching(/^This child was named as involved/) });
  expect(ben!.otherChildren?.map((o) => o.name)).toEqual(['Amelia Jones', 'Cara Jones']);

  // Printed for another setting: Amelia's family (Cara, her sister) is named; Ben is "another child".
  const [ownOut] = await concernEvents(ids.amelia!, true);
  // What was written names Ben: for another setting his name is left out of it too; Cara, the sister, stays.
  expect(ownOut!.detail).toBe('another child pushed Amelia off the climbing frame; Cara saw it.');
  expect(ownOut!.otherChildren).toEqual([
    { childId: null, name: null, sameFamily: false, concernChild: false },
    { childId: ids.cara, name: 'Cara Jones', sameFamily: true, concernChild: false },
  ]);
  // Ben's printed chronology names neither Amelia nor Cara, and does not tell their concern.
  const [benOut] = await concernEvents(ids.ben!, true);
  expect(benOut!.detail).toBe('This child was named as involved in a concern recorded on another child’s file.');
  expect(JSON.stringify(benOut)).not.toMatch(/Amelia|Cara|climbing/);
  // Cara, the sister, sees her own family named.
  const [caraOut] = await concernEvents(ids.cara!, true);
  expect(caraOut!.detail).toBe('This child was named as involved. another child pushed Amelia off the climbing frame; Cara saw it.');
  expect(describeOthers(caraOut!.otherChildren!)).toBe('Amelia Jones, another child');
});

it('names are left out whole and word by word, ignoring case, and only whole words', () => {
  expect(withoutNames('Ben Ahmed and ben were there; Benjamin too. AHMED left.', ['Ben Ahmed'])).toBe('another child and another child were there; Benjamin too. another child left.');
  expect(withoutNames('Millie cried', ['Millie (Amelia Jones)'])).toBe('another child cried');
  expect(withoutNames('Nothing here', [])).toBe('Nothing here');
});

it('a child named later is an addition: the concern stays as it was', async () => {
  const { id } = await core.invoke('concerns.record', { childId: ids.amelia!, observedAt: new Date().toISOString(), category: 'other', description: 'Said something worrying at lunch.' });
  expect(await concernEvents(ids.dan!)).toEqual([]);
  await core.invoke('concerns.linkChildren', { concernId: id, children: [{ childId: ids.dan! }] });
  expect((await concernEvents(ids.dan!)).map((e) => e.concernId)).toEqual([id]);
  // The same child twice, or the concern's own child, is refused.
  expect(await errorCode(core.invoke('concerns.linkChildren', { concernId: id, children: [{ childId: ids.dan! }] }))).toBe('invalid-input');
  expect(await errorCode(core.invoke('concerns.linkChildren', { concernId: id, children: [{ childId: ids.amelia! }] }))).toBe('invalid-input');
});
