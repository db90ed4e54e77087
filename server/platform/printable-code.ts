import { randomBytes } from 'node:crypto';

/** 32 symbols without 0/O and 1/I, so a code read off paper is typed back right; 256 % 32 = 0 keeps them equally likely. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A random code printed for people to read or type (5 bits a symbol): a checkpoint's placard, a certificate. */
export function printableCode(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}
