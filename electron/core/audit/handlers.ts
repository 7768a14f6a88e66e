import type { auditChannels } from '../../../shared/contract/audit';
import type { HandlersFor } from '../context';
import { FREE_LOGIN_ATTEMPTS } from '../vault/backoff';
import { failedLoginsSince, listAudit, verifyAudit } from './log';

/** Home warns administrators when this many failed logins (a back-off's worth) happened in a week. */
const ALERT_DAYS = 7;

export const auditHandlers: HandlersFor<typeof auditChannels> = {
  'audit.list': (input, ctx) => listAudit(ctx.db(), input),
  'audit.verify': (_input, ctx) => verifyAudit(ctx.db()),
  'audit.loginAlerts': (_input, ctx) => {
    const since = new Date(ctx.now().getTime() - ALERT_DAYS * 24 * 60 * 60 * 1000).toISOString();
    const { count, lastAt } = failedLoginsSince(ctx.db(), since);
    return { failedLogins: count, pilingUp: count >= FREE_LOGIN_ATTEMPTS, since, lastAt };
  },
};
