import type { auditChannels } from '../../../shared/contract/audit';
import type { HandlersFor } from '../context';
import { listAudit, verifyAudit } from './log';

export const auditHandlers: HandlersFor<typeof auditChannels> = {
  'audit.list': (input, ctx) => listAudit(ctx.db(), input),
  'audit.verify': (_input, ctx) => verifyAudit(ctx.db()),
};
