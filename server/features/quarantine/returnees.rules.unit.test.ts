import { describe, expect, it } from 'vitest';
import type { TransportMode } from '../../../common/enums.ts';
import { normaliseTrip, returnDateProblem, tripProblem } from './returnees.rules.ts';

const check = (transport: TransportMode, raw: string | null) =>
  tripProblem(transport, normaliseTrip(transport, raw))?.reason ?? null;

describe('trip numbers', () => {
  it.each([
    ['rail', 'G72'],
    ['rail', 'k1156'],
    ['rail', ' D 3021 '],
    ['rail', 'T179'],
    ['rail', 'Z38'],
    ['rail', '1461'],
    ['air', 'CA1234'],
    ['air', 'mu5101'],
    ['air', '3U8888'],
    ['coach', '汉口→驿城 08:30 班'],
    ['ship', '长江 3 号'],
    ['car', null],
    ['other', null],
  ] as [TransportMode, string | null][])('%s %s is accepted', (transport, raw) => {
    expect(check(transport, raw)).toBeNull();
  });

  it.each([
    ['rail', 'X123', 'field.returnee.tripRail'],
    ['rail', 'G12345', 'field.returnee.tripRail'],
    ['rail', 'CA1234', 'field.returnee.tripRail'],
    ['air', 'CA', 'field.returnee.tripAir'],
    ['air', '1234', 'field.returnee.tripAir'],
    ['air', 'CAA1234', 'field.returnee.tripAir'],
    ['rail', null, 'field.returnee.tripRequired'],
    ['air', '  ', 'field.returnee.tripRequired'],
    ['coach', null, 'field.returnee.tripRequired'],
    ['ship', null, 'field.returnee.tripRequired'],
  ] as [TransportMode, string | null, string][])('%s %s is refused: %s', (transport, raw, reason) => {
    expect(check(transport, raw)).toBe(reason);
  });

  it('normalises rail and air numbers, and keeps free text as typed', () => {
    expect(normaliseTrip('rail', ' g 72 ')).toBe('G72');
    expect(normaliseTrip('coach', ' 汉口 班车 ')).toBe('汉口 班车');
    expect(normaliseTrip('car', '')).toBeNull();
  });
});

describe('return date', () => {
  const today = '2020-02-10';
  const oldest = '2019-12-12';
  it('accepts today and the oldest day, refuses tomorrow and the day before the oldest', () => {
    expect(returnDateProblem(today, today, oldest)).toBeNull();
    expect(returnDateProblem(oldest, today, oldest)).toBeNull();
    expect(returnDateProblem('2020-02-11', today, oldest)?.reason).toBe('field.returnee.returnedFuture');
    expect(returnDateProblem('2019-12-11', today, oldest)).toEqual({
      reason: 'field.returnee.returnedOld',
      params: { days: 60 },
    });
  });
});
