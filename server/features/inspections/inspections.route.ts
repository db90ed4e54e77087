/**
 * Today's round for an inspector, without the database: the unvisited checkpoints, higher risk
 * first, each risk level walked greedily to the nearest next checkpoint. Greedy is not the
 * shortest tour, but it is predictable on a phone and good enough for a few dozen stops.
 */

export interface LatLng {
  lat: number;
  lng: number;
}

export interface RoutePoint {
  id: string;
  risk: number;
  lat: number | null;
  lng: number | null;
}

export interface RoundPlan {
  /** `legKm`: from the previous stop (or the start); null for a checkpoint without a position. */
  route: { checkpointId: string; legKm: number | null }[];
  routeKm: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;
/** Legs are shown to the ten metres. */
const round2 = (km: number) => Math.round(km * 100) / 100;

/** Great-circle distance in kilometres. */
export function haversineKm(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const positionOf = (p: RoutePoint): LatLng | null => (p.lat === null || p.lng === null ? null : { lat: p.lat, lng: p.lng });

/**
 * Visiting order over `points` (ties keep their input order). The walk starts at `start`, else
 * at the first positioned checkpoint of the highest risk that has one (its own leg is then 0);
 * checkpoints without a position close their risk level with no leg.
 */
export function planRound(points: readonly RoutePoint[], start?: LatLng): RoundPlan {
  const positioned = points.filter((p) => positionOf(p) !== null);
  const topRisk = Math.max(...positioned.map((p) => p.risk));
  let here: LatLng | null = start ?? (positioned.length ? positionOf(positioned.find((p) => p.risk === topRisk)!) : null);

  const route: RoundPlan['route'] = [];
  let total = 0;
  const levels = [...new Set(points.map((p) => p.risk))].sort((a, b) => b - a);
  for (const risk of levels) {
    const level = points.filter((p) => p.risk === risk);
    const left = level.filter((p) => positionOf(p) !== null);
    while (left.length > 0) {
      let best = 0;
      let bestKm = Infinity;
      left.forEach((p, i) => {
        const km = haversineKm(here!, positionOf(p)!);
        if (km < bestKm) {
          best = i;
          bestKm = km;
        }
      });
      const [next] = left.splice(best, 1);
      const leg = round2(bestKm);
      route.push({ checkpointId: next!.id, legKm: leg });
      total += leg;
      here = positionOf(next!);
    }
    for (const p of level) if (positionOf(p) === null) route.push({ checkpointId: p.id, legKm: null });
  }
  return { route, routeKm: round2(total) };
}
