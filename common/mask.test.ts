import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdCard, maskMobile, maskName, maskPlate } from './mask.ts';

describe('masking', () => {
  it('keeps the first 3 and last 4 digits of a mobile', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (m) => {
        const masked = maskMobile(m);
        expect(masked).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
        expect(masked).not.toContain(m.slice(3, 7) + m.slice(7)); // the middle never shows in place
      }),
    );
  });

  it('hides short mobiles completely', () => {
    expect(maskMobile('123456')).toBe('******');
    expect(maskMobile('')).toBe('');
  });

  it('keeps the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdCard('411702199001011234')).toBe('411702********1234');
    expect(maskIdCard('11010519491231002X')).toBe('110105********002X');
    expect(maskIdCard('123456789')).toBe('*********');
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdCard(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(6, 14)).toBe('********'); // the birth date never shows
      }),
    );
  });

  it('keeps only the family name', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('王')).toBe('王');
    expect(maskName('𠀋一')).toBe('𠀋*'); // a character outside the BMP counts as one
  });
});

describe('maskPlate', () => {
  it('keeps the province and the city letter and the last two', () => {
    expect(maskPlate('豫Q12345')).toBe('豫Q***45');
    expect(maskPlate('豫QD12345')).toBe('豫Q***45');
    expect(maskPlate('豫Q1')).toBe('***');
  });
});
