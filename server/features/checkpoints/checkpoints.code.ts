import { printableCode } from '../../platform/printable-code.ts';

/**
 * The code in a checkpoint's check-in link: 10 random symbols (50 bits), so the codes of other
 * checkpoints cannot be found by trying. Printed on the placard, so not a secret.
 */
export const newCheckInCode = (): string => printableCode(10);

/** A code as typed by hand or taken from a link: case does not matter. */
export const normalizeCheckInCode = (code: string): string => code.trim().toUpperCase();
