import type { Deps } from '../../platform/deps.ts';

export type ErrandsService = ReturnType<typeof errandsService>;

/** 红色代办: posts, shops and goods; orders; dispatch and delivery; purchase runs and settlement. */
export function errandsService(deps: Deps, others: Record<string, never>) {
  void deps;
  void others;
  return {};
}
