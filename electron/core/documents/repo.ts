import type { DocumentMime, DocumentOwnerType, DocumentSummary } from '../../../shared/contract/documents';
import type { Db } from '../db/connection';
import { all, get, newId, run } from '../db/sql';

interface DocumentRow {
  id: string;
  owner_type: DocumentOwnerType;
  owner_id: string;
  child_id: string;
  series_id: string;
  version: number;
  title: string;
  refers_to: string | null;
  agency: string | null;
  file_name: string;
  mime: DocumentMime;
  size: number;
  scaled: number;
  has_original: number | null;
  superseded: number;
  added_by_name: string;
  added_at: string;
  removed_by_name: string | null;
  removed_at: string | null;
  removed_reason: string | null;
}

const SELECT = `
  SELECT d.id, d.owner_type, d.owner_id, d.child_id, d.series_id, d.version, d.title, d.refers_to,
    COALESCE(p.name, d.source_agency) AS agency, d.file_name, d.mime, d.size, d.scaled,
    (c.original IS NOT NULL) AS has_original,
    EXISTS (SELECT 1 FROM documents n WHERE n.series_id = d.series_id AND n.version > d.version) AS superseded,
    d.added_by_name, d.added_at,
    r.removed_by_name, r.at AS removed_at, r.reason AS removed_reason
  FROM documents d
  LEFT JOIN partners p ON p.id = d.source_partner_id
  LEFT JOIN document_contents c ON c.document_id = d.id
  LEFT JOIN document_removals r ON r.document_id = d.id`;

function toSummary(r: DocumentRow): DocumentSummary {
  return {
    id: r.id,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    childId: r.child_id,
    title: r.title,
    refersTo: r.refers_to,
    sourceAgency: r.agency,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    scaled: r.scaled === 1,
    hasOriginal: r.has_original === 1,
    seriesId: r.series_id,
    version: r.version,
    superseded: r.superseded === 1,
    addedByName: r.added_by_name,
    addedAt: r.added_at,
    removed: r.removed_at ? { byName: r.removed_by_name ?? '', at: r.removed_at, reason: r.removed_reason ?? '' } : null,
  };
}

export function findDocument(db: Db, id: string): DocumentSummary | null {
  const r = get<DocumentRow>(db, `${SELECT} WHERE d.id = $id`, { id });
  return r ? toSummary(r) : null;
}

export function documentsOf(db: Db, ownerType: DocumentOwnerType, ownerId: string): DocumentSummary[] {
  return all<DocumentRow>(db, `${SELECT} WHERE d.owner_type = $ownerType AND d.owner_id = $ownerId ORDER BY d.added_at, d.version`, { ownerType, ownerId }).map(toSummary);
}

export function documentsOfChild(db: Db, childId: string): DocumentSummary[] {
  return all<DocumentRow>(db, `${SELECT} WHERE d.child_id = $childId ORDER BY d.added_at, d.version`, { childId }).map(toSummary);
}

export interface NewDocument {
  ownerType: DocumentOwnerType;
  ownerId: string;
  childId: string;
  seriesId: string | null;
  title: string;
  refersTo: string | null;
  sourcePartnerId: string | null;
  sourceAgency: string | null;
  fileName: string;
  mime: DocumentMime;
  data: Buffer;
  original: Buffer | null;
  scaled: boolean;
  sha256: string;
  addedBy: { userId: string; name: string };
  at: string;
}

export function insertDocument(db: Db, d: NewDocument): string {
  const id = newId();
  const seriesId = d.seriesId ?? id;
  const version = (get<{ v: number | null }>(db, 'SELECT MAX(version) AS v FROM documents WHERE series_id = $seriesId', { seriesId })?.v ?? 0) + 1;
  run(
    db,
    `INSERT INTO documents (id, owner_type, owner_id, child_id, series_id, version, title, refers_to, source_partner_id, source_agency,
       file_name, mime, size, sha256, scaled, added_by, added_by_name, added_at)
     VALUES ($id, $ownerType, $ownerId, $childId, $seriesId, $version, $title, $refersTo, $sourcePartnerId, $sourceAgency,
       $fileName, $mime, $size, $sha256, $scaled, $addedBy, $addedByName, $at)`,
    {
      id,
      ownerType: d.ownerType,
      ownerId: d.ownerId,
      childId: d.childId,
      seriesId,
      version,
      title: d.title,
      refersTo: d.refersTo,
      sourcePartnerId: d.sourcePartnerId,
      sourceAgency: d.sourceAgency,
      fileName: d.fileName,
      mime: d.mime,
      size: d.data.length,
      sha256: d.sha256,
      scaled: d.scaled ? 1 : 0,
      addedBy: d.addedBy.userId,
      addedByName: d.addedBy.name,
      at: d.at,
    },
  );
  // The blob goes in as bytes (the small helpers bind only text and numbers).
  db.prepare('INSERT INTO document_contents (document_id, data, original) VALUES ($id, $data, $original)').run({ id, data: new Uint8Array(d.data), original: d.original ? new Uint8Array(d.original) : null });
  return id;
}

export function documentBytes(db: Db, id: string, original: boolean): Uint8Array | null {
  const row = db.prepare(`SELECT ${original ? 'original' : 'data'} AS bytes FROM document_contents WHERE document_id = $id`).get({ id }) as { bytes: Uint8Array | null } | undefined;
  return row?.bytes ?? null;
}

/** The disposal: the removal is recorded, then the content deleted (the trigger allows it only then). */
export function removeDocument(db: Db, id: string, reason: string, by: { userId: string; name: string }, at: string): void {
  run(db, 'INSERT INTO document_removals (document_id, removed_by, removed_by_name, reason, at) VALUES ($id, $by, $name, $reason, $at)', {
    id,
    by: by.userId,
    name: by.name,
    reason,
    at,
  });
  run(db, 'DELETE FROM document_contents WHERE document_id = $id', { id });
}
