import type { Deps } from '../../platform/deps.ts';

export type RiskAreasService = ReturnType<typeof riskAreasService>;

/** The national division list (GB/T 2260) and the risk-area list. */
export function riskAreasService(_deps: Deps) {
  return {};
}
