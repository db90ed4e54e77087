import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (DESIGN.md §5): AES-256-GCM for the value, and an HMAC-SHA256 blind index
 * for exact lookups and duplicate checks without decrypting. Both keys derive from one master key.
 * Ciphertext format: `v1.<iv>.<tag>.<data>` (base64url), so keys can rotate by version later.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Deterministic: the same input gives the same index; the input should be normalised first. */
  blindIndex(plain: string): string;
}

export function createPiiCipher(masterKey: Buffer): PiiCipher {
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'redvest pii encryption v1', 32));
  const indexKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'redvest pii blind index v1', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('pii: unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
    blindIndex(plain) {
      return createHmac('sha256', indexKey).update(plain, 'utf8').digest('base64url');
    },
  };
}
