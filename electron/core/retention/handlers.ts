import { TwoWayError } from '../../../shared/contract/errors';
import { assertIdle } from '../backup/progress';
import { fieldError } from '../../../shared/contract/fields';
import type { retentionChannels } from '../../../shared/contract/retention';
import { childDisplayName } from '../../../shared/domain/names';
import { formatDay } from '../../../shared/domain/dates';
import { today } from '../../../shared/domain/weeks';
import type { CallContext, HandlersFor } from '../context';
import { all, fromJson, get, newId, run, toJson } from '../db/sql';
import { childDates, childReference, dueSets, setDue } from './due';
import { dispose, purgeWal, staleBackupsBefore } from './dispose';
import { recordTypes, type RecordTypeDef } from './registry';
import { insertRule, rulesTable, setStaffNamesPolicy, staffNamesPolicy } from './rules';
import { applyReview, gatherSections, reviewItems, type Decisions } from './subject-access';

const typesOf = (ctx: CallContext) => recordTypes(() => ctx.nowIso());

function typeDef(ctx: CallContext, type: string): RecordTypeDef {
  const def = typesOf(ctx).find((t) => t.type === type);
  if (!def) throw new TwoWayError('not-found', 'That kind of record was not found.');
  return def;
}

function requireChildDates(ctx: CallContext, childId: string) {
  const child = childDates(ctx.db(), childId);
  if (!child) throw new TwoWayError('not-found', 'That child was not found. Their records may already have been disposed of.');
  return child;
}

/** A set may be disposed of or kept longer only once its day has come; the list shows no other. */
function requireDue(ctx: CallContext, def: RecordTypeDef, childId: string) {
  const child = requireChildDates(ctx, childId);
  const { dueOn } = setDue(ctx.db(), def, child);
  if (def.defaultRule.kind === 'with-records') {
    throw new TwoWayError('conflict', 'Audit entries are not disposed of on their own: they go with the last of the records they refer to.');
  }
  if (!dueOn || dueOn > today(ctx.now())) {
    throw new TwoWayError('conflict', dueOn ? `These records are kept until ${formatDay(dueOn)}, so they cannot be disposed of yet.` : 'These records are not due for review yet: the child has not left.');
  }
  if (!def.count(ctx.db(), childId).some((c) => c.n > 0)) throw new TwoWayError('conflict', 'There is nothing of this kind left to dispose of for this child.');
  return { child, dueOn };
}

export const retentionHandlers: HandlersFor<typeof retentionChannels> = {
  'retention.rules': (_input, ctx) => ({ rules: rulesTable(ctx.db(), typesOf(ctx)), staffNames: staffNamesPolicy(ctx.db()) }),

  'retention.setRule': (input, ctx) => {
    const def = typeDef(ctx, input.type);
    if (def.defaultRule.kind === 'with-records' || input.rule.kind === 'with-records') {
      throw fieldError('rule', 'Audit entries are always kept as long as the records they refer to; this cannot be changed.');
    }
    if (input.rule.years === 0 && input.rule.months === 0) throw fieldError('rule', 'Keep records for at least a month.');
    insertRule(ctx.db(), input.type, input.rule, input.reason, ctx.user.userId, ctx.nowIso());
    ctx.touch(`retention-rule:${input.type}`);
    return { ok: true as const };
  },

  'retention.setStaffNames': (input, ctx) => {
    setStaffNamesPolicy(ctx.db(), input.staffNames);
    return { ok: true as const };
  },

  'retention.due': (_input, ctx) => {
    const db = ctx.db();
    const sets = dueSets(db, typesOf(ctx), today(ctx.now()));
    for (const s of sets) ctx.touch(`child:${s.childId}`);
    const labels = new Map(typesOf(ctx).map((t) => [t.type, t.label]));
    const disposals = all<{ id: string; record_type: string; child_reference: string; counts_json: string; due_on: string; by_name: string; at: string }>(
      db,
      'SELECT * FROM retention_disposals ORDER BY at DESC, rowid DESC LIMIT 50',
    ).map((d) => ({
      id: d.id,
      type: d.record_type as RecordTypeDef['type'],
      label: labels.get(d.record_type as RecordTypeDef['type']) ?? d.record_type,
      childReference: d.child_reference,
      counts: fromJson<{ label: string; n: number }[]>(d.counts_json, []),
      dueOn: d.due_on,
      byName: d.by_name,
      at: d.at,
    }));
    return { sets, disposals };
  },

  'retention.dueCount': (_input, ctx) => ({ count: dueSets(ctx.db(), typesOf(ctx), today(ctx.now())).length }),

  'retention.keep': (input, ctx) => {
    const def = typeDef(ctx, input.type);
    requireDue(ctx, def, input.childId);
    if (input.reviewOn <= today(ctx.now())) throw fieldError('reviewOn', 'Give a day after today to review them again.');
    run(ctx.db(), 'INSERT INTO retention_holds (id, child_id, record_type, reason, review_on, by_user, at) VALUES ($id, $childId, $type, $reason, $reviewOn, $userId, $at)', {
      id: newId(),
      childId: input.childId,
      type: input.type,
      reason: input.reason,
      reviewOn: input.reviewOn,
      userId: ctx.user.userId,
      at: ctx.nowIso(),
    });
    return { ok: true as const };
  },

  'retention.dispose': async (input, ctx) => {
    // A backup being made would hold what is disposed of without being listed among the stale
    // ones (it is recorded when done), and its pinned snapshot stops the WAL being emptied.
    assertIdle(ctx.state);
    const def = typeDef(ctx, input.type);
    const { dueOn } = requireDue(ctx, def, input.childId);
    // The manager confirms with their own password (counted by the confirmation back-off, never delaying a login).
    try {
      const key = await ctx.state.vault.unlockWithPassword(ctx.user.username, input.password, 'confirmation');
      key.fill(0);
    } catch (error) {
      if (error instanceof TwoWayError && error.code === 'wrong-credentials') {
        throw new TwoWayError('wrong-credentials', 'That is not your password, so nothing was disposed of.', { issues: [{ path: ['password'], message: 'This is not your password.' }] });
      }
      throw error;
    }
    const db = ctx.db();
    const at = ctx.nowIso();
    const reference = childReference(input.childId);
    const { disposalId, counts } = dispose(db, typesOf(ctx), def, input.childId, { type: def.type, childReference: reference, dueOn, by: { userId: ctx.user.userId, name: ctx.user.fullName }, at });
    ctx.touch(`disposal:${disposalId}`);
    ctx.after(() => purgeWal(db));
    return { disposalId, childReference: reference, counts, staleBackups: staleBackupsBefore(db, at) };
  },

  'sar.prepare': (input, ctx) => {
    const db = ctx.db();
    const child = requireChildDates(ctx, input.childId);
    const sections = gatherSections(typesOf(ctx), db, input.childId, ctx.user);
    const reviews = all<{ id: string; at: string; by_name: string; requested_by: string; decisions_json: string }>(
      db,
      'SELECT id, at, by_name, requested_by, decisions_json FROM subject_access_reviews WHERE child_id = $childId ORDER BY at DESC',
      { childId: input.childId },
    ).map((r) => {
      const d = fromJson<{ decisions: { outcome: string }[] }>(r.decisions_json, { decisions: [] }).decisions;
      const c = (o: string) => d.filter((x) => x.outcome === o).length;
      return { id: r.id, at: r.at, byName: r.by_name, requestedBy: r.requested_by, released: c('released'), redacted: c('redacted'), withheld: c('withheld') };
    });
    return {
      childName: childDisplayName({ legalName: child.legal_name, preferredName: child.preferred_name }),
      includesSafeguarding: sections.some((s) => s.id === 'safeguarding'),
      sections: sections.map((s) => ({ id: s.id, title: s.title, entries: s.entries.length })),
      items: reviewItems(db, input.childId, sections, staffNamesPolicy(db)),
      reviews,
    };
  },

  'sar.review': (input, ctx) => {
    const db = ctx.db();
    requireChildDates(ctx, input.childId);
    const items = reviewItems(db, input.childId, gatherSections(typesOf(ctx), db, input.childId, ctx.user), staffNamesPolicy(db));
    const byKey = new Map(input.decisions.map((d) => [d.key, d]));
    const missing = items.findIndex((i) => !byKey.has(i.key));
    if (missing >= 0) throw fieldError('decisions', `Decide about every item before release: “${items[missing].where}” is not decided.`);
    const id = newId();
    // The review is the record: what was found, what was decided and why, who decided, for whom.
    const decisions = items.map((i) => ({ ...i, outcome: byKey.get(i.key)!.outcome, reason: byKey.get(i.key)!.reason }));
    run(db, 'INSERT INTO subject_access_reviews (id, child_id, requested_by, decisions_json, by_user, by_name, at) VALUES ($id, $childId, $requestedBy, $json, $userId, $name, $at)', {
      id,
      childId: input.childId,
      requestedBy: input.requestedBy,
      json: toJson({ decisions, safeguarding: ctx.user.roles.includes('dsl') }),
      userId: ctx.user.userId,
      name: ctx.user.fullName,
      at: ctx.nowIso(),
    });
    return { id };
  },

  'sar.export': (input, ctx) => {
    const db = ctx.db();
    const row = get<{ id: string; child_id: string; requested_by: string; decisions_json: string; by_name: string; at: string }>(
      db,
      'SELECT * FROM subject_access_reviews WHERE id = $id',
      { id: input.reviewId },
    );
    if (!row) throw new TwoWayError('not-found', 'That subject access review was not found.');
    const child = requireChildDates(ctx, row.child_id);
    ctx.touch(`child:${row.child_id}`);
    const stored = fromJson<{ decisions: { key: string; outcome: 'released' | 'redacted' | 'withheld' }[]; safeguarding: boolean }>(row.decisions_json, { decisions: [], safeguarding: false });
    const decisions: Decisions = new Map(stored.decisions.map((d) => [d.key, d.outcome]));
    // The safeguarding file is in the release only when a DSL reviewed it and a DSL opens it.
    const sections = gatherSections(typesOf(ctx), db, row.child_id, ctx.user).filter((s) => s.id !== 'safeguarding' || stored.safeguarding);
    return {
      reviewId: row.id,
      childId: row.child_id,
      childName: childDisplayName({ legalName: child.legal_name, preferredName: child.preferred_name }),
      requestedBy: row.requested_by,
      reviewedBy: row.by_name,
      reviewedAt: row.at,
      sections: applyReview(db, row.child_id, sections, staffNamesPolicy(db), decisions),
    };
  },
};
