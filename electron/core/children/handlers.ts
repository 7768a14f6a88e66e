import type { carersChannels, childrenChannels, ChildSummary } from '../../../shared/contract/children';
import { londonDay } from '../../../shared/domain/dates';
import type { CallContext, HandlersFor } from '../context';
import { consentAttention } from '../consent/repo';
import { requirePartner } from '../partners/repo';
import { readSettings } from '../settings/repo';
import { readProfile } from '../setting/repo';
import { findCarer, insertCarer, listCarers, updateCarer } from './carers';
import { endHealth, insertContact, insertHealth, moveContact, removeContact, requireChildRow, updateContact, updateHealth } from './records';
import { insertChild, listChildren, readChildFile, requireChild, updateChild } from './repo';
import { endSharedCare, insertSharedCare, settingsForDay, updateSharedCare } from './shared-care';

const today = (ctx: CallContext) => londonDay(ctx.now());
const settingName = (ctx: CallContext) => readSettings(ctx.db(), ctx.state.vault.settingName() ?? '').settingName;
const contactCheckMonths = (ctx: CallContext) => readSettings(ctx.db(), '').contactCheckMonths;

export const childrenHandlers: HandlersFor<typeof childrenChannels> = {
  'children.list': (input, ctx) => {
    const db = ctx.db();
    const day = today(ctx);
    return listChildren(db, input, {
      today: day,
      contactCheckMonths: contactCheckMonths(ctx),
      consentAttention: (childId, partners) => consentAttention(db, childId, day, partners),
    });
  },

  'children.get': (input, ctx) => readChildFile(ctx.db(), input.childId, today(ctx), contactCheckMonths(ctx), settingName(ctx)),

  'children.create': (input, ctx) => {
    const id = insertChild(ctx.db(), input, today(ctx), ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${id}`);
    return { id };
  },

  'children.update': (input, ctx) => {
    updateChild(ctx.db(), input, today(ctx), ctx.user.userId, ctx.nowIso());
    return { ok: true };
  },

  'children.addContact': (input, ctx) => ({ id: insertContact(ctx.db(), input, today(ctx), ctx.user.userId, ctx.nowIso()) }),

  'children.updateContact': (input, ctx) => {
    ctx.touch(`child:${updateContact(ctx.db(), input, today(ctx), ctx.user.userId, ctx.nowIso())}`);
    return { ok: true };
  },

  'children.moveContact': (input, ctx) => {
    ctx.touch(`child:${moveContact(ctx.db(), input.contactId, input.direction, ctx.user.userId, ctx.nowIso())}`);
    return { ok: true };
  },

  'children.removeContact': (input, ctx) => {
    ctx.touch(`child:${removeContact(ctx.db(), input.contactId, input.reason, ctx.user.userId, ctx.nowIso())}`);
    return { ok: true };
  },

  'children.addHealth': (input, ctx) => ({ id: insertHealth(ctx.db(), input, ctx.user.userId, ctx.nowIso()) }),

  'children.updateHealth': (input, ctx) => {
    ctx.touch(`child:${updateHealth(ctx.db(), input, ctx.user.userId, ctx.nowIso())}`);
    return { ok: true };
  },

  'children.endHealth': (input, ctx) => {
    ctx.touch(`child:${endHealth(ctx.db(), input.healthId, input.reason, ctx.user.userId, ctx.nowIso())}`);
    return { ok: true };
  },

  'children.addSharedCare': (input, ctx) => ({ id: insertSharedCare(ctx.db(), input, ctx.user.userId, ctx.nowIso()) }),

  'children.updateSharedCare': (input, ctx) => {
    ctx.touch(`child:${updateSharedCare(ctx.db(), input, ctx.user.userId, ctx.nowIso())}`);
    return { ok: true };
  },

  'children.endSharedCare': (input, ctx) => {
    ctx.touch(`child:${endSharedCare(ctx.db(), input.sharedCareId, input.on, ctx.user.userId, ctx.nowIso())}`);
    return { ok: true };
  },

  'children.whereOn': (input, ctx) => {
    requireChildRow(ctx.db(), input.childId);
    return settingsForDay(ctx.db(), input.childId, input.day);
  },

  'children.summary': (input, ctx) => {
    const db = ctx.db();
    const day = today(ctx);
    const profile = readProfile(db, ctx.state.vault.settingName() ?? '');
    const file = readChildFile(db, input.childId, day, contactCheckMonths(ctx), profile.name);
    const partner = input.partnerId ? requirePartner(db, input.partnerId) : null;
    const current = file.sharedCare.filter((s) => s.current);
    const summary: ChildSummary = {
      child: file.child,
      preparedFor: partner && { partnerId: partner.id, name: partner.name },
      setting: { name: profile.name, address: profile.address, phone: profile.phone },
      keyPersons: [
        { settingName: profile.name, name: file.child.keyPersonName, contact: profile.phone, days: file.child.attendance },
        ...current.map((s) => ({ settingName: s.partnerName, name: s.keyPersonName, contact: s.keyPersonContact ?? s.partnerPhone, days: s.days })),
      ],
      transfers: current
        .filter((s) => s.transferWho || s.transferWhen || s.handover)
        .map((s) => ({ partnerName: s.partnerName, who: s.transferWho, when: s.transferWhen, handover: s.handover })),
      health: file.health.filter((h) => !h.ended),
      contacts: file.contacts,
      carers: file.carers,
      restrictions: file.restrictions,
      printedBy: ctx.user.fullName,
      printedAt: ctx.nowIso(),
    };
    return summary;
  },
};

export const carersHandlers: HandlersFor<typeof carersChannels> = {
  'carers.list': (input, ctx) => {
    requireChild(ctx.db(), input.childId);
    return { carers: listCarers(ctx.db(), input.childId) };
  },

  'carers.create': (input, ctx) => {
    const id = insertCarer(ctx.db(), input, ctx.user.userId, ctx.nowIso());
    ctx.touch(`carer:${id}`);
    return { id };
  },

  'carers.update': (input, ctx) => {
    updateCarer(ctx.db(), input, today(ctx), ctx.user.userId, ctx.nowIso());
    const carer = findCarer(ctx.db(), input.carerId);
    if (carer) ctx.touch(`child:${carer.childId}`);
    return { ok: true };
  },
};
