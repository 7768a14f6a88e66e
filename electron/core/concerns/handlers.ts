import { LATE_ENTRY_HOURS, type concernsChannels } from '../../../shared/contract/concerns';
import { TwoWayError } from '../../../shared/contract/errors';
import { fieldError } from '../../../shared/contract/fields';
import { today } from '../../../shared/domain/weeks';
import { londonDay } from '../../../shared/domain/dates';
import { findUserById } from '../auth/users-repo';
import { assertBornBy, requireChild } from '../children/repo';
import { activeStaff } from '../diary/repo';
import type { CallContext, HandlersFor } from '../context';
import { get } from '../db/sql';
import { requirePartner } from '../partners/repo';
import { canRead } from './access';
import { chronologyOf, timelineInstant } from './chronology';
import {
  actionHead,
  alertsFor,
  bodyMarksOfChild,
  closeAction,
  concernHead,
  currentArrangements,
  insertAction,
  insertAddendum,
  insertArrangement,
  insertConcern,
  insertReferral,
  insertReferralUpdate,
  insertReview,
  insertTransfer,
  insertTransferReceipt,
  insertVisit,
  listConcerns,
  listVisits,
  markDiarySignificant,
  markOpened,
  readConcern,
  receiptsOf,
  referralConcernId,
  requireReadable,
  transferChildId,
  transfersOf,
} from './repo';
import { linkChildren } from './linked';
import { childDisplayName } from '../../../shared/domain/names';

const me = (ctx: CallContext) => ({ userId: ctx.user.userId, name: ctx.user.fullName });
const todayOf = (ctx: CallContext) => today(ctx.now());

/** An active member of staff chosen in a form (an action's owner, a visit's supervisor). */
function requireStaff(ctx: CallContext, userId: string, field: string, message: string) {
  const user = findUserById(ctx.db(), userId);
  if (!user || !user.active) throw fieldError(field, message);
  return { userId: user.id, name: user.fullName };
}

/** Names the concern and its child in the audit entry. */
function touchConcern(ctx: CallContext, head: { id: string; childId: string }) {
  ctx.touch(`concern:${head.id}`, `child:${head.childId}`);
}

/** A new action due on a day already gone would be overdue the moment it is written. */
const DUE_PASSED = 'That day has already passed: give the day it should be done by (today or later).';

export const concernsHandlers: HandlersFor<typeof concernsChannels> = {
  'concerns.record': (input, ctx) => {
    const db = ctx.db();
    const child = requireChild(db, input.childId);
    const observed = Date.parse(input.observedAt);
    const now = ctx.now().getTime();
    // A few minutes' grace for a clock that runs a little fast; a time later than that cannot be right.
    if (observed > now + 5 * 60_000) throw fieldError('observedAt', 'That time is in the future. Give the time it was seen or heard.');
    assertBornBy(db, child.id, londonDay(new Date(observed)), 'observedAt');
    if (now - observed > LATE_ENTRY_HOURS * 3_600_000 && !input.lateEntryReason) {
      throw fieldError('lateEntryReason', 'This is recorded more than 24 hours after it was seen or heard, so it is a late entry: say why it is recorded late.');
    }
    let about: { userId: string; name: string } | null = null;
    if (input.category === 'allegation-staff') {
      if (!input.aboutUserId) throw fieldError('aboutUserId', 'Say which member of staff the allegation is about. Only the manager will see it, never the person named.');
      about = requireStaff(ctx, input.aboutUserId, 'aboutUserId', 'Choose a member of staff.');
    } else if (input.aboutUserId) {
      throw fieldError('aboutUserId', 'A member of staff is named only for an allegation about a member of staff.');
    }
    if (input.diaryEntryId && !get(db, 'SELECT 1 AS x FROM diary_entries WHERE id = $id AND child_id = $childId', { id: input.diaryEntryId, childId: child.id })) {
      throw fieldError('diaryEntryId', 'That diary entry is not this child’s.');
    }
    const { id, reference } = insertConcern(db, input, me(ctx), about, ctx.nowIso());
    const linked = linkChildren(db, { id, childId: child.id }, input.otherChildren, me(ctx), ctx.nowIso(), 'otherChildren');
    touchConcern(ctx, { id, childId: child.id });
    ctx.touch(...linked.map((c) => `child:${c}`));
    return { id, reference };
  },

  'concerns.staff': (_input, ctx) => ({ staff: activeStaff(ctx.db()) }),

  'concerns.mine': (_input, ctx) => ({ concerns: receiptsOf(ctx.db(), ctx.user.userId) }),

  'concerns.alerts': (_input, ctx) => alertsFor(ctx.db(), ctx.user, todayOf(ctx)),

  'concerns.list': (input, ctx) => {
    if (input.childId) requireChild(ctx.db(), input.childId);
    return { concerns: listConcerns(ctx.db(), ctx.user, input) };
  },

  'concerns.get': (input, ctx) => {
    const db = ctx.db();
    const head = requireReadable(db, ctx.user, input.id);
    markOpened(db, head.id, ctx.user.userId, ctx.nowIso());
    touchConcern(ctx, head);
    return readConcern(db, head.id, todayOf(ctx));
  },

  'concerns.addendum': (input, ctx) => {
    const db = ctx.db();
    const head = concernHead(db, input.id);
    // The person who recorded it may add to it (something they remembered), as may those who may read it.
    if (!head || !(head.recordedBy === ctx.user.userId || canRead(ctx.user, head))) {
      throw new TwoWayError('not-found', 'That concern was not found, or it is not yours to see.');
    }
    insertAddendum(db, head.id, input, me(ctx), ctx.nowIso());
    touchConcern(ctx, head);
    return { ok: true as const };
  },

  'concerns.review': (input, ctx) => {
    const db = ctx.db();
    const head = requireReadable(db, ctx.user, input.id);
    const at = ctx.nowIso();
    const reviewId = insertReview(db, head.id, input, me(ctx), at);
    input.actions.forEach((a, i) => {
      if (a.dueOn < todayOf(ctx)) throw fieldError(`actions.${i}.dueOn`, DUE_PASSED);
      const owner = a.ownerUserId ? requireStaff(ctx, a.ownerUserId, `actions.${i}.ownerUserId`, 'Choose an active member of staff.') : null;
      const ownerName = owner?.name ?? a.ownerName;
      if (!ownerName) throw fieldError(`actions.${i}.ownerName`, 'Say who will do it.');
      insertAction(db, head.id, reviewId, { text: a.text, ownerUserId: owner?.userId ?? null, ownerName, dueOn: a.dueOn }, me(ctx), at);
    });
    touchConcern(ctx, head);
    return { reviewId };
  },

  'concerns.addAction': (input, ctx) => {
    const db = ctx.db();
    const head = requireReadable(db, ctx.user, input.concernId);
    if (input.dueOn < todayOf(ctx)) throw fieldError('dueOn', DUE_PASSED);
    const owner = input.ownerUserId ? requireStaff(ctx, input.ownerUserId, 'ownerUserId', 'Choose an active member of staff.') : null;
    const ownerName = owner?.name ?? input.ownerName;
    if (!ownerName) throw fieldError('ownerName', 'Say who will do it.');
    const actionId = insertAction(db, head.id, null, { text: input.text, ownerUserId: owner?.userId ?? null, ownerName, dueOn: input.dueOn }, me(ctx), ctx.nowIso());
    touchConcern(ctx, head);
    return { actionId };
  },

  'concerns.closeAction': (input, ctx) => {
    const db = ctx.db();
    const action = actionHead(db, input.actionId);
    if (!action) throw new TwoWayError('not-found', 'That action was not found.');
    const head = requireReadable(db, ctx.user, action.concernId);
    if (action.closed) throw new TwoWayError('conflict', 'That action is already closed.');
    closeAction(db, input.actionId, { status: input.status, note: input.note || null }, me(ctx), ctx.nowIso());
    touchConcern(ctx, head);
    return { ok: true as const };
  },

  'concerns.addReferral': (input, ctx) => {
    const db = ctx.db();
    const head = requireReadable(db, ctx.user, input.concernId);
    if (input.partnerId) requirePartner(db, input.partnerId, 'partnerId');
    if (input.referredOn > todayOf(ctx)) throw fieldError('referredOn', 'The referral date is in the future.');
    const referralId = insertReferral(db, input, me(ctx), ctx.nowIso());
    touchConcern(ctx, head);
    return { referralId };
  },

  'concerns.updateReferral': (input, ctx) => {
    const db = ctx.db();
    const concernId = referralConcernId(db, input.referralId);
    if (!concernId) throw new TwoWayError('not-found', 'That referral was not found.');
    const head = requireReadable(db, ctx.user, concernId);
    if (!input.theirReference && !input.outcome && !input.followUpOn) throw fieldError('outcome', 'Give their reference, the outcome or the next follow-up date.');
    insertReferralUpdate(db, input.referralId, input, me(ctx), ctx.nowIso());
    touchConcern(ctx, head);
    return { ok: true as const };
  },

  'concerns.linkChildren': (input, ctx) => {
    const db = ctx.db();
    const head = requireReadable(db, ctx.user, input.concernId);
    const linked = linkChildren(db, head, input.children, me(ctx), ctx.nowIso(), 'children');
    touchConcern(ctx, head);
    ctx.touch(...linked.map((c) => `child:${c}`));
    return { ok: true as const };
  },

  'concerns.markDiarySignificant': (input, ctx) => {
    const childId = markDiarySignificant(ctx.db(), input.entryId, input.note || null, me(ctx), ctx.nowIso());
    ctx.touch(`diary:${input.entryId}`, `child:${childId}`);
    return { ok: true as const };
  },

  'concerns.chronology': (input, ctx) => {
    const db = ctx.db();
    const child = requireChild(db, input.childId);
    let events = chronologyOf(db, ctx.user, child.id, { external: input.external });
    // The audit entry names every concern the viewer was shown.
    for (const id of new Set(events.flatMap((e) => (e.concernId ? [e.concernId] : [])))) ctx.touch(`concern:${id}`);
    if (input.kinds?.length) events = events.filter((e) => input.kinds!.includes(e.kind));
    events.sort((a, b) => timelineInstant(a.at).localeCompare(timelineInstant(b.at)));
    if (input.order === 'newest') events.reverse();
    const bodyMarks = bodyMarksOfChild(db, ctx.user, child.id);
    return {
      childId: child.id,
      childName: childDisplayName(child),
      dateOfBirth: child.dateOfBirth,
      events,
      bodyMarks,
      transfers: transfersOf(db, child.id),
    };
  },

  'concerns.setPartnerArrangement': (input, ctx) => {
    requirePartner(ctx.db(), input.partnerId, 'partnerId');
    insertArrangement(ctx.db(), input, me(ctx), ctx.nowIso());
    return { ok: true as const };
  },

  'concerns.arrangements': (_input, ctx) => ({ arrangements: currentArrangements(ctx.db()) }),

  'concerns.recordTransfer': (input, ctx) => {
    const db = ctx.db();
    requireChild(db, input.childId);
    if (input.sentOn > todayOf(ctx)) throw fieldError('sentOn', 'That date is in the future.');
    return { transferId: insertTransfer(db, input, me(ctx), ctx.nowIso()) };
  },

  'concerns.confirmTransfer': (input, ctx) => {
    const db = ctx.db();
    const transfer = transferChildId(db, input.transferId);
    if (!transfer) throw new TwoWayError('not-found', 'That transfer was not found.');
    if (transfer.confirmed) throw new TwoWayError('conflict', 'Receipt of that file is already recorded.');
    if (input.receivedOn < transfer.sentOn) throw fieldError('receivedOn', 'The file cannot be received before it was sent.');
    if (input.receivedOn > todayOf(ctx)) throw fieldError('receivedOn', 'That date is in the future.');
    insertTransferReceipt(db, input.transferId, input, me(ctx), ctx.nowIso());
    ctx.touch(`child:${transfer.childId}`);
    return { ok: true as const };
  },

  'visits.record': (input, ctx) => {
    const db = ctx.db();
    if (input.childId) requireChild(db, input.childId);
    if (input.visitOn > todayOf(ctx)) throw fieldError('visitOn', 'That date is in the future: record a visit on the day it happens.');
    if (input.leftAt && input.leftAt < input.arrivedAt) throw fieldError('leftAt', 'They cannot leave before they arrived.');
    const supervisor = requireStaff(ctx, input.supervisedByUserId, 'supervisedByUserId', 'Choose the member of staff who stayed with them.');
    return { id: insertVisit(db, input, supervisor, me(ctx), ctx.nowIso()) };
  },

  'visits.list': (input, ctx) => {
    if (input.childId) requireChild(ctx.db(), input.childId);
    return { visits: listVisits(ctx.db(), input.childId) };
  },
};
