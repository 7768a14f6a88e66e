import { pastDayProblem } from '../../../shared/domain/day-rules';
import { DIARY_SHARERS, type diaryChannels } from '../../../shared/contract/diary';
import { TwoWayError } from '../../../shared/contract/errors';
import { addDays, londonDateTime, today, weekdayIndex, weekDays, weeksEndingWith, weekStart } from '../../../shared/domain/weeks';
import { placesOf, settingsForDay } from '../children/shared-care';
import { assertBornBy } from '../children/repo';
import { checkConsent } from '../consent/check';
import type { CallContext, HandlersFor } from '../context';
import { inTransaction, type Db } from '../db/connection';
import { settingNameIn } from '../settings/repo';
import { findPatterns, PATTERN_RULE_TEXT } from './patterns';
import {
  activeStaff,
  amendEntry,
  carersOf,
  carerWritersOn,
  childWeekEntries,
  closeFollowUp,
  diaryPartners,
  emptyCell,
  entryChildId,
  fieldError,
  insertEntry,
  insertShare,
  insertWeekPlan,
  overview,
  patternCounts,
  readEntry,
  requireChild,
  roomChildren,
  roomWeekCells,
  openFollowUps,
  search,
  sharingHistory,
  weekPlans,
} from './repo';

const settingNameOf = (ctx: CallContext) => settingNameIn(ctx.db(), ctx.state.vault.settingName() ?? '');
const todayOf = (ctx: CallContext) => today(ctx.now());

/** Where the child was each day of a week: with us, and/or at which partner settings. */
function daysOfWeek(db: Db, childId: string, monday: string) {
  const placesOn = placesOf(db, childId);
  return weekDays(monday).map((day) => ({ day, ...placesOn(day) }));
}

/**
 * How to describe what came before a day, for the pattern sentences: a day at a partner setting
 * (from the shared-care pattern), or for a Monday a weekend whose diary entries came from one
 * parent or carer. Null when there is nothing particular to say.
 */
function dayBeforeDescriber(db: Db, childId: string) {
  const placesOn = placesOf(db, childId);
  return (day: string): string | null => {
    const before = addDays(day, -1);
    const where = placesOn(before);
    if (!where.here && where.partners.length > 0) return `a day at ${where.partners.map((p) => p.name).join(' and ')}`;
    if (weekdayIndex(day) === 0 && !where.here) {
      const writers = carerWritersOn(db, childId, [addDays(day, -2), before]);
      if (writers.length === 1) return `a weekend with ${writers[0]}`;
    }
    return null;
  };
}

/**
 * A read handler's statements in one read transaction: one snapshot for the whole week, and one
 * lock instead of one per statement (a child's week runs about twenty small statements).
 */
const readTx = <T>(db: Db, fn: () => T): T => inTransaction(db, fn, 'DEFERRED');

function requireSharer(ctx: CallContext) {
  if (!ctx.user.roles.some((r) => DIARY_SHARERS.includes(r))) {
    throw new TwoWayError('forbidden', 'Only the office, the manager or the DSL can share diary entries with other settings.');
  }
}

export const diaryHandlers: HandlersFor<typeof diaryChannels> = {
  'diary.overview': (_input, ctx) => overview(ctx.db()),

  'diary.parties': (input, ctx) => {
    const db = ctx.db();
    requireChild(db, input.childId);
    const on = todayOf(ctx);
    const attendsThatDay = new Set(settingsForDay(db, input.childId, input.day).partners.map((p) => p.partnerId));
    return {
      staff: activeStaff(db),
      carers: carersOf(db, input.childId),
      partners: diaryPartners(db, input.childId).map((p) => {
        const answer = checkConsent(db, { childId: input.childId, scope: 'diary', recipientId: p.partnerId, on });
        return {
          partnerId: p.partnerId,
          name: p.name,
          kind: p.kind,
          attends: attendsThatDay.has(p.partnerId) || p.attendsEver,
          consent: { valid: answer.valid, consentId: answer.consentId ?? null, message: answer.message },
        };
      }),
    };
  },

  'diary.add': (input, ctx) => {
    const db = ctx.db();
    const at = ctx.nowIso();
    // A diary records what has happened: next week's day is a slip (the week view opens on today).
    const dayProblem = pastDayProblem(input.day, todayOf(ctx), 'This day');
    if (dayProblem) throw fieldError('day', dayProblem);
    assertBornBy(db, input.childId, input.day, 'day');
    // Today, a time still to come is a slip too (a few minutes' grace for a clock running fast).
    if (input.time && londonDateTime(input.day, input.time).getTime() > ctx.now().getTime() + 5 * 60_000) {
      throw fieldError('time', 'That time has not come yet today: give the time it happened.');
    }
    if (input.shareWith?.length) {
      requireSharer(ctx);
      if (!input.shareMethod) throw fieldError('shareMethod', 'Say how it will be shared.');
    }
    const id = insertEntry(db, input, ctx.user.userId, at);
    const shares: { partnerId: string; shareId: string }[] = [];
    const on = todayOf(ctx);
    for (const partnerId of new Set(input.shareWith ?? [])) {
      const answer = checkConsent(db, { childId: input.childId, scope: 'diary', recipientId: partnerId, on });
      if (!answer.valid) throw new TwoWayError('conflict', `Not saved: this entry cannot be shared. ${answer.message}`);
      shares.push({ partnerId, shareId: insertShare(db, { entryId: id, partnerId, consentId: answer.consentId ?? null, method: input.shareMethod! }, ctx.user.userId, at) });
      ctx.touch(`partner:${partnerId}`);
    }
    ctx.touch(`diary:${id}`);
    return { id, shares };
  },

  'diary.amend': (input, ctx) => {
    const { childId, revision } = amendEntry(ctx.db(), input, ctx.user, ctx.nowIso());
    ctx.touch(`child:${childId}`);
    return { id: input.entryId, revision };
  },

  'diary.closeFollowUp': (input, ctx) => {
    const childId = closeFollowUp(ctx.db(), input.entryId, input.note?.trim() || null, ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${childId}`);
    return { ok: true as const };
  },

  'diary.entry': (input, ctx) => {
    const result = readEntry(ctx.db(), input.entryId);
    ctx.touch(`child:${result.entry.childId}`);
    return result;
  },

  'diary.childWeek': (input, ctx) => {
    const db = ctx.db();
    const settingName = settingNameOf(ctx);
    return readTx(db, () => {
      const child = requireChild(db, input.childId);
      const monday = weekStart(input.week);
      const days = daysOfWeek(db, input.childId, monday);
      const partnerIds = [...new Set(days.flatMap((d) => d.partners.map((p) => p.partnerId)))];
      return {
        child,
        weekStart: monday,
        days,
        plans: weekPlans(db, monday, partnerIds, settingName),
        entries: childWeekEntries(db, input.childId, monday),
      };
    });
  },

  'diary.roomWeek': (input, ctx) => {
    const db = ctx.db();
    const settingName = settingNameOf(ctx);
    const monday = weekStart(input.week);
    const days = weekDays(monday);
    const { children, cells, plan } = readTx(db, () => ({
      children: roomChildren(db, input.room),
      cells: roomWeekCells(db, input.room, monday),
      plan: weekPlans(db, monday, [], settingName)[0] ?? null,
    }));
    ctx.touch(...children.map((c) => `child:${c.childId}`));
    return {
      room: input.room,
      weekStart: monday,
      plan,
      children: children.map((c) => ({ ...c, days: days.map((d) => cells.get(c.childId)?.get(d) ?? emptyCell(d)) })),
    };
  },

  'diary.patterns': (input, ctx) => {
    const db = ctx.db();
    // The span never reaches past today: the weeks end with the week of `until` (at the latest
    // this week), and this week counts only up to today.
    const now = todayOf(ctx);
    const mondays = weeksEndingWith(input.until && input.until < now ? input.until : now, input.weeks);
    const from = mondays[0];
    const weekEnd = addDays(mondays[mondays.length - 1], 6);
    const to = weekEnd < now ? weekEnd : now;
    return readTx(db, () => {
      const child = requireChild(db, input.childId);
      const result = findPatterns(patternCounts(db, input.childId, from, to), dayBeforeDescriber(db, input.childId));
      return { child, from, to, weeks: input.weeks, rule: PATTERN_RULE_TEXT, ...result };
    });
  },

  'diary.openFollowUps': (_input, ctx) => {
    const result = openFollowUps(ctx.db());
    ctx.touch(...new Set(result.followUps.map((f) => `child:${f.childId}`)));
    return result;
  },

  'diary.search': (input, ctx) => {
    const result = search(ctx.db(), input);
    ctx.touch(...new Set(result.hits.map((h) => `child:${h.childId}`)));
    return result;
  },

  'diary.share': (input, ctx) => {
    const db = ctx.db();
    const childId = entryChildId(db, input.entryId);
    const answer = checkConsent(db, { childId, scope: 'diary', recipientId: input.partnerId, on: todayOf(ctx) });
    ctx.touch(`child:${childId}`);
    // A refusal is answered, not thrown: the attempt is audited and the screen explains it.
    if (!answer.valid) return { shared: false as const, reason: answer.reason, message: answer.message };
    const shareId = insertShare(db, { entryId: input.entryId, partnerId: input.partnerId, consentId: answer.consentId ?? null, method: input.method }, ctx.user.userId, ctx.nowIso());
    return { shared: true as const, shareId, consentId: answer.consentId ?? null };
  },

  'diary.sharingHistory': (input, ctx) => {
    requireChild(ctx.db(), input.childId);
    return { shares: sharingHistory(ctx.db(), input.childId) };
  },

  'diary.setWeekPlan': (input, ctx) => {
    const id = insertWeekPlan(ctx.db(), input, ctx.user.userId, ctx.nowIso());
    return { id };
  },
};
