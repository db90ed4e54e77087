import { describe, expect, it } from 'vitest';
import { haversineKm, planRound, type RoutePoint } from './inspections.route.ts';

/** Points along a meridian: 0.01° of latitude is about 1.11 km. */
const at = (id: string, risk: number, lat: number | null, lng: number | null = 114): RoutePoint => ({ id, risk, lat, lng });

describe('haversineKm', () => {
  it('measures known distances', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 0 })).toBe(0);
    expect(haversineKm({ lat: 32.98, lng: 114 }, { lat: 32.99, lng: 114 })).toBeCloseTo(1.112, 2);
    // 驻马店 to 郑州, about 187 km as the crow flies.
    expect(haversineKm({ lat: 32.98, lng: 114.02 }, { lat: 34.75, lng: 113.63 })).toBeGreaterThan(190);
    expect(haversineKm({ lat: 32.98, lng: 114.02 }, { lat: 34.75, lng: 113.63 })).toBeLessThan(205);
  });
});

describe('planRound', () => {
  it('is empty without points', () => {
    expect(planRound([])).toEqual({ route: [], routeKm: 0 });
  });

  it('visits higher risk first, nearest first within a level, from the given start', () => {
    const plan = planRound(
      [at('far3', 3, 33.1), at('near3', 3, 33.01), at('low1', 1, 33.0), at('mid4', 4, 33.05), at('top4', 4, 33.02)],
      { lat: 33.0, lng: 114 },
    );
    expect(plan.route.map((r) => r.checkpointId)).toEqual(['top4', 'mid4', 'near3', 'far3', 'low1']);
    expect(plan.route[0]!.legKm).toBeCloseTo(2.22, 1);
    expect(plan.route[1]!.legKm).toBeCloseTo(3.34, 1);
    // From mid4 (33.05) the nearer of the risk-3 pair is near3 (33.01), then far3 (33.1).
    expect(plan.route[2]!.legKm).toBeCloseTo(4.45, 1);
    expect(plan.routeKm).toBeCloseTo(
      plan.route.reduce((s, r) => s + (r.legKm ?? 0), 0),
      6,
    );
  });

  it('starts at the first positioned checkpoint of the highest risk when no start is given', () => {
    const plan = planRound([at('b', 2, 33.3), at('a', 4, null), at('c', 4, 33.0), at('d', 4, 33.2)]);
    expect(plan.route).toEqual([
      { checkpointId: 'c', legKm: 0 },
      { checkpointId: 'd', legKm: expect.any(Number) },
      { checkpointId: 'a', legKm: null },
      { checkpointId: 'b', legKm: expect.any(Number) },
    ]);
    expect(plan.route[3]!.legKm).toBeCloseTo(11.12, 1);
  });

  it('puts checkpoints without a position last in their level, and has no legs when nothing has one', () => {
    const plan = planRound([at('x', 2, null), at('y', 2, 33.0), at('z', 1, 33.01)], { lat: 33.0, lng: 114 });
    expect(plan.route.map((r) => [r.checkpointId, r.legKm === null])).toEqual([
      ['y', false],
      ['x', true],
      ['z', false],
    ]);
    expect(planRound([at('p', 3, null), at('q', 1, 10, null)])).toEqual({
      route: [
        { checkpointId: 'p', legKm: null },
        { checkpointId: 'q', legKm: null },
      ],
      routeKm: 0,
    });
  });

  it('keeps the input order between equally near checkpoints and visits each of a county’s worth once', () => {
    expect(planRound([at('first', 2, 33.0), at('second', 2, 33.0)]).route.map((r) => r.checkpointId)).toEqual([
      'first',
      'second',
    ]);
    const many = Array.from({ length: 2000 }, (_, i) =>
      at(`c${i}`, 1 + (i % 4), 32.5 + ((i * 7919) % 1000) / 1000, 114 + ((i * 104729) % 1000) / 1000),
    );
    const plan = planRound(many);
    expect(plan.route).toHaveLength(2000);
    expect(new Set(plan.route.map((r) => r.checkpointId)).size).toBe(2000);
    const risks = plan.route.map((r) => many.find((p) => p.id === r.checkpointId)!.risk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
  });
});
