import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPiiCipher } from './crypto.ts';

const key = Buffer.alloc(32, 7);
const cipher = createPiiCipher(key);

/** Flips one bit of the base64url part `index` (1 iv, 2 tag, 3 data) of a sealed value. */
function flip(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[0] = bytes[0]! ^ 1;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('PII cipher', () => {
  it('round-trips any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (plain) => {
        expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
      }),
    );
    expect(cipher.decrypt(cipher.encrypt('11010519491231002X'))).toBe('11010519491231002X');
  });

  it('does not leak the plain text and uses a fresh IV each time', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(a.startsWith('v1.')).toBe(true);
  });

  it('detects tampering with the IV, the tag or the data', () => {
    const sealed = cipher.encrypt('13812341234');
    for (const part of [1, 2, 3]) expect(() => cipher.decrypt(flip(sealed, part))).toThrow();
    expect(() => cipher.decrypt(sealed.replace(/^v1/, 'v2'))).toThrow(/format/);
    expect(() => cipher.decrypt('v1.abc')).toThrow();
    expect(() => cipher.decrypt('garbage')).toThrow();
  });

  it('cannot be opened with another key', () => {
    const other = createPiiCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt('13812341234'))).toThrow();
  });

  it('gives a deterministic, key-dependent blind index that is not the value', () => {
    const again = createPiiCipher(Buffer.from(key));
    const other = createPiiCipher(Buffer.alloc(32, 8));
    expect(cipher.blindIndex('11010519491231002X')).toBe(again.blindIndex('11010519491231002X'));
    expect(cipher.blindIndex('11010519491231002X')).not.toBe(other.blindIndex('11010519491231002X'));
    expect(cipher.blindIndex('11010519491231002X')).not.toBe(cipher.blindIndex('440524188001010014'));
    expect(cipher.blindIndex('11010519491231002X')).not.toContain('110105');
    // The index key is not the encryption key: the index is not an encryption of the value.
    expect(cipher.blindIndex('x')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
