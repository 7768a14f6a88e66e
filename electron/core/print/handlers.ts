import { TwoWayError } from '../../../shared/contract/errors';
import type { printChannels } from '../../../shared/contract/print';
import type { HandlersFor } from '../context';

export const printHandlers: HandlersFor<typeof printChannels> = {
  'print.capabilities': (_input, ctx) => ({ savePdf: Boolean(ctx.state.platform.savePdf) }),

  // Audited as a write: a PDF on disk is a copy of confidential records leaving the database.
  'print.savePdf': async (input, ctx) => {
    const savePdf = ctx.state.platform.savePdf;
    if (!savePdf) throw new TwoWayError('unavailable', 'Saving as a PDF works in the TwoWay desktop app. Use Print instead.');
    ctx.touch(`print:${input.document}`, ...(input.recordId ? [`record:${input.recordId}`] : []));
    return { saved: await savePdf({ suggestedName: input.suggestedName, landscape: input.landscape }) };
  },
};
