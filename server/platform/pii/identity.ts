/**
 * ID numbers at rest (DESIGN.md §5): checked, normalised, then stored only as ciphertext beside
 * an HMAC blind index, so duplicates are found without decrypting anything.
 */
import { idCardProblem, normalizeIdCard } from '../../../common/idcard.ts';
import { invalidField } from '../errors.ts';
import type { PiiCipher } from './crypto.ts';

export interface SealedIdNumber {
  idNumberEnc: string;
  idNumberIndex: string;
}

/** The normalised ID number, or a 422 naming `field` and the exact problem (check digit, birth date…). */
export function requireIdNumber(raw: string, field = 'idNumber'): string {
  const problem = idCardProblem(raw);
  if (problem) throw invalidField(field, `field.idCard.${problem}`);
  return normalizeIdCard(raw);
}

export function sealIdNumber(pii: PiiCipher, normalized: string): SealedIdNumber {
  return { idNumberEnc: pii.encrypt(normalized), idNumberIndex: pii.blindIndex(normalized) };
}

/** The blind index to look a typed ID number up by (normalised the same way as when stored). */
export function idNumberIndex(pii: PiiCipher, raw: string): string {
  return pii.blindIndex(normalizeIdCard(raw));
}
