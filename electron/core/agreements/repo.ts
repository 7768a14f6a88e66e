import {
  AGREEMENT_CONSENT_SCOPES,
  type Agreement,
  type ChildPart,
  type SettingPart,
  type SharingPart,
  type Signer,
  type SignerRow,
} from '../../../shared/contract/agreements';
import { HEALTH_KIND_LABELS, SEVERITY_LABELS, type ChildFile } from '../../../shared/contract/children';
import { describeDays } from '../../../shared/domain/weekdays';
import { childDisplayName } from '../../../shared/domain/names';
import type { Db } from '../db/connection';
import { all, fromJson, get, newId, run, toJson } from '../db/sql';
import { checkConsent } from '../consent/check';
import { currentArrangements } from '../concerns/repo';
import { findPartner } from '../partners/repo';
import { readProfile } from '../setting/repo';

// The agreement's rows and how a version is read: a draft is filled in from the records as they are
// today, a signed version from what was frozen with its last signature.

export interface AgreementRow {
  id: string;
  child_id: string;
  version: number;
  settings_json: string;
  child_json: string;
  sharing_json: string;
  review_on: string | null;
  records_json: string | null;
  signers_json: string | null;
  signed_at: string | null;
  created_at: string;
  created_by_name: string | null;
  updated_at: string;
  updated_by_name: string | null;
}

const SELECT = `SELECT a.*, cu.full_name AS created_by_name, uu.full_name AS updated_by_name
  FROM agreements a LEFT JOIN users cu ON cu.id = a.created_by LEFT JOIN users uu ON uu.id = a.updated_by`;

export function latestRow(db: Db, childId: string): AgreementRow | undefined {
  return get<AgreementRow>(db, `${SELECT} WHERE a.child_id = $childId ORDER BY a.version DESC LIMIT 1`, { childId });
}

export function versionRow(db: Db, childId: string, version: number): AgreementRow | undefined {
  return get<AgreementRow>(db, `${SELECT} WHERE a.child_id = $childId AND a.version = $version`, { childId, version });
}

export function listVersions(db: Db, childId: string) {
  return all<AgreementRow>(db, `${SELECT} WHERE a.child_id = $childId ORDER BY a.version DESC`, { childId }).map((r) => ({
    version: r.version,
    status: r.signed_at ? ('signed' as const) : ('draft' as const),
    createdAt: r.created_at,
    signedAt: r.signed_at,
    reviewOn: r.review_on,
  }));
}

export function signatureCount(db: Db, agreementId: string): number {
  return get<{ n: number }>(db, 'SELECT count(*) AS n FROM agreement_signatures WHERE agreement_id = $id', { id: agreementId })?.n ?? 0;
}

export function insertVersion(
  db: Db,
  childId: string,
  version: number,
  parts: { settings: SettingPart[]; child: Partial<ChildPart>; sharing: Partial<SharingPart> },
  userId: string,
  at: string,
): string {
  const id = newId();
  run(
    db,
    `INSERT INTO agreements (id, child_id, version, settings_json, child_json, sharing_json, review_on, created_at, created_by, updated_at, updated_by)
     VALUES ($id, $childId, $version, $settings, $child, $sharing, $reviewOn, $at, $userId, $at, $userId)`,
    { id, childId, version, settings: toJson(parts.settings), child: toJson(parts.child), sharing: toJson(parts.sharing), reviewOn: parts.sharing.reviewOn || null, at, userId },
  );
  return id;
}

export function updateParts(db: Db, id: string, parts: { settings: SettingPart[]; child: Partial<ChildPart>; sharing: Partial<SharingPart> }, userId: string, at: string): void {
  run(db, 'UPDATE agreements SET settings_json = $settings, child_json = $child, sharing_json = $sharing, review_on = $reviewOn, updated_at = $at, updated_by = $userId WHERE id = $id', {
    id,
    settings: toJson(parts.settings),
    child: toJson(parts.child),
    sharing: toJson(parts.sharing),
    reviewOn: parts.sharing.reviewOn || null,
    at,
    userId,
  });
}

export function partsOf(row: AgreementRow | undefined): { settings: SettingPart[]; child: Partial<ChildPart>; sharing: Partial<SharingPart> } {
  return {
    settings: fromJson<SettingPart[]>(row?.settings_json, []),
    child: fromJson<Partial<ChildPart>>(row?.child_json, {}),
    sharing: fromJson<Partial<SharingPart>>(row?.sharing_json, {}),
  };
}

// ---------------------------------------------------------------------------------------
// Filling in a draft from the records
// ---------------------------------------------------------------------------------------

const blank = (v: string | null | undefined) => v ?? '';

/** The settings the child attends: ours first, then each partner in current shared care. */
export function prefilledSettings(db: Db, file: ChildFile, settingName: string): (SettingPart & { name: string; ours: boolean })[] {
  const profile = readProfile(db, settingName);
  const arrangements = new Map(currentArrangements(db).map((a) => [a.partnerId, a]));
  const ours = {
    partnerId: null,
    name: profile.name,
    ours: true,
    address: blank(profile.address),
    openingHours: blank(profile.openingHours),
    childDays: file.child.attendance.length ? describeDays(file.child.attendance) : '',
    keyPersonName: blank(file.child.keyPersonName),
    keyPersonContact: blank(profile.phone ?? profile.email),
    dslName: blank(profile.dslName),
    dslContact: blank(profile.phone),
    preferredContact: '',
    concernsAgreement: '',
    completedBy: '',
    completedOn: '',
  };
  const partners = file.sharedCare
    .filter((s) => s.current)
    .map((s) => {
      const p = findPartner(db, s.partnerId);
      const a = arrangements.get(s.partnerId);
      const dsl = p?.contacts.find((c) => /safeguard|dsl/i.test(`${c.role ?? ''}`));
      return {
        partnerId: s.partnerId,
        name: s.partnerName,
        ours: false,
        address: blank(p?.address),
        openingHours: '',
        childDays: describeDays(s.days),
        keyPersonName: blank(s.keyPersonName),
        keyPersonContact: blank(s.keyPersonContact ?? s.partnerPhone),
        dslName: blank(dsl?.name),
        dslContact: blank(dsl?.phone ?? dsl?.email ?? p?.phone),
        preferredContact: p?.email ? `Email ${p.email}` : '',
        concernsAgreement: a ? `We tell ${a.whom}, ${a.how}, ${a.howFast}.` : '',
        completedBy: '',
        completedOn: '',
      };
    });
  return [ours, ...partners];
}

/** Stored parts win over what the records suggest; a setting no longer attended stays only if it was saved. */
export function mergedSettings(prefill: ReturnType<typeof prefilledSettings>, stored: SettingPart[]): Agreement['settings'] {
  const byPartner = new Map(stored.map((s) => [s.partnerId ?? 'here', s]));
  return prefill.map((p) => {
    const saved = byPartner.get(p.partnerId ?? 'here');
    return saved ? { ...p, ...saved, name: p.name, ours: p.ours } : p;
  });
}

export function liveRecords(file: ChildFile): Agreement['records'] {
  return {
    health: file.health
      .filter((h) => !h.ended)
      .map((h) => ({
        kind: HEALTH_KIND_LABELS[h.kind],
        name: h.name,
        detail: [h.severity ? SEVERITY_LABELS[h.severity] : null, h.dose, h.timing].filter(Boolean).join(', ') || null,
        managedBy: h.arrangements.map((a) => `${a.settingName}: ${a.who}`),
        parentsDo: h.parentsDo,
      })),
    transfers: file.sharedCare.filter((s) => s.current).map((s) => ({ partnerName: s.partnerName, who: s.transferWho, when: s.transferWhen, handover: s.handover })),
    contacts: file.contacts.map((c) => ({ name: c.name, relationship: c.relationship, phone: c.phone, lastVerifiedOn: c.lastVerifiedOn, needsCheck: c.needsCheck })),
  };
}

export const signerKey = (s: Signer) => (s.kind === 'parent' ? `parent:${s.carerId}` : `key-person:${s.partnerId ?? 'here'}`);

type SignerBase = Omit<SignerRow, 'signature'>;

/** Who signs a draft: each parent with parental responsibility today, and each setting's key person. */
export function liveSigners(file: ChildFile, settings: Agreement['settings']): SignerBase[] {
  const parents: SignerBase[] = file.carers
    .filter((c) => c.parentalResponsibility)
    .map((c) => ({ signer: { kind: 'parent', carerId: c.id }, role: 'parent', name: c.fullName, describe: c.relationship }));
  const keyPersons: SignerBase[] = settings.map((s) => ({
    signer: { kind: 'key-person', partnerId: s.partnerId },
    role: 'key-person',
    name: s.keyPersonName?.trim() || `The key person at ${s.name}`,
    describe: `Key person, ${s.name}`,
  }));
  return [...parents, ...keyPersons];
}

interface SignatureRow {
  signer_key: string;
  method: 'drawn' | 'typed' | 'paper';
  image: string | null;
  typed_name: string | null;
  signed_on: string;
  recorded_at: string;
  recorded_by_name: string | null;
}

export function signaturesOf(db: Db, agreementId: string): Map<string, SignerRow['signature']> {
  const rows = all<SignatureRow>(
    db,
    `SELECT s.*, u.full_name AS recorded_by_name FROM agreement_signatures s LEFT JOIN users u ON u.id = s.recorded_by WHERE s.agreement_id = $id`,
    { id: agreementId },
  );
  return new Map(
    rows.map((r) => [
      r.signer_key,
      { method: r.method, image: r.image, typedName: r.typed_name, signedOn: r.signed_on, recordedAt: r.recorded_at, recordedByName: r.recorded_by_name },
    ]),
  );
}

export function insertSignature(
  db: Db,
  agreementId: string,
  key: string,
  sig: { method: 'drawn' | 'typed' | 'paper'; image: string | null; typedName: string | null; signedOn: string },
  userId: string,
  at: string,
): void {
  run(
    db,
    `INSERT INTO agreement_signatures (id, agreement_id, signer_key, method, image, typed_name, signed_on, recorded_at, recorded_by)
     VALUES ($id, $agreementId, $key, $method, $image, $typedName, $signedOn, $at, $userId)`,
    { id: newId(), agreementId, key, method: sig.method, image: sig.image, typedName: sig.typedName, signedOn: sig.signedOn, at, userId },
  );
}

/** The last signature freezes the version with the settings, records and signers it was signed on. */
export function freeze(
  db: Db,
  id: string,
  frozen: { settings: Agreement['settings']; child: Agreement['child']; records: Agreement['records']; signers: SignerBase[] },
  at: string,
): void {
  run(db, 'UPDATE agreements SET settings_json = $settings, child_json = $child, records_json = $records, signers_json = $signers, signed_at = $at WHERE id = $id', {
    id,
    settings: toJson(frozen.settings),
    child: toJson(frozen.child),
    records: toJson(frozen.records),
    signers: toJson(frozen.signers),
    at,
  });
}

/** The consents the agreement relies on, as the register answers today. */
export function consentsToday(db: Db, childId: string, partners: { partnerId: string; name: string }[], today: string): Agreement['consents'] {
  return partners.flatMap((p) =>
    AGREEMENT_CONSENT_SCOPES.map((scope) => {
      const a = checkConsent(db, { childId, scope, recipientId: p.partnerId, on: today });
      return { partnerId: p.partnerId, partnerName: p.name, scope, valid: a.valid, message: a.message, consentId: a.consentId ?? null };
    }),
  );
}

/** Children in shared care today (current, with a current arrangement), by name. */
export function childrenInSharedCare(db: Db, today: string): { id: string; name: string }[] {
  return all<{ id: string; legal_name: string; preferred_name: string | null }>(
    db,
    `SELECT DISTINCT c.id, c.legal_name, c.preferred_name FROM children c JOIN shared_care sc ON sc.child_id = c.id
     WHERE c.status = 'current' AND (sc.starts_on IS NULL OR sc.starts_on <= $today) AND (sc.ends_on IS NULL OR sc.ends_on >= $today)
     ORDER BY c.legal_name`,
    { today },
  ).map((c) => ({ id: c.id, name: childDisplayName({ legalName: c.legal_name, preferredName: c.preferred_name }) }));
}
