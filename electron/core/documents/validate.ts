import { createHash } from 'node:crypto';
import { DOCUMENT_MAX_BYTES, DOCUMENT_TOO_BIG, DOCUMENT_TYPES, type DocumentMime } from '../../../shared/contract/documents';
import { fieldError } from '../../../shared/contract/fields';

// The renderer is never trusted with what a file is: the core decodes the bytes, checks their size
// and that their first bytes (the "magic number") are those of the kind of file they claim to be.

const startsWith = (data: Buffer, bytes: number[], at = 0) => data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const HEIC_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

const MAGIC: Record<DocumentMime, (data: Buffer) => boolean> = {
  'application/pdf': (d) => startsWith(d, ascii('%PDF-')),
  'image/jpeg': (d) => startsWith(d, [0xff, 0xd8, 0xff]),
  'image/png': (d) => startsWith(d, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  // ISO base media: a box size, then `ftyp` and the brand.
  'image/heic': (d) => startsWith(d, ascii('ftyp'), 4) && HEIC_BRANDS.includes(d.subarray(8, 12).toString('latin1')),
  // The old Word format is an OLE compound file; the new one a zip with a word/ folder in it.
  'application/msword': (d) => startsWith(d, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (d) => startsWith(d, [0x50, 0x4b, 0x03, 0x04]) && d.includes('word/'),
};

/** The file's bytes, checked: a size within the limit and contents of the kind named. */
export function checkedBytes(base64: string, mime: DocumentMime, field: string): Buffer {
  const data = Buffer.from(base64, 'base64');
  if (data.length === 0) throw fieldError(field, 'That file is empty. Choose it again.');
  if (data.length > DOCUMENT_MAX_BYTES) throw fieldError(field, DOCUMENT_TOO_BIG);
  if (!MAGIC[mime](data)) {
    throw fieldError(field, `That file is not a real ${DOCUMENT_TYPES[mime].label}: its contents do not match. Choose the file again, or save it as a PDF first.`);
  }
  return data;
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
