import type { DueSet } from '../../../shared/contract/retention';
import { dueOn, ruleInWords } from '../../../shared/domain/retention';
import { childDisplayName } from '../../../shared/domain/names';
import type { Db } from '../db/connection';
import { all, get } from '../db/sql';
import type { RecordTypeDef } from './registry';
import { ruleFor } from './rules';

interface ChildDates {
  id: string;
  legal_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  status: string;
  leaving_date: string | null;
}

/** The reference a record of disposal names instead of the child: short, and no name in it. */
export function childReference(childId: string): string {
  return `C-${childId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** The newest decision to keep a child's set longer. */
function latestHold(db: Db, childId: string, type: string): { review_on: string; reason: string } | undefined {
  return get<{ review_on: string; reason: string }>(db, 'SELECT review_on, reason FROM retention_holds WHERE child_id = $childId AND record_type = $type ORDER BY at DESC, rowid DESC LIMIT 1', {
    childId,
    type,
  });
}

/** When one child's set of one type falls due: a decision to keep it longer replaces the rule's day. */
export function setDue(db: Db, def: RecordTypeDef, child: ChildDates): { dueOn: string | null; keptUntil: string | null; keptReason: string | null } {
  const { rule } = ruleFor(db, def);
  // Only a child who has left has a leaving date that counts; a planned one may still change.
  const leavingDate = child.status === 'current' ? null : child.leaving_date;
  const ruled = dueOn(rule, { dateOfBirth: child.date_of_birth, leavingDate });
  const hold = latestHold(db, child.id, def.type);
  return { dueOn: hold?.review_on ?? ruled, keptUntil: hold?.review_on ?? null, keptReason: hold?.reason ?? null };
}

/** Every set whose day has come and that still holds something. */
export function dueSets(db: Db, types: RecordTypeDef[], today: string): DueSet[] {
  const out: DueSet[] = [];
  const children = all<ChildDates>(db, 'SELECT id, legal_name, preferred_name, date_of_birth, status, leaving_date FROM children ORDER BY legal_name');
  for (const child of children) {
    for (const def of types) {
      const { dueOn: due, keptUntil, keptReason } = setDue(db, def, child);
      if (!due || due > today) continue;
      const counts = def.count(db, child.id).filter((c) => c.n > 0);
      if (!counts.length) continue;
      out.push({
        childId: child.id,
        childName: childDisplayName({ legalName: child.legal_name, preferredName: child.preferred_name }),
        childReference: childReference(child.id),
        type: def.type,
        label: def.label,
        dueOn: due,
        ruleText: keptUntil ? `kept longer, to be reviewed again on this day` : ruleInWords(ruleFor(db, def).rule),
        counts,
        keptUntil,
        keptReason,
      });
    }
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.childName.localeCompare(b.childName));
}

export function childDates(db: Db, childId: string): ChildDates | undefined {
  return get<ChildDates>(db, 'SELECT id, legal_name, preferred_name, date_of_birth, status, leaving_date FROM children WHERE id = $childId', { childId });
}
