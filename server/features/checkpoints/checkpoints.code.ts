import { randomBytes } from 'node:crypto';

/** 32 symbols without 0/O and 1/I, so a code read off a placard is typed back right; 256 % 32 = 0 keeps them equally likely. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const LENGTH = 10;

/**
 * The code in a checkpoint's check-in link: 10 random symbols (50 bits), so the codes of other
 * checkpoints cannot be found by trying. Printed on the placard, so not a secret.
 */
export function newCheckInCode(): string {
  return [...randomBytes(LENGTH)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** A code as typed by hand or taken from a link: case does not matter. */
export const normalizeCheckInCode = (code: string): string => code.trim().toUpperCase();
