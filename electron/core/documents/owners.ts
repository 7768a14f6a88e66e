import type { Session } from '../../../shared/contract/auth';
import { rolesAllow } from '../../../shared/contract/define';
import type { DocumentOwnerType } from '../../../shared/contract/documents';
import { TwoWayError } from '../../../shared/contract/errors';
import { CHILD_READERS, FAMILY_KEEPERS } from '../../../shared/contract/fields';
import { SHARING_READERS } from '../../../shared/contract/sharing';
import { canRead } from '../concerns/access';
import { concernHead } from '../concerns/repo';
import type { Db } from '../db/connection';
import { get } from '../db/sql';

type Viewer = Pick<Session, 'userId' | 'roles'>;

/**
 * What a document can be attached to, and who may see and add documents there: the rule of the
 * record it belongs to. A new owner type (an agreement, a meeting) adds one entry here and its name
 * to DOCUMENT_OWNER_TYPES in the contract.
 */
interface OwnerRule {
  /** The child the record is about, or null when there is no such record. */
  childOf(db: Db, id: string): string | null;
  mayRead(db: Db, viewer: Viewer, id: string): boolean;
  mayAdd(db: Db, viewer: Viewer, id: string): boolean;
  /** The record's audit reference. */
  ref(id: string): string;
}

const concernRule: OwnerRule = {
  childOf: (db, id) => concernHead(db, id)?.childId ?? null,
  // A concern's documents: the safeguarding team only (an allegation about staff, managers only).
  mayRead: (db, viewer, id) => {
    const head = concernHead(db, id);
    return Boolean(head && canRead(viewer, head));
  },
  // Whoever recorded the concern may add to it, as with an addendum.
  mayAdd: (db, viewer, id) => {
    const head = concernHead(db, id);
    return Boolean(head && (head.recordedBy === viewer.userId || canRead(viewer, head)));
  },
  ref: (id) => `concern:${id}`,
};

const decisionOf = (db: Db, id: string) => get<{ child_id: string; decided_by: string }>(db, 'SELECT child_id, decided_by FROM sharing_decisions WHERE id = $id', { id });

export const OWNERS: Record<DocumentOwnerType, OwnerRule> = {
  child: {
    childOf: (db, id) => get<{ id: string }>(db, 'SELECT id FROM children WHERE id = $id', { id })?.id ?? null,
    mayRead: (_db, viewer) => rolesAllow(CHILD_READERS, viewer.roles),
    // Letters, forms and court orders go on the file with the family records (office, DSL, manager, admin).
    mayAdd: (_db, viewer) => rolesAllow(FAMILY_KEEPERS, viewer.roles),
    ref: (id) => `child:${id}`,
  },
  concern: concernRule,
  // A joint meeting's papers (a partner's report, notes sent instead of coming): whoever may open the meeting.
  meeting: {
    childOf: (db, id) => get<{ child_id: string }>(db, 'SELECT child_id FROM meetings WHERE id = $id', { id })?.child_id ?? null,
    mayRead: (_db, viewer) => rolesAllow(CHILD_READERS, viewer.roles),
    mayAdd: (_db, viewer) => rolesAllow(CHILD_READERS, viewer.roles),
    ref: (id) => `meeting:${id}`,
  },
  // An agreement signed on paper, scanned: with the version it belongs to.
  agreement: {
    childOf: (db, id) => get<{ child_id: string }>(db, 'SELECT child_id FROM agreements WHERE id = $id', { id })?.child_id ?? null,
    mayRead: (_db, viewer) => rolesAllow(CHILD_READERS, viewer.roles),
    mayAdd: (_db, viewer) => rolesAllow(CHILD_READERS, viewer.roles),
    ref: (id) => `agreement:${id}`,
  },
  sharing: {
    childOf: (db, id) => decisionOf(db, id)?.child_id ?? null,
    mayRead: (db, viewer, id) => rolesAllow(SHARING_READERS, viewer.roles) || decisionOf(db, id)?.decided_by === viewer.userId,
    mayAdd: (db, viewer, id) => rolesAllow(SHARING_READERS, viewer.roles) || decisionOf(db, id)?.decided_by === viewer.userId,
    ref: (id) => `sharing:${id}`,
  },
};

const NOT_FOUND = 'That record was not found, or it is not yours to see.';

/** The owner's child, when the viewer may read (or add to) it; otherwise not-found, so nothing is given away. */
export function requireOwner(db: Db, viewer: Viewer, type: DocumentOwnerType, id: string, to: 'read' | 'add'): string {
  const rule = OWNERS[type];
  const childId = rule.childOf(db, id);
  const allowed = childId !== null && (to === 'read' ? rule.mayRead(db, viewer, id) : rule.mayAdd(db, viewer, id));
  if (!allowed) throw new TwoWayError('not-found', NOT_FOUND);
  return childId;
}

/** Whether the viewer may see a document attached to this owner (lists filter with it). */
export function mayReadOwner(db: Db, viewer: Viewer, type: string, id: string): boolean {
  const rule = OWNERS[type as DocumentOwnerType] as OwnerRule | undefined;
  return Boolean(rule && rule.childOf(db, id) !== null && rule.mayRead(db, viewer, id));
}
