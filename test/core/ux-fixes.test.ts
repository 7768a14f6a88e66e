import { afterEach, describe, expect, it } from 'vitest';
import { concernSign } from '../../shared/domain/concerns';
import { addUserAndLogin, errorCode, loginAdmin, setUpCore } from './helpers';

// Fixes from trying TwoWay as a new user (issue 11) and the validation hardening (issue 10.9).

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fresh(options: Parameters<typeof setUpCore>[0] = {}) {
  const env = await setUpCore(options);
  cleanups.push(env.cleanup);
  return env;
}

describe('logins with usernames that are names of object members', () => {
  it('answers `constructor`, `__proto__`, `toString` and `hasOwnProperty` as a wrong login, not a damaged key slot', async () => {
    const { core } = await fresh();
    for (const username of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await errorCode(core.invoke('auth.login', { username, password: 'whatever it is' }))).toBe('wrong-credentials');
    }
  }, 60_000);
});

describe('audit filter text is matched literally', () => {
  it('a `%` or `_` record filter matches nothing, while a real id still matches', async () => {
    const { core } = await fresh();
    await loginAdmin(core);
    const { id } = await core.invoke('partners.create', { name: 'Oak Tree Pre-school', kind: 'setting' });
    expect((await core.invoke('audit.list', { recordId: '%' })).entries).toEqual([]);
    expect((await core.invoke('audit.list', { recordId: '_%' })).entries).toEqual([]);
    const found = await core.invoke('audit.list', { recordId: id });
    expect(found.entries.map((e) => e.channel)).toContain('partners.create');
    expect((await core.invoke('audit.list', { recordId: `partner:${id}` })).entries.length).toBe(found.entries.length);
  });
});

describe('who may correct a diary entry (issue 10.8)', () => {
  it('the author, the office, the DSL and managers may; another practitioner may not, and nothing is written', async () => {
    const { core } = await fresh({ now: () => new Date('2026-11-25T10:00:00Z') });
    await loginAdmin(core);
    const { id: childId } = await core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2023-03-14', room: 'Rainbow' });
    await addUserAndLogin(core, 'pat', ['practitioner']);
    const patEntry = (await core.invoke('diary.add', { childId, day: '2026-11-25', category: 'food', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'Ate all her lunch.' })).id;
    await addUserAndLogin(core, 'sam', ['practitioner']);
    const before = await core.invoke('diary.entry', { entryId: patEntry });
    expect(before.entry.createdById).not.toBe((await core.invoke('auth.session')).session!.userId);
    const refused = core.invoke('diary.amend', { entryId: patEntry, text: 'Ate half her lunch.', reason: 'Misread' });
    await expect(refused).rejects.toMatchObject({ code: 'forbidden', message: expect.stringContaining('the office, the DSL or a manager') });
    expect((await core.invoke('diary.entry', { entryId: patEntry })).revisions).toHaveLength(1);

    await core.invoke('auth.login', { username: 'pat', password: 'a new password 22' });
    await core.invoke('diary.amend', { entryId: patEntry, text: 'Ate most of her lunch.', reason: 'Corrected by me' });
    for (const [username, roles] of [['olly', ['office']], ['dina', ['dsl']], ['mina', ['manager']]] as const) {
      await addUserAndLogin(core, username, [...roles]);
      await core.invoke('diary.amend', { entryId: patEntry, text: `Checked by ${username}.`, reason: 'Checked' });
    }
    const after = await core.invoke('diary.entry', { entryId: patEntry });
    expect(after.revisions.map((r) => r.reason)).toEqual([null, 'Corrected by me', 'Checked', 'Checked', 'Checked']);
  }, 120_000);
});

describe('diary text that reads like a safeguarding concern (issue 10.8)', () => {
  it('is recognised (disclosures, unexplained marks), and everyday entries are not', () => {
    for (const text of [
      'Noticed a bruise on her upper arm when changing.',
      'Said “Daddy hit me” while playing in the home corner.',
      'Unexplained marks on his back.',
      'Finger marks on her wrist.',
      'He said it is our secret and he is not allowed to tell.',
      'She said she is scared to go home tonight.',
      'Mum’s boyfriend hurt me, he said.',
    ]) {
      expect(concernSign(text), text).not.toBeNull();
    }
    for (const text of ['Ate all her lunch.', 'Slept 1h after lunch.', 'Tripped in the garden and grazed her knee; cold compress, mum told.', 'Read The Secret Garden.', 'Painted a rainbow for mummy.']) {
      expect(concernSign(text), text).toBeNull();
    }
  });
});
