import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import type { Permission } from '../../../common/permissions.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { transact } from '../../platform/db/transact.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import * as repo from './regions.repository.ts';
import { codeProblem, levelUnder } from './regions.rules.ts';
import type { CreateRegionInput, Region, TreeNode, UpdateRegionInput } from './regions.schemas.ts';

export type RegionsService = ReturnType<typeof regionsService>;

/** Builds the forest from rows sorted by path (parents first); a row whose parent is out of view is a root. */
export function buildTree(regions: Region[]): TreeNode[] {
  const byId = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  for (const r of regions) {
    const node: TreeNode = { id: r.id, code: r.code, name: r.name, level: r.level, children: [] };
    byId.set(r.id, node);
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sortOrder = new Map(regions.map((r) => [r.id, r.sortOrder]));
  const sort = (nodes: TreeNode[]) => {
    nodes.sort(
      (a, b) =>
        sortOrder.get(a.id)! - sortOrder.get(b.id)! ||
        (a.code ?? '').localeCompare(b.code ?? '') ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
    nodes.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

export function regionsService({ db: { db }, events }: Deps) {
  /** Live update for everyone who can see the region (tree pages, dashboards). */
  const changed = (q: typeof db, type: string, region: Pick<Region, 'id' | 'path'>) =>
    events.publish(q, { type, permission: 'regions.read', regionPath: region.path, entityType: 'region', entityId: region.id });

  /** A region the actor may act on with `permission`; foreign and missing look the same. */
  async function visible(actor: Actor, permission: 'regions.read' | 'regions.write', id: string): Promise<Region> {
    const region = await repo.findRegion(db, id);
    if (!region) throw notFound();
    requireAccess(actor, permission, region.path);
    return region;
  }

  async function assertCodeFree(code: string | null | undefined, exceptId?: string): Promise<void> {
    if (!code) return;
    const holder = await repo.findRegionByCode(db, code);
    if (holder && holder.id !== exceptId) throw conflict('REGION_CODE_TAKEN', { code });
  }

  return {
    /** Path of a region for access checks by other features; undefined when missing. */
    async pathOf(id: string): Promise<string | undefined> {
      return (await repo.findRegion(db, id))?.path;
    },

    /**
     * The path of the region a list is narrowed to, when the caller names one: it must lie in
     * their scope for `permission` (a region outside it looks missing, 404).
     */
    async readablePath(actor: Actor, permission: Permission, regionId: string | undefined): Promise<string | undefined> {
      if (!regionId) return undefined;
      const path = (await repo.findRegion(db, regionId))?.path;
      if (!path) throw notFound();
      requireAccess(actor, permission, path);
      return path;
    },

    /**
     * The region a page is opened on: the one named, which must lie in the caller's scope for
     * `permission` (outside it looks missing, 404), or by default the shallowest region of their
     * grants (admin: the first root).
     */
    async namedOrTop(actor: Actor, permission: Permission, regionId: string | undefined): Promise<Region> {
      const scope = requireScope(actor, permission);
      let region: Region | undefined;
      if (regionId) {
        region = await repo.findRegion(db, regionId);
        if (region) requireAccess(actor, permission, region.path);
      } else if (scope.all) region = await repo.firstRoot(db);
      else {
        const depth = (path: string) => path.split('/').filter(Boolean).length;
        const top = [...scope.paths].sort((a, b) => depth(a) - depth(b))[0]!;
        region = await repo.findRegion(db, top.split('/').filter(Boolean).at(-1)!);
      }
      if (!region) throw notFound();
      return region;
    },

    findById: (id: string) => repo.findRegion(db, id),
    findByIds: (ids: string[]) => repo.findRegionsByIds(db, ids),
    findByCodes: (codes: string[]) => repo.findRegionsByCodes(db, codes),
    findByNames: (names: string[]) => repo.findRegionsByNames(db, names),

    async tree(actor: Actor): Promise<TreeNode[]> {
      return buildTree(await repo.listRegionsInScope(db, requireScope(actor, 'regions.read')));
    },

    async get(actor: Actor, id: string) {
      const region = await visible(actor, 'regions.read', id);
      const scope = requireScope(actor, 'regions.read');
      const ancestorIds = region.path.split('/').filter(Boolean).slice(0, -1);
      const ancestors = (await repo.findRegionsByIds(db, ancestorIds))
        .filter((a) => scope.all || scope.paths.some((p) => a.path.startsWith(p)))
        .sort((a, b) => a.path.length - b.path.length)
        .map((a) => ({ id: a.id, name: a.name, level: a.level }));
      return { ...region, ancestors, usage: await repo.regionUsage(db, id) };
    },

    async create(actor: Actor, call: CallContext, input: CreateRegionInput): Promise<Region> {
      let parent: Region | null = null;
      if (input.parentId) parent = await visible(actor, 'regions.write', input.parentId);
      else requireAccess(actor, 'regions.write', null);
      const level = levelUnder(parent?.level ?? null);
      if (!level) throw new AppError(422, 'REGION_LEVEL');
      const problem = codeProblem(level, input.code);
      if (problem) throw invalidField('code', problem.reason, problem.params);
      await assertCodeFree(input.code);
      const id = newId();
      const region: Region = {
        id,
        parentId: parent?.id ?? null,
        code: input.code || null,
        name: input.name.trim(),
        level,
        path: `${parent?.path ?? '/'}${id}/`,
        sortOrder: input.sortOrder ?? 0,
      };
      await transact(db, call, async (trx) => {
        await repo.insertRegion(trx, region, nowIso());
        await auditWrite(trx, call, 'region.create', 'region', id, region.path, { name: region.name, code: region.code, level });
        await changed(trx, 'region.created', region);
      });
      return region;
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateRegionInput): Promise<Region> {
      const region = await visible(actor, 'regions.write', id);
      if (input.code !== undefined) {
        const problem = codeProblem(region.level, input.code);
        if (problem) throw invalidField('code', problem.reason, problem.params);
        await assertCodeFree(input.code, id);
      }
      const patch = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.code !== undefined ? { code: input.code || null } : {}),
        ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      };
      await transact(db, call, async (trx) => {
        await repo.updateRegion(trx, id, patch, nowIso());
        await auditWrite(trx, call, 'region.update', 'region', id, region.path, {
          before: { name: region.name, code: region.code },
          after: patch,
        });
        await changed(trx, 'region.updated', region);
      });
      return { ...region, ...patch };
    },

    async move(actor: Actor, call: CallContext, id: string, parentId: string): Promise<Region> {
      const region = await visible(actor, 'regions.write', id);
      const parent = await visible(actor, 'regions.write', parentId);
      if (parent.path.startsWith(region.path)) throw new AppError(422, 'REGION_MOVE_CYCLE');
      if (levelUnder(parent.level) !== region.level) {
        throw new AppError(422, 'REGION_LEVEL');
      }
      if (region.parentId === parentId) return region;
      const newPath = `${parent.path}${id}/`;
      await transact(db, call, async (trx) => {
        await repo.moveSubtree(trx, id, parentId, region.path, newPath, nowIso());
        await auditWrite(trx, call, 'region.move', 'region', id, newPath, {
          fromParentId: region.parentId,
          toParentId: parentId,
        });
        await changed(trx, 'region.moved', { id, path: newPath });
      });
      return { ...region, parentId, path: newPath };
    },

    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const region = await visible(actor, 'regions.write', id);
      const usage = await repo.regionUsage(db, id);
      if (usage.children || usage.units || usage.grants || usage.records) throw new AppError(409, 'REGION_IN_USE', usage);
      await transact(db, call, async (trx) => {
        await repo.deleteRegion(trx, id);
        await auditWrite(trx, call, 'region.delete', 'region', id, region.path, { name: region.name, code: region.code });
        await changed(trx, 'region.deleted', region);
      });
    },
  };
}
