import type { consentChannels } from '../../../shared/contract/consent';
import { londonDay } from '../../../shared/domain/dates';
import type { HandlersFor } from '../context';
import { checkConsent } from './check';
import { acknowledge, readRegister, recordConsent, withdrawConsent } from './repo';

export const consentHandlers: HandlersFor<typeof consentChannels> = {
  'consent.record': (input, ctx) => ({ id: recordConsent(ctx.db(), input, londonDay(ctx.now()), ctx.user.userId, ctx.nowIso()) }),

  'consent.withdraw': (input, ctx) => {
    const { id, childId } = withdrawConsent(ctx.db(), input, londonDay(ctx.now()), ctx.user.userId, ctx.nowIso());
    ctx.touch(`child:${childId}`);
    return { id };
  },

  'consent.acknowledge': (input, ctx) => ({ id: acknowledge(ctx.db(), input, londonDay(ctx.now()), ctx.user.userId, ctx.nowIso()) }),

  'consent.check': (input, ctx) => {
    const answer = checkConsent(ctx.db(), input);
    if (answer.consentId) ctx.touch(`consent:${answer.consentId}`);
    return answer;
  },

  'consent.register': (input, ctx) => readRegister(ctx.db(), input.childId, londonDay(ctx.now())),
};
