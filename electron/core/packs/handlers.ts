import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { TwoWayError } from '../../../shared/contract/errors';
import { fieldError } from '../../../shared/contract/fields';
import type { packsChannels, PrintJob } from '../../../shared/contract/packs';
import { londonDay } from '../../../shared/domain/dates';
import type { CallContext, HandlersFor } from '../context';
import { requireWritableFolder, safeFileName, writeFileWhole } from '../files/folder';
import { recordPackMade } from '../meetings/repo';
import { readSettings } from '../settings/repo';
import { buildPack } from './content';

const packOf = (ctx: CallContext, meetingId: string) =>
  buildPack(ctx.db(), {
    meetingId,
    printedBy: ctx.user.fullName,
    printedAt: ctx.nowIso(),
    today: londonDay(ctx.now()),
    fallbackSettingName: ctx.state.vault.settingName() ?? '',
  });

async function render(ctx: CallContext, job: PrintJob): Promise<Uint8Array> {
  const renderPdf = ctx.state.platform.renderPdf;
  if (!renderPdf) throw new TwoWayError('unavailable', 'This copy of TwoWay cannot make PDF files. Print the pack instead.');
  return renderPdf(job);
}

const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();

export const packsHandlers: HandlersFor<typeof packsChannels> = {
  'packs.content': (input, ctx) => {
    const result = packOf(ctx, input.meetingId);
    ctx.touch(`child:${result.pack.childId}`, `meeting:${input.meetingId}`);
    return result;
  },

  'packs.capabilities': (_input, ctx) => ({ savePdfs: Boolean(ctx.state.platform.renderPdf), chooseFolder: Boolean(ctx.state.platform.chooseFolder) }),

  'packs.chooseFolder': async (_input, ctx) => {
    const choose = ctx.state.platform.chooseFolder;
    if (!choose) throw new TwoWayError('unavailable', 'Type the folder’s full path instead.');
    return { folder: await choose({ title: 'Choose where to save the meeting packs' }) };
  },

  // Audited as a write and a print: a PDF on disk is a copy of a child's records leaving the database.
  'packs.save': async (input, ctx) => {
    const folder = await requireWritableFolder(input.folder);
    const { pack, omitted } = packOf(ctx, input.meetingId);
    const bytes = await render(ctx, { document: 'meeting-pack', pack });
    // Day and time: a child can have two meetings on one day, and a pack must never overwrite another.
    const fileName = `${safeFileName(pack.cover.childName)} - meeting pack - ${pack.cover.on} ${pack.cover.at.replace(':', '.')}.pdf`;
    const file = await writeFileWhole(folder, fileName, bytes);
    const pages = await pageCount(bytes);
    recordPackMade(ctx.db(), input.meetingId, pages, ctx.user.userId, ctx.nowIso());
    ctx.touch('print:meeting-pack', `child:${pack.childId}`, `meeting:${input.meetingId}`);
    return { file, fileName, pages, bytes: bytes.byteLength, omitted };
  },

  'packs.saveOfficeSheet': async (input, ctx) => {
    const folder = await requireWritableFolder(input.folder);
    const omitted = input.meetingIds.flatMap((id) => {
      const { pack, omitted: left } = packOf(ctx, id);
      ctx.touch(`child:${pack.childId}`, `meeting:${id}`);
      return left;
    });
    const settingName = readSettings(ctx.db(), ctx.state.vault.settingName() ?? '').settingName;
    const bytes = await render(ctx, { document: 'meeting-pack-office-sheet', omitted, settingName, printedBy: ctx.user.fullName, printedAt: ctx.nowIso() });
    const fileName = `Office sheet - left out of the packs - ${londonDay(ctx.now())}.pdf`;
    const file = await writeFileWhole(folder, fileName, bytes);
    ctx.touch('print:meeting-pack-office-sheet');
    return { file, fileName, pages: await pageCount(bytes) };
  },

  // Joins packs already on disk: each keeps its own "page n of m", and nothing new is read from the database.
  'packs.combine': async (input, ctx) => {
    const folder = await requireWritableFolder(input.folder);
    const combined = await PDFDocument.create();
    for (const name of input.fileNames) {
      if (basename(name) !== name) throw fieldError('fileNames', 'Choose PDF files made in this folder.');
      const bytes = await readFile(join(folder, name)).catch(() => null);
      if (!bytes) throw fieldError('fileNames', `“${name}” is no longer in that folder. Make the packs again.`);
      const doc = await PDFDocument.load(bytes).catch(() => null);
      if (!doc) throw fieldError('fileNames', `“${name}” is not a PDF TwoWay can read. Make the packs again.`);
      for (const page of await combined.copyPages(doc, doc.getPageIndices())) combined.addPage(page);
    }
    const bytes = await combined.save();
    const fileName = `Meeting packs - all ${input.fileNames.length} - ${londonDay(ctx.now())}.pdf`;
    const file = await writeFileWhole(folder, fileName, bytes);
    ctx.touch('print:meeting-pack');
    return { file, fileName, pages: combined.getPageCount() };
  },
};
