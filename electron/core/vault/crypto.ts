import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt as scryptCb,
} from 'node:crypto';
import { z } from 'zod';

/** scrypt cost: 2^17 x 8 x 1 needs 128 MiB and about half a second here; stored with each slot. */
export const KDF_DEFAULTS = { N: 2 ** 17, r: 8, p: 1 } as const;
export type KdfCost = { N: number; r: number; p: number };

/**
 * The shape of a slot's cost. The least cost a vault accepts is the vault's own (KDF_DEFAULTS in the
 * app; see `Vault`), checked when a slot is read, so a weaker slot is refused like a damaged one.
 */
const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10),
  r: z.number().int().min(8),
  p: z.number().int().min(1),
  salt: z.string().min(16),
});

/** Version 1 (before key changes existed): the database key itself, wrapped with the secret. Still opened; never written. */
const slotV1Schema = z.object({
  v: z.literal(1),
  kdf: kdfSchema,
  iv: z.string().min(16),
  tag: z.string().min(16),
  wrapped: z.string().min(40),
});

/** The database key sealed to a slot's public key (X25519 + HKDF-SHA256 + AES-256-GCM): no secret is needed to write one. */
const sealedSchema = z.object({
  epk: z.string().min(40),
  iv: z.string().min(16),
  tag: z.string().min(16),
  wrapped: z.string().min(40),
});
export type SealedKey = z.infer<typeof sealedSchema>;

/**
 * Version 2: the secret (password or recovery key) unwraps the slot's own X25519 private key, which
 * opens `sealed`, the database key sealed to the slot's public key. Changing the database key then
 * needs nobody's password: the new key is sealed to each active slot's public key. `pending` holds
 * the new key while a key change is under way (see electron/core/vault/rekey.ts).
 */
const slotV2Schema = z.object({
  v: z.literal(2),
  kdf: kdfSchema,
  iv: z.string().min(16),
  tag: z.string().min(16),
  wrapped: z.string().min(40),
  publicKey: z.string().min(40),
  sealed: sealedSchema,
  pending: sealedSchema.optional(),
});

export const slotSchema = z.discriminatedUnion('v', [slotV1Schema, slotV2Schema]);
export type KeySlot = z.infer<typeof slotSchema>;
export type KeySlotV2 = z.infer<typeof slotV2Schema>;

function deriveKek(secret: string, salt: Buffer, kdf: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(secret.normalize('NFKC'), salt, 32, { ...kdf, maxmem: 256 * kdf.N * kdf.r + 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Slot names, bound into each slot so a slot copied to another name fails. */
export const RECOVERY_LABEL = 'recovery';
export const userLabel = (username: string) => `user:${username}`;

/** AES-256-GCM with the slot's name bound in as associated data, so a slot copied to another name fails. */
function seal(key: Buffer, plain: Buffer, aad: string): { iv: string; tag: string; wrapped: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const wrapped = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') };
}

function open(key: Buffer, box: { iv: string; tag: string; wrapped: string }, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** The key that seals to (or opens from) a slot: X25519 between one side's private and the other's public key, through HKDF. */
function agreedKey(privateKey: ReturnType<typeof createPrivateKey>, publicKey: ReturnType<typeof createPublicKey>, epk: string, label: string): Buffer {
  const shared = diffieHellman({ privateKey, publicKey });
  try {
    return Buffer.from(hkdfSync('sha256', shared, Buffer.from(epk, 'base64'), `twoway-sealed:${label}`, 32));
  } finally {
    shared.fill(0);
  }
}

/** Seals the database key to a slot's public key; no password is needed (used by the key change). */
export function sealToSlot(slot: Pick<KeySlotV2, 'publicKey'>, dbKey: Buffer, label: string): SealedKey {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = ephemeral.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const kek = agreedKey(ephemeral.privateKey, createPublicKey({ key: Buffer.from(slot.publicKey, 'base64'), type: 'spki', format: 'der' }), epk, label);
  try {
    return { epk, ...seal(kek, dbKey, `twoway-sealed:${label}`) };
  } finally {
    kek.fill(0);
  }
}

/**
 * Makes a slot for one secret (a password or the recovery key): a new X25519 key pair whose private
 * key is wrapped with scrypt(secret) + AES-256-GCM, and the database key sealed to its public key.
 */
export async function wrapKey(dbKey: Buffer, secret: string, label: string, cost: KdfCost = KDF_DEFAULTS): Promise<KeySlotV2> {
  const salt = randomBytes(16);
  const pair = generateKeyPairSync('x25519');
  const privateDer = pair.privateKey.export({ type: 'pkcs8', format: 'der' });
  const kek = await deriveKek(secret, salt, cost);
  try {
    const slot = {
      v: 2 as const,
      kdf: { name: 'scrypt' as const, N: cost.N, r: cost.r, p: cost.p, salt: salt.toString('base64') },
      ...seal(kek, privateDer, `twoway-slot:${label}`),
      publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    };
    return { ...slot, sealed: sealToSlot(slot, dbKey, label) };
  } finally {
    kek.fill(0);
    privateDer.fill(0);
  }
}

/** What a slot opens: the database key and, while a key change is under way, the new key. */
export interface OpenedSlot {
  key: Buffer;
  pending: Buffer | null;
}

/** Opens a slot with its secret; null when the secret is wrong or the slot was altered (GCM cannot tell which). */
export async function openSlot(slot: KeySlot, secret: string, label: string): Promise<OpenedSlot | null> {
  const kek = await deriveKek(secret, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  try {
    const inner = open(kek, slot, `twoway-slot:${label}`);
    if (!inner) return null;
    if (slot.v === 1) return inner.length === 32 ? { key: inner, pending: null } : null;
    try {
      const privateKey = createPrivateKey({ key: inner, type: 'pkcs8', format: 'der' });
      const unseal = (box: SealedKey): Buffer | null => {
        const k = agreedKey(privateKey, createPublicKey({ key: Buffer.from(box.epk, 'base64'), type: 'spki', format: 'der' }), box.epk, label);
        try {
          const key = open(k, box, `twoway-sealed:${label}`);
          return key?.length === 32 ? key : null;
        } finally {
          k.fill(0);
        }
      };
      const key = unseal(slot.sealed);
      return key ? { key, pending: slot.pending ? unseal(slot.pending) : null } : null;
    } catch {
      return null;
    } finally {
      inner.fill(0);
    }
  } finally {
    kek.fill(0);
  }
}

/** Only the database key (the pending one, if any, is dropped): for tools and tests that open the file directly. */
export async function unwrapKey(slot: KeySlot, secret: string, label: string): Promise<Buffer | null> {
  const opened = await openSlot(slot, secret, label);
  opened?.pending?.fill(0);
  return opened?.key ?? null;
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
