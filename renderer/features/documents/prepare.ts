import { DOCUMENT_MAX_BYTES, DOCUMENT_TOO_BIG, DOCUMENT_TYPES, IMAGE_MAX_SIDE, type DocumentMime } from '../../../shared/contract/documents';

// Getting a chosen or dropped file ready to send to the core (which checks it again). A large photo
// (a phone picture copied over USB) is scaled down here with a canvas, so the database stays small;
// the original goes too only when asked. HEIC is turned into JPEG where this browser can decode it.

const BY_EXTENSION: Record<string, DocumentMime> = Object.fromEntries(
  Object.entries(DOCUMENT_TYPES).flatMap(([mime, t]) => [[t.extension, mime as DocumentMime], ...(t.extension === 'jpg' ? [['jpeg', mime as DocumentMime]] : [])]),
) as Record<string, DocumentMime>;
BY_EXTENSION.heif = 'image/heic';

/** The kind of file, from its type or (Windows often gives none for HEIC) its extension; null if not kept. */
export function mimeOf(file: File): DocumentMime | null {
  if (file.type in DOCUMENT_TYPES) return file.type as DocumentMime;
  if (file.type === 'image/heif') return 'image/heic';
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[ext] ?? null;
}

export const NOT_KEPT = 'TwoWay keeps PDFs, photos (JPEG, PNG, HEIC) and Word documents. Save it as a PDF first, or choose another file.';

export interface Prepared {
  mime: DocumentMime;
  data: string;
  original?: string;
  scaled: boolean;
  fileName: string;
  /** Said to the user: "scaled down from 4032 × 3024" or that a HEIC could not be shown. */
  note: string | null;
}

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

async function scaleDown(file: File, mime: DocumentMime): Promise<{ blob: Blob; mime: DocumentMime; from: string } | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null; // this browser cannot decode it (most cannot decode HEIC)
  }
  const longest = Math.max(bitmap.width, bitmap.height);
  const needed = longest > IMAGE_MAX_SIDE || mime === 'image/heic';
  if (!needed) return null;
  const ratio = Math.min(1, IMAGE_MAX_SIDE / longest);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * ratio);
  canvas.height = Math.round(bitmap.height * ratio);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const outMime: DocumentMime = mime === 'image/png' ? 'image/png' : 'image/jpeg';
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, outMime, 0.85));
  const from = `${bitmap.width} × ${bitmap.height}`;
  bitmap.close();
  return blob ? { blob, mime: outMime, from } : null;
}

/** Reads, and for large photos scales, a file; throws an Error with a message for the user. */
export async function prepareFile(file: File, keepOriginal: boolean): Promise<Prepared> {
  const mime = mimeOf(file);
  if (!mime) throw new Error(NOT_KEPT);
  const isImage = mime.startsWith('image/');
  const scaled = isImage ? await scaleDown(file, mime) : null;
  const finalSize = scaled?.blob.size ?? file.size;
  if (finalSize > DOCUMENT_MAX_BYTES) throw new Error(DOCUMENT_TOO_BIG);
  if (!scaled) {
    const note = mime === 'image/heic' ? 'This HEIC photo cannot be shown inside TwoWay on this computer; it is kept as it is.' : null;
    return { mime, data: await base64Of(file), scaled: false, fileName: file.name, note };
  }
  const keep = keepOriginal && file.size <= DOCUMENT_MAX_BYTES;
  return {
    mime: scaled.mime,
    data: await base64Of(scaled.blob),
    ...(keep && scaled.mime === mime ? { original: await base64Of(file) } : {}),
    scaled: true,
    fileName: scaled.mime === mime ? file.name : file.name.replace(/\.[^.]*$/, '.jpg'),
    note: `Scaled down from ${scaled.from} pixels${keep && scaled.mime === mime ? '; the original is kept too' : ''}.`,
  };
}
