import { describe, expect, it } from 'vitest';
import { isValidMobile, MOBILE_PATTERN } from './phone.ts';

describe('mobile numbers', () => {
  it('accepts 11 digits starting 13–19', () => {
    for (const m of ['13812341234', '14700000000', '15912345678', '16612345678', '17012345678', '18800001111', '19912345678']) {
      expect(isValidMobile(m), m).toBe(true);
    }
  });

  it('rejects everything else', () => {
    for (const m of [
      '',
      '12812341234',
      '10012345678',
      '23812341234',
      '1381234123',
      '138123412345',
      '+8613812341234',
      ' 13812341234',
      '13812341234 ',
      '13812341234\n',
      '138-1234-1234',
      '１３８１２３４１２３４',
      '1381234123x',
    ]) {
      expect(isValidMobile(m), JSON.stringify(m)).toBe(false);
    }
  });

  it('is the pattern the API schemas use (anchored both ends)', () => {
    expect(MOBILE_PATTERN.startsWith('^')).toBe(true);
    expect(MOBILE_PATTERN.endsWith('$')).toBe(true);
    expect(new RegExp(MOBILE_PATTERN, 'u').test('13812341234')).toBe(true);
  });
});
