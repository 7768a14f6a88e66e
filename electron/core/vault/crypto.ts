import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { z } from 'zod';

/** scrypt cost: 2^17 x 8 x 1 needs 128 MiB and about half a second here; stored with each slot. */
export const KDF_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 } as const;

export const slotSchema = z.object({
  v: z.literal(1),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().min(KDF_DEFAULTS.N),
    r: z.number().int().min(8),
    p: z.number().int().min(1),
    salt: z.string().min(16),
  }),
  iv: z.string().min(16),
  tag: z.string().min(16),
  wrapped: z.string().min(40),
});
export type KeySlot = z.infer<typeof slotSchema>;

function deriveKek(secret: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFKC'), salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * Wraps the database key for one secret (a password or the recovery key) with scrypt + AES-256-GCM.
 * `label` (the slot's name) is bound in as associated data, so a slot copied to another name fails.
 */
export async function wrapKey(dbKey: Buffer, secret: string, label: string): Promise<KeySlot> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(secret, salt, KDF_DEFAULTS);
  try {
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.from(`twoway-slot:${label}`));
    const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
    return {
      v: 1,
      kdf: { name: 'scrypt', ...KDF_DEFAULTS, salt: salt.toString('base64') },
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      wrapped: wrapped.toString('base64'),
    };
  } finally {
    kek.fill(0);
  }
}

/** Returns the database key, or null when the secret is wrong or the slot was altered (GCM cannot tell which). */
export async function unwrapKey(slot: KeySlot, secret: string, label: string): Promise<Buffer | null> {
  const kek = await deriveKek(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(Buffer.from(`twoway-slot:${label}`));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

// Crockford's base32: no I, L, O or U, so a handwritten key is hard to misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A recovery key: 160 random bits as 32 characters in eight groups of four, e.g. `7K3D-…`. */
export function newRecoveryKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts what a person types from the sheet: any case, spaces or dashes, O for 0 and I/L for 1. */
export function normaliseRecoveryKey(input: string): string {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return (cleaned.match(/.{1,4}/g) ?? []).join('-');
}
