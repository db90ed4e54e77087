import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCardCheckChar, idCardProblem, isValidIdCard, normalizeIdCard } from './idcard.ts';

/** GB 11643-1999, computed here independently of the code under test. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
function expectedCheck(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}
/** A complete number: area + birth date (YYYYMMDD) + sequence, with its true check character. */
const make = (area: string, birth: string, seq = '123') => `${area}${birth}${seq}${expectedCheck(area + birth + seq)}`;
const wrongCheck = (id: string) => id.slice(0, 17) + CHECK.find((c) => c !== id[17])!;

const TODAY = new Date('2026-06-01T12:00:00Z');

describe('ID number (GB 11643)', () => {
  it('accepts the standard’s own examples', () => {
    expect(idCardProblem('11010519491231002X')).toBeNull();
    expect(idCardProblem('440524188001010014')).toBeNull();
    expect(isValidIdCard('411702199001011237'.slice(0, 17) + expectedCheck('41170219900101123'))).toBe(true);
  });

  it('computes the check character with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11 → 10X98765432', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(idCardCheckChar(first17)).toBe(expectedCheck(first17));
      }),
    );
    // Every remainder appears: a prefix per remainder 0..10 maps to 1 0 X 9 8 7 6 5 4 3 2.
    const seen = new Map<string, string>();
    for (let n = 0; seen.size < 11 && n < 100000; n++) {
      const p = `4117021990010${String(n).padStart(4, '0')}`;
      seen.set(expectedCheck(p), idCardCheckChar(p));
    }
    for (const [want, got] of seen) expect(got).toBe(want);
    expect(seen.size).toBe(11);
  });

  it('accepts exactly one check character for any valid prefix', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('110105', '411702', '411729', '440524', '650102', '810000'),
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
        (area, date, seq) => {
          const birth = date.toISOString().slice(0, 10).replace(/-/g, '');
          const first17 = area + birth + seq;
          for (const c of CHECK) {
            expect(idCardProblem(first17 + c, TODAY)).toBe(c === expectedCheck(first17) ? null : 'checkDigit');
          }
        },
      ),
    );
  });

  it('rejects a wrong check digit', () => {
    expect(idCardProblem(wrongCheck('11010519491231002X'))).toBe('checkDigit');
    expect(idCardProblem('440524188001010015')).toBe('checkDigit');
  });

  it('normalises a lowercase x', () => {
    expect(idCardProblem('11010519491231002x')).toBeNull();
    expect(normalizeIdCard(' 110105 19491231 002x ')).toBe('11010519491231002X');
  });

  it('rejects impossible birth dates, Feb 29 of non-leap years included', () => {
    expect(idCardProblem(make('411702', '20000229'), TODAY)).toBeNull(); // 2000 is a leap year
    expect(idCardProblem(make('411702', '20200229'), TODAY)).toBeNull();
    expect(idCardProblem(make('411702', '19000229'), TODAY)).toBe('birthDate'); // 1900 is not
    expect(idCardProblem(make('411702', '20190229'), TODAY)).toBe('birthDate');
    expect(idCardProblem(make('411702', '19900230'), TODAY)).toBe('birthDate');
    expect(idCardProblem(make('411702', '19901301'), TODAY)).toBe('birthDate');
    expect(idCardProblem(make('411702', '19900001'), TODAY)).toBe('birthDate');
    expect(idCardProblem(make('411702', '19900100'), TODAY)).toBe('birthDate');
    expect(idCardProblem(make('411702', '19900431'), TODAY)).toBe('birthDate');
    expect(idCardProblem(make('411702', '18791231'), TODAY)).toBe('birthDate');
  });

  it('rejects birth dates in the future', () => {
    expect(idCardProblem(make('411702', '20260601'), TODAY)).toBeNull();
    expect(idCardProblem(make('411702', '20260602'), TODAY)).toBe('birthDate');
    expect(idCardProblem(make('411702', '20300101'), TODAY)).toBe('birthDate');
  });

  it('rejects unknown province prefixes', () => {
    for (const area of ['000000', '101010', '190101', '201010', '991234', '720000']) {
      expect(idCardProblem(make(area, '19900101'), TODAY)).toBe('area');
    }
  });

  it('rejects the wrong shape', () => {
    for (const bad of [
      '',
      '11010519491231002',
      '11010519491231002X1',
      '1101051949123100XX',
      'X10105194912310021',
      '１１０１０５１９４９１２３１００２Ｘ',
      '11010519491231002Y',
    ]) {
      expect(idCardProblem(bad)).toBe('format');
    }
  });
});
