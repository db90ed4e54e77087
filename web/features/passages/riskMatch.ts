import type { RiskArea } from './passages.api.ts';

/**
 * The part of a GB/T 2260 code a division covers: a province (420000) covers every code starting
 * 42, a city (420100) every code starting 4201, a county only itself. The server decides with the
 * same rule when it saves; this lets the entry page warn before it does.
 */
function coveredPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** The active risk area an origin falls in, the highest level first; null when none. */
export function riskAreaOf(originCode: string | null | undefined, areas: readonly RiskArea[]): RiskArea | null {
  if (!originCode) return null;
  const hits = areas.filter((a) => a.active && originCode.startsWith(coveredPrefix(a.code)));
  return hits.find((a) => a.level === 'high') ?? hits[0] ?? null;
}
