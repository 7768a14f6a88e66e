import { DOCUMENT_TYPES, type documentsChannels } from '../../../shared/contract/documents';
import { assertIdle } from '../backup/progress';
import { TwoWayError } from '../../../shared/contract/errors';
import { fieldError } from '../../../shared/contract/fields';
import { plannedDayProblem } from '../../../shared/domain/day-rules';
import { today } from '../../../shared/domain/weeks';
import { requireRecentConfirmation } from '../auth/step-up';
import type { CallContext, HandlersFor } from '../context';
import { requirePartner } from '../partners/repo';
import { documentBytes, documentsOf, documentsOfChild, findDocument, insertDocument, removeDocument } from './repo';
import { mayReadOwner, OWNERS, requireOwner } from './owners';
import { checkedBytes, sha256 } from './validate';

const me = (ctx: CallContext) => ({ userId: ctx.user.userId, name: ctx.user.fullName });

/** A document the viewer may see (as its owner's rule says), or not-found; names it in the audit entry. */
function requireReadableDocument(ctx: CallContext, documentId: string) {
  const doc = findDocument(ctx.db(), documentId);
  if (!doc || !mayReadOwner(ctx.db(), ctx.user, doc.ownerType, doc.ownerId)) throw new TwoWayError('not-found', 'That document was not found, or it is not yours to see.');
  // A concern's documents are the safeguarding area's, behind the same step-up as the concern itself.
  if (doc.ownerType === 'concern') requireRecentConfirmation(ctx.state);
  ctx.touch(`document:${doc.id}`, OWNERS[doc.ownerType].ref(doc.ownerId), `child:${doc.childId}`);
  return doc;
}

function requirePresent(doc: { removed: unknown }) {
  if (doc.removed) throw new TwoWayError('conflict', 'That document was removed: only the record that it existed remains.');
}

/** A safe file name from a title, for "Save a copy". */
const fileNameOf = (title: string) => title.replace(/[\\/:*?"<>|\x00-\x1f]+/g, ' ').trim().slice(0, 100) || 'Document';

export const documentsHandlers: HandlersFor<typeof documentsChannels> = {
  'documents.add': (input, ctx) => {
    const db = ctx.db();
    const childId = requireOwner(db, ctx.user, input.ownerType, input.ownerId, 'add');
    // A letter can be about an appointment to come, but not years away, nor before 1990: a slip of the year.
    const dayProblem = input.refersTo ? plannedDayProblem(input.refersTo, today(ctx.now())) : null;
    if (dayProblem) throw fieldError('refersTo', dayProblem);
    const data = checkedBytes(input.data, input.mime, 'data');
    const original = input.original ? checkedBytes(input.original, input.mime, 'original') : null;
    let seriesId: string | null = null;
    if (input.versionOf) {
      const earlier = findDocument(db, input.versionOf);
      if (!earlier || earlier.ownerType !== input.ownerType || earlier.ownerId !== input.ownerId) throw fieldError('versionOf', 'That is not a document kept with this record.');
      seriesId = earlier.seriesId;
    }
    let sourcePartnerId: string | null = null;
    let sourceAgency: string | null = null;
    if (input.source.kind === 'agency') {
      if (input.source.partnerId) sourcePartnerId = requirePartner(db, input.source.partnerId, 'source.partnerId').id;
      else if (input.source.agency) sourceAgency = input.source.agency;
      else throw fieldError('source.agency', 'Say which agency it came from.');
    }
    const id = insertDocument(db, {
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      childId,
      seriesId,
      title: input.title,
      refersTo: input.refersTo ?? null,
      sourcePartnerId,
      sourceAgency,
      fileName: input.fileName,
      mime: input.mime,
      data,
      original,
      scaled: input.scaled,
      sha256: sha256(data),
      addedBy: me(ctx),
      at: ctx.nowIso(),
    });
    ctx.touch(`document:${id}`, OWNERS[input.ownerType].ref(input.ownerId), `child:${childId}`);
    return { id };
  },

  'documents.list': (input, ctx) => {
    const db = ctx.db();
    const childId = requireOwner(db, ctx.user, input.ownerType, input.ownerId, 'read');
    if (input.ownerType === 'concern') requireRecentConfirmation(ctx.state);
    ctx.touch(OWNERS[input.ownerType].ref(input.ownerId), `child:${childId}`);
    return { documents: documentsOf(db, input.ownerType, input.ownerId) };
  },

  'documents.forChild': (input, ctx) => {
    const db = ctx.db();
    requireOwner(db, ctx.user, 'child', input.childId, 'read');
    // Only those whose owner the viewer may read: a concern's documents stay with the safeguarding team.
    const documents = documentsOfChild(db, input.childId).filter((d) => mayReadOwner(db, ctx.user, d.ownerType, d.ownerId));
    for (const d of documents) ctx.touch(`document:${d.id}`);
    return { documents };
  },

  'documents.open': (input, ctx) => {
    const doc = requireReadableDocument(ctx, input.documentId);
    requirePresent(doc);
    const bytes = documentBytes(ctx.db(), doc.id, input.original);
    if (!bytes) throw new TwoWayError('not-found', input.original ? 'The photo as it was before scaling down was not kept.' : 'That document’s content is missing.');
    return { document: doc, data: Buffer.from(bytes).toString('base64') };
  },

  'documents.saveCopy': async (input, ctx) => {
    const saveFile = ctx.state.platform.saveFile;
    if (!saveFile) throw new TwoWayError('unavailable', 'Saving a copy works in the TwoWay desktop app.');
    const doc = requireReadableDocument(ctx, input.documentId);
    requirePresent(doc);
    const bytes = documentBytes(ctx.db(), doc.id, false);
    if (!bytes) throw new TwoWayError('not-found', 'That document’s content is missing.');
    return { saved: await saveFile({ suggestedName: fileNameOf(doc.title), extension: DOCUMENT_TYPES[doc.mime].extension, data: bytes }) };
  },

  'documents.remove': async (input, ctx) => {
    // As a disposal: not while a backup is made, which would keep the content and the WAL's copy of it.
    assertIdle(ctx.state);
    const doc = requireReadableDocument(ctx, input.documentId);
    requirePresent(doc);
    // The manager's own password, through the confirmation back-off (never delaying a login).
    try {
      const key = await ctx.state.vault.unlockWithPassword(ctx.user.username, input.password, 'confirmation');
      key.fill(0);
    } catch (error) {
      if (error instanceof TwoWayError && error.code === 'wrong-credentials') {
        throw new TwoWayError('wrong-credentials', 'That is not your password, so nothing was removed.', { issues: [{ path: ['password'], message: 'This is not your password.' }] });
      }
      throw error;
    }
    removeDocument(ctx.db(), doc.id, input.reason, me(ctx), ctx.nowIso());
    // Fold the write-ahead log back so the zeroed pages are all there is, in the main file too.
    ctx.after(() => ctx.db().pragma('wal_checkpoint(TRUNCATE)'));
    return { ok: true as const };
  },
};
