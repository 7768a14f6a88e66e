import type { Agreement, agreementsChannels, SettingPart } from '../../../shared/contract/agreements';
import { TwoWayError } from '../../../shared/contract/errors';
import type { OutputOf } from '../../../shared/contract/index';
import { fieldError } from '../../../shared/contract/fields';
import { londonDay } from '../../../shared/domain/dates';
import { pastDayProblem, plannedDayProblem } from '../../../shared/domain/day-rules';
import { childDisplayName } from '../../../shared/domain/names';
import { readChildFile } from '../children/repo';
import type { CallContext, HandlersFor } from '../context';
import { fromJson } from '../db/sql';
import { readSettings } from '../settings/repo';
import {
  childrenInSharedCare,
  consentsToday,
  freeze,
  insertSignature,
  insertVersion,
  latestRow,
  listVersions,
  liveRecords,
  liveSigners,
  mergedSettings,
  partsOf,
  prefilledSettings,
  signatureCount,
  signaturesOf,
  signerKey,
  updateParts,
  versionRow,
  type AgreementRow,
} from './repo';
import { checkDrawnSignature } from './signature';

const todayOf = (ctx: CallContext) => londonDay(ctx.now());

function fileOf(ctx: CallContext, childId: string) {
  const settings = readSettings(ctx.db(), ctx.state.vault.settingName() ?? '');
  return { file: readChildFile(ctx.db(), childId, todayOf(ctx), settings.contactCheckMonths, settings.settingName), settingName: settings.settingName };
}

/** A version as read: a draft from today's records, a signed one as it was frozen. Consents are always today's. */
function readAgreement(ctx: CallContext, childId: string, row: AgreementRow | undefined): Agreement {
  const db = ctx.db();
  const today = todayOf(ctx);
  const { file, settingName } = fileOf(ctx, childId);
  const parts = partsOf(row);
  const signed = !!row?.signed_at;
  const settings = signed ? (parts.settings as Agreement['settings']) : mergedSettings(prefilledSettings(db, file, settingName), parts.settings);
  const records = signed ? fromJson<Agreement['records']>(row!.records_json, liveRecords(file)) : liveRecords(file);
  const base = signed ? fromJson<ReturnType<typeof liveSigners>>(row!.signers_json, []) : liveSigners(file, settings);
  const signatures = row ? signaturesOf(db, row.id) : new Map();
  const partners = settings.filter((s) => s.partnerId).map((s) => ({ partnerId: s.partnerId!, name: s.name }));
  const reviewOn = parts.sharing.reviewOn || null;
  const problems: string[] = [];
  if (!signed) {
    if (!file.carers.some((c) => c.parentalResponsibility)) problems.push('No parent or carer with parental responsibility is recorded: add them under Parents and carers, so they can sign.');
    if (partners.length === 0) problems.push('The child does not attend another setting at the moment: the agreement is for children in shared care (add the setting under Shared care).');
  }
  ctx.touch(`child:${childId}`, ...(row ? [`agreement:${row.id}`] : []));
  return {
    id: row?.id ?? null,
    childId,
    childName: childDisplayName(file.child),
    dateOfBirth: file.child.dateOfBirth,
    version: row?.version ?? 1,
    status: signed ? 'signed' : 'draft',
    saved: !!row,
    inSharedCare: file.sharedCare.some((s) => s.current),
    settings,
    child: { ...parts.child, languages: parts.child.languages ?? file.child.homeLanguages.join(', ') },
    sharing: { channels: [], passOn: [], ...parts.sharing },
    records,
    consents: consentsToday(db, childId, partners, today),
    signers: base.map((s) => ({ ...s, signature: signatures.get(signerKey(s.signer)) ?? null })),
    createdAt: row?.created_at ?? null,
    createdByName: row?.created_by_name ?? null,
    updatedAt: row?.updated_at ?? null,
    updatedByName: row?.updated_by_name ?? null,
    signedAt: row?.signed_at ?? null,
    reviewDue: signed && !!reviewOn && reviewOn < today,
    problems,
  };
}

function checkCompleted(day: string | null | undefined, today: string, field: string) {
  const problem = day ? pastDayProblem(day, today, 'That date') : null;
  if (problem) throw fieldError(field, problem);
}

export const agreementsHandlers: HandlersFor<typeof agreementsChannels> = {
  'agreements.get': (input, ctx) => {
    const db = ctx.db();
    const row = input.version ? versionRow(db, input.childId, input.version) : latestRow(db, input.childId);
    if (input.version && !row) throw new TwoWayError('not-found', `There is no version ${input.version} of this child’s agreement.`);
    return readAgreement(ctx, input.childId, row);
  },

  'agreements.versions': (input, ctx) => {
    fileOf(ctx, input.childId); // not-found for a child that does not exist
    return { versions: listVersions(ctx.db(), input.childId) };
  },

  'agreements.update': (input, ctx) => {
    const db = ctx.db();
    const today = todayOf(ctx);
    const { file } = fileOf(ctx, input.childId);
    const attends = new Set(file.sharedCare.filter((s) => s.current).map((s) => s.partnerId));
    (input.settings ?? []).forEach((s, i) => {
      if (s.partnerId && !attends.has(s.partnerId)) throw fieldError(`settings.${i}.partnerId`, 'The child does not attend that setting: add it under Shared care first.');
      checkCompleted(s.completedOn, today, `settings.${i}.completedOn`);
    });
    checkCompleted(input.child?.completedOn, today, 'child.completedOn');
    checkCompleted(input.sharing?.completedOn, today, 'sharing.completedOn');
    const review = input.sharing?.reviewOn ? plannedDayProblem(input.sharing.reviewOn, today) : null;
    if (review) throw fieldError('sharing.reviewOn', review);
    // A review is of what was agreed: it cannot come before the agreement was completed.
    if (input.sharing?.reviewOn && input.sharing.completedOn && input.sharing.reviewOn <= input.sharing.completedOn) {
      throw fieldError('sharing.reviewOn', 'The review date must be after the day this was completed.');
    }

    const current = latestRow(db, input.childId);
    const parts = partsOf(current);
    const replaced = new Map<string, SettingPart>(parts.settings.map((s) => [s.partnerId ?? 'here', s]));
    for (const s of input.settings ?? []) replaced.set(s.partnerId ?? 'here', s);
    const next = {
      settings: [...replaced.values()],
      child: input.child ?? parts.child,
      sharing: input.sharing ?? parts.sharing,
    };
    // A signed version is never changed, and a signature is given to what was on the page: a change
    // to a version anyone has signed becomes a new draft, signed again by everyone.
    if (!current || current.signed_at || signatureCount(db, current.id) > 0) {
      const version = (current?.version ?? 0) + 1;
      const id = insertVersion(db, input.childId, version, next, ctx.user.userId, ctx.nowIso());
      ctx.touch(`agreement:${id}`);
      return { version, status: 'draft' as const, newVersion: !!current };
    }
    updateParts(db, current.id, next, ctx.user.userId, ctx.nowIso());
    ctx.touch(`agreement:${current.id}`);
    return { version: current.version, status: 'draft' as const, newVersion: false };
  },

  'agreements.sign': (input, ctx) => {
    const db = ctx.db();
    const today = todayOf(ctx);
    const { file } = fileOf(ctx, input.childId);
    let row = latestRow(db, input.childId);
    if (!row && input.version === 1) {
      // Signing the draft filled in from the records: it is saved as version 1 first.
      insertVersion(db, input.childId, 1, { settings: [], child: {}, sharing: {} }, ctx.user.userId, ctx.nowIso());
      row = latestRow(db, input.childId)!;
    }
    if (!row || row.version !== input.version) {
      throw new TwoWayError('conflict', `This is not the current version of the agreement${row ? ` (version ${row.version} is)` : ''}. Open the agreement again and sign the current version.`);
    }
    if (row.signed_at) throw new TwoWayError('conflict', `Version ${row.version} is already signed by everyone. A change makes a new version, which everyone signs again.`);
    const agreement = readAgreement(ctx, input.childId, row);
    if (agreement.problems.length) throw new TwoWayError('conflict', `This agreement cannot be signed yet. ${agreement.problems.join(' ')}`);
    const key = signerKey(input.signer);
    const who = agreement.signers.find((s) => signerKey(s.signer) === key);
    if (!who) throw fieldError('signer', 'They are not one of the people who sign this agreement: each parent with parental responsibility and each setting’s key person.');
    if (who.signature) throw fieldError('signer', `${who.name} has already signed version ${row.version}.`);

    const sig = input.signature;
    const signedOn = sig.method === 'drawn' ? today : sig.signedOn;
    const problem = pastDayProblem(signedOn, today, 'The date signed');
    if (problem) throw fieldError('signature.signedOn', problem);
    insertSignature(
      db,
      row.id,
      key,
      {
        method: sig.method,
        image: sig.method === 'drawn' ? checkDrawnSignature(sig.image) : null,
        typedName: sig.method === 'typed' ? sig.typedName : null,
        signedOn,
      },
      ctx.user.userId,
      ctx.nowIso(),
    );
    if (input.signer.kind === 'parent') ctx.touch(`carer:${input.signer.carerId}`);
    const unsigned = agreement.signers.filter((s) => !s.signature && signerKey(s.signer) !== key);
    if (unsigned.length > 0) return { status: 'draft' as const, version: row.version };
    freeze(db, row.id, { settings: agreement.settings, child: agreement.child, records: liveRecords(file), signers: agreement.signers.map(({ signature: _s, ...s }) => s) }, ctx.nowIso());
    return { status: 'signed' as const, version: row.version };
  },

  'agreements.attention': (_input, ctx) => {
    const db = ctx.db();
    const today = todayOf(ctx);
    const children = childrenInSharedCare(db, today).flatMap((c): OutputOf<'agreements.attention'>['children'] => {
      const row = latestRow(db, c.id);
      const base = { childId: c.id, childName: c.name, version: row?.version ?? null, reviewOn: row?.review_on ?? null };
      if (!row) return [{ ...base, why: 'missing' }];
      if (!row.signed_at) return [{ ...base, why: 'unsigned' }];
      if (row.review_on && row.review_on < today) return [{ ...base, why: 'review-due' }];
      return [];
    });
    return { children };
  },
};
