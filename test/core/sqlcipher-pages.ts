import { createDecipheriv } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// ---- SQLCipher pages, decrypted by hand, so a canary is looked for in the plaintext of every page ----
// SQLCipher 4 with a raw key: AES-256-CBC per page; each page ends with 80 reserved bytes (IV 16, HMAC 64);
// page 1 starts with the 16-byte salt in the clear.
const PAGE = 4096;
const RESERVE = 80;
function decryptPage(key: Buffer, page: Buffer, first: boolean): Buffer {
  const start = first ? 16 : 0;
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const d = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([d.update(page.subarray(start, PAGE - RESERVE)), d.final()]);
}
/** Every page of the database and of its write-ahead log, decrypted, plus every file's raw bytes. */
export function plaintextOf(dir: string, key: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    out.push(bytes);
    if (name === 'twoway.db') {
      for (let off = 0; off + PAGE <= bytes.length; off += PAGE) out.push(decryptPage(key, bytes.subarray(off, off + PAGE), off === 0));
    }
    if (name === 'twoway.db-wal') {
      for (let off = 32; off + 24 + PAGE <= bytes.length; off += 24 + PAGE) {
        const pageNo = bytes.readUInt32BE(off);
        out.push(decryptPage(key, bytes.subarray(off + 24, off + 24 + PAGE), pageNo === 1));
      }
    }
  }
  return out;
}
/** The canary as written, or as the diary's search index keeps its words (folded to lower case). */
export const holds = (buffers: Buffer[], canary: string) => buffers.some((b) => b.includes(Buffer.from(canary, 'utf8')) || b.includes(Buffer.from(canary.toLowerCase(), 'utf8')));

