import { idCardCheckChar } from '../common/idcard.ts';

// Each test file (its own module instance) starts somewhere random, so files sharing a database never collide.
let next = Math.floor(Math.random() * 10_000_000);

/** A valid resident ID number (GB 11643 check digit, 驿城区 area code), unique within a run. */
export function testIdNumber(): string {
  const n = next++;
  const seq = String(n % 1000).padStart(3, '0');
  const day = String(1 + (Math.floor(n / 1000) % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(n / 28_000) % 12)).padStart(2, '0');
  const year = 1960 + (Math.floor(n / 336_000) % 40);
  const first17 = `411702${year}${month}${day}${seq}`;
  return first17 + idCardCheckChar(first17);
}

/** The same ID number with a wrong check character (for tests of the check). */
export function withWrongCheckDigit(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}
