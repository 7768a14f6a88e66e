import type { partnersChannels } from '../../../shared/contract/partners';
import { londonDay } from '../../../shared/domain/dates';
import type { HandlersFor } from '../context';
import { findPartner, insertPartner, listPartners, requirePartner, updatePartner } from './repo';

export const partnersHandlers: HandlersFor<typeof partnersChannels> = {
  'partners.list': (input, ctx) => ({ partners: listPartners(ctx.db(), londonDay(ctx.now()), input ?? {}) }),

  'partners.get': (input, ctx) => {
    requirePartner(ctx.db(), input.partnerId);
    return findPartner(ctx.db(), input.partnerId, londonDay(ctx.now()))!;
  },

  'partners.create': (input, ctx) => {
    const id = insertPartner(ctx.db(), input, ctx.user.userId, ctx.nowIso());
    ctx.touch(`partner:${id}`);
    return { id };
  },

  'partners.update': (input, ctx) => {
    updatePartner(ctx.db(), input, ctx.user.userId, ctx.nowIso());
    return { ok: true };
  },
};
