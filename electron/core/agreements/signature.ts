import { MAX_SIGNATURE_BYTES, PNG_DATA_URL } from '../../../shared/contract/agreements';
import { fieldError } from '../../../shared/contract/fields';

// A drawn signature arrives from the renderer as a PNG data URL. The renderer is not trusted: the
// core checks it is really a PNG of sensible size before it is stored and later drawn into a print.

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Wider than any signature box on any screen, small enough that a print never stalls on one. */
const MAX_SIDE = 4000;

const refuse = (message: string) => fieldError('signature.image', message, 'The signature could not be saved.');

export function checkDrawnSignature(dataUrl: string): string {
  if (!dataUrl.startsWith(PNG_DATA_URL)) throw refuse('Draw the signature in the box.');
  const b64 = dataUrl.slice(PNG_DATA_URL.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw refuse('That signature could not be read. Clear it and sign again.');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES) throw refuse('That signature is too large. Clear it and sign again.');
  // The PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_MAGIC) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw refuse('That signature could not be read. Clear it and sign again.');
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 10 || height < 10 || width > MAX_SIDE || height > MAX_SIDE) throw refuse('That signature could not be read. Clear it and sign again.');
  return `${PNG_DATA_URL}${b64}`;
}
