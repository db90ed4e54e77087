import { requireAccess, type Actor } from '../../platform/access/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';

/**
 * The path of the region a reader narrows a page to, when they name one: it must lie in their
 * `inspections.read` scope (a region outside it looks missing).
 */
export async function readableRegionPath(
  regions: RegionsService,
  actor: Actor,
  regionId: string | undefined,
): Promise<string | undefined> {
  if (!regionId) return undefined;
  const path = await regions.pathOf(regionId);
  if (!path) throw notFound();
  requireAccess(actor, 'inspections.read', path);
  return path;
}
