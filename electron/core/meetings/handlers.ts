import type { meetingsChannels } from '../../../shared/contract/meetings';
import { londonDay } from '../../../shared/domain/dates';
import { requireChild } from '../children/repo';
import type { CallContext, HandlersFor } from '../context';
import { run } from '../db/sql';
import { readSettings } from '../settings/repo';
import { plannerRows, thisTerm } from './planner';
import { bookMeeting, cancelMeeting, clashesOf, invitable, meetingChildName, meetingsInSpan, meetingsOfChild, readMeeting, recordMeeting, requireMeetingRow, updateAction, updateBooking } from './repo';
import { requireTerm, saveTerms, termOf, termsOfYear } from './terms';

const todayOf = (ctx: CallContext) => londonDay(ctx.now());

export const meetingsHandlers: HandlersFor<typeof meetingsChannels> = {
  'terms.list': (input, ctx) => {
    const db = ctx.db();
    const current = termOf(db, todayOf(ctx));
    const schoolYear = input?.schoolYear ?? current.schoolYear;
    return { schoolYear, terms: termsOfYear(db, schoolYear), currentTermId: current.id };
  },

  'terms.save': (input, ctx) => {
    saveTerms(ctx.db(), input, ctx.user.userId, ctx.nowIso());
    ctx.touch(`terms:${input.schoolYear}`);
    return { ok: true };
  },

  'meetings.planner': (input, ctx) => {
    const db = ctx.db();
    const term = requireTerm(db, input.termId);
    return { term, ...plannerRows(db, term, input) };
  },

  'meetings.addChild': (input, ctx) => {
    const db = ctx.db();
    requireTerm(db, input.termId);
    requireChild(db, input.childId);
    run(db, 'INSERT OR IGNORE INTO meeting_planner_children (term_id, child_id, added_at, added_by) VALUES ($term, $child, $at, $by)', {
      term: input.termId,
      child: input.childId,
      at: ctx.nowIso(),
      by: ctx.user.userId,
    });
    ctx.touch(`child:${input.childId}`);
    return { ok: true };
  },

  'meetings.invitable': (input, ctx) => {
    const db = ctx.db();
    return { ...invitable(db, input.childId, todayOf(ctx)), settingName: readSettings(db, ctx.state.vault.settingName() ?? '').settingName };
  },

  'meetings.book': (input, ctx) => {
    const db = ctx.db();
    const { childId, ...booking } = input;
    const id = bookMeeting(db, childId, booking, todayOf(ctx), ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${childId}`, `meeting:${id}`);
    return { id, clashes: clashesOf(db, id) };
  },

  'meetings.update': (input, ctx) => {
    const db = ctx.db();
    const { meetingId, ...booking } = input;
    updateBooking(db, meetingId, booking, todayOf(ctx), ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${requireMeetingRow(db, meetingId).child_id}`, `meeting:${meetingId}`);
    return { id: meetingId, clashes: clashesOf(db, meetingId) };
  },

  'meetings.cancel': (input, ctx) => {
    const childId = cancelMeeting(ctx.db(), input.meetingId, input.reason, ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${childId}`, `meeting:${input.meetingId}`);
    return { ok: true };
  },

  'meetings.get': (input, ctx) => {
    const meeting = readMeeting(ctx.db(), input.meetingId, todayOf(ctx));
    ctx.touch(`child:${meeting.childId}`, `meeting:${meeting.id}`);
    return meeting;
  },

  'meetings.ofChild': (input, ctx) => {
    ctx.touch(`child:${input.childId}`);
    return { meetings: meetingsOfChild(ctx.db(), input.childId, todayOf(ctx)) };
  },

  'meetings.record': (input, ctx) => {
    const childId = recordMeeting(ctx.db(), input, todayOf(ctx), ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${childId}`, `meeting:${input.meetingId}`);
    return { ok: true };
  },

  'meetings.updateAction': (input, ctx) => {
    const childId = updateAction(ctx.db(), input.actionId, input.status, input.note?.trim() || null, ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${childId}`, `meeting-action:${input.actionId}`);
    return { ok: true };
  },

  'meetings.thisTerm': (_input, ctx) => {
    const db = ctx.db();
    const today = todayOf(ctx);
    return thisTerm(db, termOf(db, today), today);
  },

  'meetings.between': (input, ctx) => ({
    meetings: meetingsInSpan(ctx.db(), input.from, input.to)
      .filter((m) => m.status === 'booked')
      .map((m) => ({ meetingId: m.id, childName: meetingChildName(m), on: m.on_day, at: m.at_time, format: m.format })),
  }),
};

