import { blankToNull, fieldError } from '../../../shared/contract/fields';
import type { Partner, PartnerKind, partnerCreateSchema, partnerUpdateSchema } from '../../../shared/contract/partners';
import { TwoWayError } from '../../../shared/contract/errors';
import { londonDay } from '../../../shared/domain/dates';
import { pastDayProblem } from '../../../shared/domain/day-rules';
import type { z } from 'zod';
import type { Db } from '../db/connection';
import { all, bool, fromJson, get, newId, run, toJson } from '../db/sql';

interface PartnerRow {
  id: string;
  name: string;
  kind: PartnerKind;
  address: string | null;
  phone: string | null;
  email: string | null;
  secure_email: string | null;
  portal: string | null;
  secure_verified_note: string | null;
  secure_verified_on: string | null;
  contacts: string;
  notes: string | null;
  active: number;
  updated_at: string;
  updated_by_name: string | null;
  children_count: number;
}

const SELECT = `
  SELECT p.*, u.full_name AS updated_by_name,
    (SELECT count(DISTINCT sc.child_id) FROM shared_care sc JOIN children c ON c.id = sc.child_id
      WHERE sc.partner_id = p.id AND c.status = 'current' AND (sc.ends_on IS NULL OR sc.ends_on >= $today)) AS children_count
  FROM partners p LEFT JOIN users u ON u.id = p.updated_by`;

function toPartner(r: PartnerRow): Partner {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    address: r.address,
    phone: r.phone,
    email: r.email,
    secureEmail: r.secure_email,
    portal: r.portal,
    secureVerifiedNote: r.secure_verified_note,
    secureVerifiedOn: r.secure_verified_on,
    contacts: fromJson<Partner['contacts']>(r.contacts, []),
    notes: r.notes,
    active: bool(r.active),
    childrenCount: r.children_count ?? 0,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  };
}

export function listPartners(db: Db, today: string, filter: { kind?: PartnerKind; includeInactive?: boolean } = {}): Partner[] {
  const where: string[] = [];
  const params: Record<string, string> = { today };
  if (filter.kind) {
    where.push('p.kind = $kind');
    params.kind = filter.kind;
  }
  if (!filter.includeInactive) where.push('p.active = 1');
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY p.name COLLATE NOCASE`;
  return all<PartnerRow>(db, sql, params).map(toPartner);
}

export function findPartner(db: Db, id: string, today = londonDay()): Partner | undefined {
  const row = get<PartnerRow>(db, `${SELECT} WHERE p.id = $id`, { id, today });
  return row && toPartner(row);
}

export function requirePartner(db: Db, id: string, field?: string): Partner {
  const partner = findPartner(db, id);
  if (!partner) {
    if (field) throw new TwoWayError('invalid-input', 'That partner is not in the directory.', { issues: [{ path: [field], message: 'Choose a partner from the directory.' }] });
    throw new TwoWayError('not-found', 'That partner is not in the directory.');
  }
  return partner;
}

type ContactsIn = z.output<typeof partnerCreateSchema>['contacts'];
const cleanContacts = (contacts: ContactsIn) =>
  toJson((contacts ?? []).map((c) => ({ name: c.name, role: blankToNull(c.role), phone: blankToNull(c.phone), email: blankToNull(c.email) })));

/** A secure address is verified on a day that has come: a future date would show as checked when it is not. */
function checkVerifiedOn(day: string | null | undefined, at: string) {
  const problem = day ? pastDayProblem(day, londonDay(new Date(at)), 'This date') : null;
  if (problem) throw fieldError('secureVerifiedOn', problem);
}

export function insertPartner(db: Db, p: z.output<typeof partnerCreateSchema>, userId: string, at: string): string {
  checkVerifiedOn(p.secureVerifiedOn, at);
  const id = newId();
  run(
    db,
    `INSERT INTO partners (id, name, kind, address, phone, email, secure_email, portal, secure_verified_note, secure_verified_on, contacts, notes,
       active, created_at, created_by, updated_at, updated_by)
     VALUES ($id, $name, $kind, $address, $phone, $email, $secureEmail, $portal, $note, $verifiedOn, $contacts, $notes, 1, $at, $by, $at, $by)`,
    {
      id,
      name: p.name,
      kind: p.kind,
      address: blankToNull(p.address),
      phone: blankToNull(p.phone),
      email: blankToNull(p.email),
      secureEmail: blankToNull(p.secureEmail),
      portal: blankToNull(p.portal),
      note: blankToNull(p.secureVerifiedNote),
      verifiedOn: blankToNull(p.secureVerifiedOn),
      contacts: cleanContacts(p.contacts),
      notes: blankToNull(p.notes),
      at,
      by: userId,
    },
  );
  return id;
}

export function updatePartner(db: Db, p: z.output<typeof partnerUpdateSchema>, userId: string, at: string): void {
  requirePartner(db, p.partnerId);
  checkVerifiedOn(p.secureVerifiedOn, at);
  const columns: Record<string, string | number | null> = {};
  if (p.name !== undefined) columns.name = p.name;
  if (p.kind !== undefined) columns.kind = p.kind;
  if (p.address !== undefined) columns.address = blankToNull(p.address);
  if (p.phone !== undefined) columns.phone = blankToNull(p.phone);
  if (p.email !== undefined) columns.email = blankToNull(p.email);
  if (p.secureEmail !== undefined) columns.secure_email = blankToNull(p.secureEmail);
  if (p.portal !== undefined) columns.portal = blankToNull(p.portal);
  if (p.secureVerifiedNote !== undefined) columns.secure_verified_note = blankToNull(p.secureVerifiedNote);
  if (p.secureVerifiedOn !== undefined) columns.secure_verified_on = blankToNull(p.secureVerifiedOn);
  if (p.contacts !== undefined) columns.contacts = cleanContacts(p.contacts);
  if (p.notes !== undefined) columns.notes = blankToNull(p.notes);
  if (p.active !== undefined) columns.active = p.active ? 1 : 0;
  updateColumns(db, 'partners', p.partnerId, columns, userId, at);
}

/** UPDATE of the named columns plus updated_at / updated_by. Column names come from our code, never from input. */
export function updateColumns(db: Db, table: string, id: string, columns: Record<string, string | number | null>, userId: string, at: string): void {
  const keys = Object.keys(columns);
  const sets = [...keys.map((k) => `${k} = $c_${k}`), 'updated_at = $at', 'updated_by = $by'];
  const params: Record<string, string | number | null> = { id, at, by: userId };
  for (const k of keys) params[`c_${k}`] = columns[k];
  run(db, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = $id`, params);
}
