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

describe('diary search (issue 11.5)', () => {
  const NOW = new Date('2026-11-25T10:00:00Z');
  async function diaryWith(entries: { day: string; category: 'food' | 'accident' | 'health' | 'other'; text: string }[]) {
    const { core } = await fresh({ now: () => NOW });
    await loginAdmin(core);
    const { id: childId } = await core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2023-03-14', room: 'Rainbow' });
    for (const e of entries) await core.invoke('diary.add', { childId, from: { kind: 'staff' }, to: { kind: 'carer' }, ...e });
    return { core, childId };
  }

  it('finds any text: an emoji, a double quote, a star, a percent sign, taken literally', async () => {
    const { core } = await diaryWith([
      { day: '2026-11-20', category: 'health', text: 'Felt poorly 🤒 after lunch.' },
      { day: '2026-11-21', category: 'other', text: 'Said "bye bye" to the fish.' },
      { day: '2026-11-22', category: 'other', text: 'Got a gold star * on the chart; 100% effort.' },
      { day: '2026-11-23', category: 'food', text: 'Ate all her lunch.' },
    ]);
    const found = async (query: string) => (await core.invoke('diary.search', { query })).hits.map((h) => h.day);
    expect(await found('🤒')).toEqual(['2026-11-20']);
    expect(await found('"')).toEqual(['2026-11-21']);
    expect(await found('*')).toEqual(['2026-11-22']);
    expect(await found('%')).toEqual(['2026-11-22']);
    expect(await found('_')).toEqual([]);
    const hit = (await core.invoke('diary.search', { query: '🤒' })).hits[0];
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['🤒']);
    // Words still go through the index, with the last one as a prefix.
    expect(await found('lunc')).toEqual(expect.arrayContaining(['2026-11-20', '2026-11-23']));
  });

  it('filters alone list entries, newest day first: every accident this month', async () => {
    const { core, childId } = await diaryWith([
      { day: '2026-10-30', category: 'accident', text: 'Bumped head on the slide in October.' },
      { day: '2026-11-03', category: 'accident', text: 'Tripped in the garden, grazed knee.' },
      { day: '2026-11-18', category: 'accident', text: 'Pinched finger in a drawer.' },
      { day: '2026-11-19', category: 'food', text: 'Ate all her lunch.' },
    ]);
    const month = await core.invoke('diary.search', { category: 'accident', from: '2026-11-01', to: '2026-11-30' });
    expect(month.hits.map((h) => [h.day, h.category, h.childId])).toEqual([
      ['2026-11-18', 'accident', childId],
      ['2026-11-03', 'accident', childId],
    ]);
    expect(month.hits[0].snippet).toEqual([{ text: 'Pinched finger in a drawer.', hit: false }]);
    expect((await core.invoke('diary.search', { childId })).hits).toHaveLength(4);
  });

  it('dates the wrong way round are answered by the "To" field, not with "Nothing found"', async () => {
    const { core } = await diaryWith([{ day: '2026-11-18', category: 'accident', text: 'Pinched finger in a drawer.' }]);
    await expect(core.invoke('diary.search', { query: 'finger', from: '2026-11-30', to: '2026-11-01' })).rejects.toMatchObject({
      code: 'invalid-input',
      issues: [{ path: ['to'], message: expect.stringContaining('before the “From” date') }],
    });
    await expect(core.invoke('diary.search', { query: 'finger', from: '2026-11-31' })).rejects.toMatchObject({
      issues: [{ path: ['from'], message: expect.stringContaining('real date') }],
    });
  });
});

describe('dates that cannot be right are refused by the field, and nothing is written (issues 10.9, 11.8)', () => {
  const NOW = new Date('2026-11-25T10:00:00Z'); // Wednesday 25 November 2026 in London
  const refusedAt = async (call: Promise<unknown>, field: string, words: string) =>
    expect(call).rejects.toMatchObject({ code: 'invalid-input', issues: [{ path: [field], message: expect.stringContaining(words) }] });

  it('dates of birth in year 0000, before 1990 or in the future; start dates decades away', async () => {
    const { core } = await fresh({ now: () => NOW });
    await loginAdmin(core);
    const child = (dateOfBirth: string, extra = {}) => core.invoke('children.create', { legalName: 'Zoë O’Brien', dateOfBirth, ...extra });
    await refusedAt(child('0000-01-01'), 'dateOfBirth', 'Check the year');
    await refusedAt(child('1900-06-01'), 'dateOfBirth', 'Check the year');
    await refusedAt(child('1989-12-31'), 'dateOfBirth', 'Check the year');
    await refusedAt(child('2026-11-26'), 'dateOfBirth', 'cannot be in the future');
    await refusedAt(child('2024-01-01', { startDate: '2062-09-01' }), 'startDate', 'more than two years away');
    expect((await core.invoke('children.list', { status: 'all' })).children).toEqual([]);
    const { id } = await child('2024-01-01', { startDate: '2027-09-01' });
    await refusedAt(core.invoke('children.update', { childId: id, dateOfBirth: '0000-01-01' }), 'dateOfBirth', 'Check the year');
    expect((await core.invoke('children.get', { childId: id })).child.dateOfBirth).toBe('2024-01-01');
  });

  it('a diary entry dated in the future', async () => {
    const { core } = await fresh({ now: () => NOW });
    await loginAdmin(core);
    const { id: childId } = await core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2023-03-14' });
    const add = (day: string) => core.invoke('diary.add', { childId, day, category: 'food', from: { kind: 'staff' }, to: { kind: 'carer' }, text: 'Ate all her lunch.' });
    await refusedAt(add('2026-12-02'), 'day', 'in the future');
    await refusedAt(add('0000-11-25'), 'day', 'Check the year');
    expect((await core.invoke('diary.search', { childId })).hits).toEqual([]);
    await add('2026-11-25');
  });

  it('a partner’s secure address "verified on" a future date; a social care partner as a shared-care setting; a shared-care date decades away', async () => {
    const { core } = await fresh({ now: () => NOW });
    await loginAdmin(core);
    await refusedAt(
      core.invoke('partners.create', { name: 'Oak Tree Pre-school', kind: 'setting', secureEmail: 'office@oaktree.example.org', secureVerifiedNote: 'Rang them', secureVerifiedOn: '2026-12-01' }),
      'secureVerifiedOn',
      'in the future',
    );
    expect((await core.invoke('partners.list', {})).partners).toEqual([]);
    const { id: oak } = await core.invoke('partners.create', { name: 'Oak Tree Pre-school', kind: 'setting' });
    await refusedAt(core.invoke('partners.update', { partnerId: oak, secureVerifiedOn: '2027-01-01' }), 'secureVerifiedOn', 'in the future');
    const { id: social } = await core.invoke('partners.create', { name: 'Children’s Services', kind: 'social-care' });
    const { id: childId } = await core.invoke('children.create', { legalName: 'Amelia Jones', dateOfBirth: '2023-03-14' });
    const days = [{ day: 'wed' as const, session: 'all-day' as const }];
    await refusedAt(core.invoke('children.addSharedCare', { childId, partnerId: social, days }), 'partnerId', 'not somewhere a child attends');
    await refusedAt(core.invoke('children.addSharedCare', { childId, partnerId: oak, days, startsOn: '2060-01-01' }), 'startsOn', 'more than two years away');
    expect((await core.invoke('children.get', { childId })).sharedCare).toEqual([]);
    await core.invoke('children.addSharedCare', { childId, partnerId: oak, days, startsOn: '2026-09-01' });
  });
});

describe('open diary follow-ups for Home (issue 11.18)', () => {
  it('lists entries still needing follow-up, oldest first, until someone closes them; audited against the child', async () => {
    const { core } = await fresh({ now: () => new Date('2026-11-25T10:00:00Z') });
    await loginAdmin(core);
    const { id: childId } = await core.invoke('children.create', { legalName: 'Amelia Jones', preferredName: 'Millie', dateOfBirth: '2023-03-14' });
    const add = (day: string, text: string, needsFollowUp: boolean) =>
      core.invoke('diary.add', { childId, day, category: 'health', from: { kind: 'staff' }, to: { kind: 'carer' }, text, needsFollowUp });
    const later = (await add('2026-11-24', 'Mum asks for a copy of the allergy plan for Jo.', true)).id;
    await add('2026-11-24', 'Ate all her lunch.', false);
    const older = (await add('2026-11-20', 'Temperature 38.2 at 2pm; Mum collected early. Ring on Monday to check she is well and eating again.', true)).id;
    const open = await core.invoke('diary.openFollowUps');
    expect(open.total).toBe(2);
    expect(open.followUps.map((f) => [f.entryId, f.childName, f.day, f.weekStart])).toEqual([
      [older, 'Millie (Amelia Jones)', '2026-11-20', '2026-11-16'],
      [later, 'Millie (Amelia Jones)', '2026-11-24', '2026-11-23'],
    ]);
    expect(open.followUps[0].excerpt.endsWith('…')).toBe(true);
    await core.invoke('diary.closeFollowUp', { entryId: older, note: 'Rang Mum: she is well.' });
    expect((await core.invoke('diary.openFollowUps')).followUps.map((f) => f.entryId)).toEqual([later]);
    const audit = await core.invoke('audit.list', { childId });
    expect(audit.entries.filter((e) => e.channel === 'diary.openFollowUps')).toHaveLength(2);
  });
});
