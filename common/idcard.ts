/**
 * Resident identity card numbers (GB 11643-1999): 6-digit area code, 8-digit birth date,
 * 3-digit sequence, 1 check character.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Province-level prefixes of GB/T 2260 (plus 71/81/82 for Taiwan, Hong Kong, Macao residence permits). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export type IdCardProblem = 'format' | 'area' | 'birthDate' | 'checkDigit';

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Returns null when valid, otherwise the first problem found. `today` bounds the birth date. */
export function idCardProblem(raw: string, today: Date = new Date()): IdCardProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCES.has(id.slice(0, 2))) return 'area';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1880 ||
    birth.getUTCFullYear() !== y ||
    birth.getUTCMonth() !== m - 1 ||
    birth.getUTCDate() !== d ||
    birth.getTime() > today.getTime()
  ) {
    return 'birthDate';
  }
  if (idCardCheckChar(id.slice(0, 17)) !== id[17]) return 'checkDigit';
  return null;
}

export function isValidIdCard(raw: string): boolean {
  return idCardProblem(raw) === null;
}

/** Upper-cases the check character and strips spaces, so one person has one spelling. */
export function normalizeIdCard(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}
