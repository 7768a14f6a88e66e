import { TwoWayError } from '../../../shared/contract/errors';
import type { printChannels } from '../../../shared/contract/print';
import type { CallContext, HandlersFor } from '../context';
import { get } from '../db/sql';
import { recordPackMade } from '../meetings/repo';

/**
 * Names the printed record for the audit entry: which document, and which child it is about, worked
 * out here from the record (a child, a sharing decision or a diary entry), not taken from the window.
 */
function touchPrinted(ctx: CallContext, document: string, ref: string | undefined): void {
  ctx.touch(`print:${document}`);
  if (!ref) return;
  // Either a bare id or a reference such as `child:…` / `sharing:…`.
  const recordId = /^[a-z]+:/.test(ref) ? ref.slice(ref.indexOf(':') + 1) : ref;
  const db = ctx.db();
  if (get(db, 'SELECT 1 AS x FROM children WHERE id = $id', { id: recordId })) return ctx.touch(`child:${recordId}`);
  const decision = get<{ child_id: string }>(db, 'SELECT child_id FROM sharing_decisions WHERE id = $id', { id: recordId });
  if (decision) return ctx.touch(`child:${decision.child_id}`, `sharing:${recordId}`);
  const kept = get<{ child_id: string }>(db, 'SELECT child_id FROM documents WHERE id = $id', { id: recordId });
  if (kept) return ctx.touch(`child:${kept.child_id}`, `document:${recordId}`);
  const entry = get<{ child_id: string }>(db, 'SELECT child_id FROM diary_entries WHERE id = $id', { id: recordId });
  if (entry) return ctx.touch(`child:${entry.child_id}`, `diary:${recordId}`);
  const meeting = get<{ child_id: string }>(db, 'SELECT child_id FROM meetings WHERE id = $id', { id: recordId });
  if (meeting) return ctx.touch(`child:${meeting.child_id}`, `meeting:${recordId}`);
  ctx.touch(/^[a-z]+:/.test(ref) ? ref : `record:${ref}`);
}

export const printHandlers: HandlersFor<typeof printChannels> = {
  // Every print is a write in the audit trail: paper is a copy of confidential records leaving the database.
  'print.record': (input, ctx) => {
    touchPrinted(ctx, input.document, input.recordId);
    // A meeting pack printed on paper counts as made, as one saved as a PDF does: the planner stops
    // listing it among the packs to print. (Pages 0: TwoWay does not count pages printed on paper.)
    const meetingId = input.document === 'meeting-pack' && input.recordId?.startsWith('meeting:') ? input.recordId.slice('meeting:'.length) : null;
    if (meetingId && get(ctx.db(), 'SELECT 1 AS x FROM meetings WHERE id = $id', { id: meetingId })) {
      recordPackMade(ctx.db(), meetingId, 0, ctx.user.userId, ctx.nowIso());
    }
    return { ok: true as const };
  },

  'print.capabilities': (_input, ctx) => ({ savePdf: Boolean(ctx.state.platform.savePdf), saveFile: Boolean(ctx.state.platform.saveFile) }),

  // Audited as a write: a PDF on disk is a copy of confidential records leaving the database.
  'print.savePdf': async (input, ctx) => {
    const savePdf = ctx.state.platform.savePdf;
    if (!savePdf) throw new TwoWayError('unavailable', 'Saving as a PDF works in the TwoWay desktop app. Use Print instead.');
    touchPrinted(ctx, input.document, input.recordId);
    return { saved: await savePdf({ suggestedName: input.suggestedName, landscape: input.landscape }) };
  },
};
