import { describe, expect, it } from 'vitest';
import { emptyFigures } from '../../../common/dashboard-figures.ts';
import { dayWindow, decodeFigures, encodeFigures, rollUp } from './dashboard.rules.ts';

describe('dashboard rules', () => {
  it('adds each row to its region and every ancestor', () => {
    const paths = new Map([
      ['c', '/a/b/c/'],
      ['d', '/a/d/'],
    ]);
    const sums = rollUp(
      [
        { regionId: 'c', values: { teams: 2, checkpoints: 1 } },
        { regionId: 'd', values: { teams: 1 } },
        { regionId: 'c', values: { teams: 1, issuesOpen: 0 } },
        { regionId: 'gone', values: { teams: 5 } },
      ],
      paths,
    );
    expect(Object.fromEntries(sums)).toEqual({
      a: { teams: 4, checkpoints: 1 },
      b: { teams: 3, checkpoints: 1 },
      c: { teams: 3, checkpoints: 1 },
      d: { teams: 1 },
    });
  });

  it('stores the non-zero figures in key order, and reads back zeros for the rest', () => {
    expect(encodeFigures({ teams: 0 })).toBeNull();
    const text = encodeFigures({ checkpoints: 2, volunteersActive: 1, disinfectionAreaM2: 0.1 + 0.2 });
    expect(text).toBe('{"volunteersActive":1,"checkpoints":2,"disinfectionAreaM2":0.3}');
    expect(encodeFigures({ volunteersActive: 1, checkpoints: 2 })).toBe(encodeFigures({ checkpoints: 2, volunteersActive: 1 }));
    expect(decodeFigures(text!)).toEqual({ ...emptyFigures(), volunteersActive: 1, checkpoints: 2, disinfectionAreaM2: 0.3 });
    expect(decodeFigures('{"retiredKey":4}')).toEqual(emptyFigures());
    expect(decodeFigures(undefined)).toEqual(emptyFigures());
  });

  it('cuts a Beijing day at local midnight', () => {
    expect(dayWindow('Asia/Shanghai', '2026-12-02')).toEqual({
      day: '2026-12-02',
      from: '2026-12-01T16:00:00.000Z',
      to: '2026-12-02T16:00:00.000Z',
      live: false,
    });
    // Today's window ends at the refresh, and only it is live.
    expect(dayWindow('Asia/Shanghai', '2026-12-02', '2026-12-02T01:00:00.000Z')).toMatchObject({
      to: '2026-12-02T01:00:00.000Z',
      live: true,
    });
  });
});
