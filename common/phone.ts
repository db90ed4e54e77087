/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = '^1[3-9]\\d{9}$';
const MOBILE = new RegExp(MOBILE_PATTERN);

export function isValidMobile(raw: string): boolean {
  return MOBILE.test(raw);
}
