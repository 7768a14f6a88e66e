import type { z } from 'zod';
import type { Session } from '../../../shared/contract/auth';
import { type linkedChildInputSchema, type OtherChild } from '../../../shared/contract/concerns';
import { rolesAllow } from '../../../shared/contract/define';
import { CHILD_READERS, fieldError } from '../../../shared/contract/fields';
import { childDisplayName } from '../../../shared/domain/names';
import type { Db } from '../db/connection';
import { all, get, run } from '../db/sql';

// Children linked to a concern (issue 18). Concerns are append-only, so naming a child (when it is
// recorded or later) is a row of `concern_children`; each linked child's chronology shows the concern.

type LinkInput = z.output<typeof linkedChildInputSchema>;

/** Checks and adds links; a child already linked, or the concern's own child, is a field error. */
export function linkChildren(db: Db, concern: { id: string; childId: string }, children: readonly LinkInput[], by: { userId: string; name: string }, at: string, field: string): string[] {
  const seen = new Set([concern.childId, ...all<{ child_id: string }>(db, 'SELECT child_id FROM concern_children WHERE concern_id = $id', { id: concern.id }).map((r) => r.child_id)]);
  children.forEach((c, i) => {
    if (!get(db, 'SELECT 1 AS x FROM children WHERE id = $id', { id: c.childId })) throw fieldError(`${field}.${i}.childId`, 'Choose a child from the list.');
    if (seen.has(c.childId)) throw fieldError(`${field}.${i}.childId`, c.childId === concern.childId ? 'This is the child the concern is about.' : 'That child is already named on this concern.');
    seen.add(c.childId);
    run(db, 'INSERT INTO concern_children (concern_id, child_id, role, linked_by, linked_by_name, at) VALUES ($concernId, $childId, $role, $by, $byName, $at)', {
      concernId: concern.id,
      childId: c.childId,
      role: c.relation,
      by: by.userId,
      byName: by.name,
      at,
    });
  });
  return children.map((c) => c.childId);
}

interface LinkRow {
  concern_id: string;
  child_id: string;
  role: 'involved' | 'sibling';
  linked_by_name: string;
  at: string;
  legal_name: string;
  preferred_name: string | null;
}

const linksOf = (db: Db, concernId: string) =>
  all<LinkRow>(
    db,
    `SELECT l.*, c.legal_name, c.preferred_name FROM concern_children l JOIN children c ON c.id = l.child_id WHERE l.concern_id = $concernId ORDER BY l.at, c.legal_name`,
    { concernId },
  );

export function linkedChildrenOf(db: Db, concernId: string) {
  return linksOf(db, concernId).map((l) => ({
    childId: l.child_id,
    name: childDisplayName({ legalName: l.legal_name, preferredName: l.preferred_name }),
    relation: l.role,
    linkedByName: l.linked_by_name,
    at: l.at,
  }));
}

/** The concerns a child is linked to (not their own), for their chronology. */
export function concernIdsLinkedTo(db: Db, childId: string): string[] {
  return all<{ concern_id: string }>(db, 'SELECT concern_id FROM concern_children WHERE child_id = $childId', { childId }).map((r) => r.concern_id);
}

/**
 * The other children of a concern as seen from one child's chronology: the concern's own child and
 * every linked child but this one. Named only to a viewer who may read children's files, and in the
 * external version only when of the same family (a sibling link); otherwise "another child".
 */
export function otherChildrenFor(db: Db, viewer: Pick<Session, 'roles'>, concern: { id: string; childId: string }, childId: string, external: boolean): OtherChild[] {
  const links = linksOf(db, concern.id);
  const mine = links.find((l) => l.child_id === childId);
  const own = get<{ legal_name: string; preferred_name: string | null }>(db, 'SELECT legal_name, preferred_name FROM children WHERE id = $id', { id: concern.childId });
  const others: OtherChild[] = [];
  // From a linked child, the concern's own child is family when that link says sibling.
  if (concern.childId !== childId && own) others.push({ childId: concern.childId, name: childDisplayName({ legalName: own.legal_name, preferredName: own.preferred_name }), sameFamily: mine?.role === 'sibling', concernChild: true });
  for (const l of links) {
    if (l.child_id === childId) continue;
    // Two children linked as siblings of the concern's child are of one family with it, and so with each other.
    const sameFamily = l.role === 'sibling' && (concern.childId === childId || mine?.role === 'sibling');
    others.push({ childId: l.child_id, name: childDisplayName({ legalName: l.legal_name, preferredName: l.preferred_name }), sameFamily, concernChild: false });
  }
  const mayName = rolesAllow(CHILD_READERS, viewer.roles);
  return others.map((o) => (mayName && (!external || o.sameFamily) ? o : { ...o, childId: null, name: null }));
}

