import { TwoWayError } from '../../../shared/contract/errors';
import { fieldError } from '../../../shared/contract/fields';
import type { homeVisitsChannels, observationsChannels } from '../../../shared/contract/observations';
import { londonDay } from '../../../shared/domain/dates';
import { pastDayProblem } from '../../../shared/domain/day-rules';
import { requireTerm, termOf } from '../meetings/terms';
import { assertBornBy, requireChild } from '../children/repo';
import { checkConsent } from '../consent/check';
import type { CallContext, HandlersFor } from '../context';
import { requirePartner } from '../partners/repo';
import { readSettings } from '../settings/repo';
import {
  insertObservation,
  insertVisit,
  insertVisitShare,
  listObservations,
  listVisits,
  observationHead,
  observationsBetween,
  setNextStepStatus,
  visitChildId,
} from './repo';

const todayOf = (ctx: CallContext) => londonDay(ctx.now());
const settingName = (ctx: CallContext) => readSettings(ctx.db(), ctx.state.vault.settingName() ?? '').settingName;

export const observationsHandlers: HandlersFor<typeof observationsChannels> = {
  'observations.add': (input, ctx) => {
    const db = ctx.db();
    requireChild(db, input.childId);
    const problem = pastDayProblem(input.observedOn, todayOf(ctx), 'That day');
    if (problem) throw fieldError('observedOn', problem);
    assertBornBy(db, input.childId, input.observedOn, 'observedOn');
    // Typed in from a partner setting: they say who observed (our policy 1.3: it is their information).
    if (input.partnerId) requirePartner(db, input.partnerId, 'partnerId');
    const observerName = input.observerName?.trim() || (input.partnerId ? '' : ctx.user.fullName);
    if (!observerName) throw fieldError('observerName', 'Say who observed the child at the other setting.');
    const id = insertObservation(db, { ...input, observerName }, ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${input.childId}`);
    return { id };
  },

  'observations.list': (input, ctx) => {
    const db = ctx.db();
    requireChild(db, input.childId);
    const all = listObservations(db, input.childId, settingName(ctx));
    const span = input.term ? requireTerm(db, input.term) : null;
    const chosen = span ? observationsBetween(db, input.childId, span.startsOn, span.endsOn, settingName(ctx)).reverse() : all;
    // This term and every term with an observation, newest first, by the setting's own term dates.
    const byId = new Map([termOf(db, todayOf(ctx)), ...all.map((o) => requireTerm(db, o.term))].map((t) => [t.id, t]));
    const terms = [...byId.values()].sort((a, b) => b.startsOn.localeCompare(a.startsOn)).map((t) => ({ id: t.id, label: t.label }));
    return { observations: input.area ? chosen.filter((o) => o.areas.includes(input.area!)) : chosen, terms };
  },

  'observations.setNextStep': (input, ctx) => {
    const db = ctx.db();
    const head = observationHead(db, input.observationId);
    if (!head) throw new TwoWayError('not-found', 'That observation was not found.');
    if (!head.hasNextStep) throw new TwoWayError('conflict', 'That observation has no next step.');
    setNextStepStatus(db, input.observationId, input.status, ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${head.childId}`);
    return { ok: true as const };
  },
};

export const homeVisitsHandlers: HandlersFor<typeof homeVisitsChannels> = {
  'homevisits.record': (input, ctx) => {
    const db = ctx.db();
    requireChild(db, input.childId);
    const problem = pastDayProblem(input.visitedOn, todayOf(ctx), 'The day of the visit');
    if (problem) throw fieldError('visitedOn', problem);
    input.partnerIds.forEach((p, i) => requirePartner(db, p, `partnerIds.${i}`));
    if (!input.fromUs && input.partnerIds.length === 0) throw fieldError('partnerIds', 'Say which settings went on the visit.');
    const id = insertVisit(db, input, ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${input.childId}`);
    return { id };
  },

  'homevisits.list': (input, ctx) => {
    requireChild(ctx.db(), input.childId);
    return { visits: listVisits(ctx.db(), input.childId) };
  },

  // The guidance on joint home visits: share notes "(must have parental consent to do this)". The
  // same question as a diary entry's share, scope "home visits"; a refusal is answered and audited.
  'homevisits.share': (input, ctx) => {
    const db = ctx.db();
    const childId = visitChildId(db, input.homeVisitId);
    if (!childId) throw new TwoWayError('not-found', 'That home visit was not found.');
    requirePartner(db, input.partnerId, 'partnerId');
    const answer = checkConsent(db, { childId, scope: 'home-visits', recipientId: input.partnerId, on: todayOf(ctx) });
    ctx.touch(`child:${childId}`, `homeVisit:${input.homeVisitId}`);
    if (!answer.valid) return { shared: false as const, reason: answer.reason, message: answer.message };
    const shareId = insertVisitShare(db, { homeVisitId: input.homeVisitId, partnerId: input.partnerId, consentId: answer.consentId ?? null, method: input.method }, ctx.user.userId, ctx.nowIso());
    return { shared: true as const, shareId, consentId: answer.consentId ?? null };
  },
};
