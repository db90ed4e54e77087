import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { transact } from '../../platform/db/transact.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './units.repository.ts';
import type { CreateUnitInput, Unit, UnitQueryInput, UpdateUnitInput } from './units.schemas.ts';

export type UnitsService = ReturnType<typeof unitsService>;

const strip = ({ regionPath: _path, ...unit }: repo.UnitRow): Unit => unit;

export function unitsService({ db: { db, dialect }, events }: Deps, regions: RegionsService) {
  const changed = (q: typeof db, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'units.read', regionPath, entityType: 'unit', entityId: id });

  async function visible(actor: Actor, permission: 'units.read' | 'units.write', id: string): Promise<repo.UnitRow> {
    const unit = await repo.findUnit(db, id);
    if (!unit) throw notFound();
    requireAccess(actor, permission, unit.regionPath);
    return unit;
  }

  /** The region a unit is placed in must be one the actor may write to (foreign looks missing). */
  async function writableRegion(actor: Actor, regionId: string): Promise<{ name: string; path: string }> {
    const region = await regions.findById(regionId);
    if (!region) throw notFound();
    requireAccess(actor, 'units.write', region.path);
    return region;
  }

  async function assertNameFree(regionId: string, name: string, exceptId?: string): Promise<void> {
    const holder = await repo.findUnitByName(db, regionId, name);
    if (holder && holder.id !== exceptId) throw conflict('UNIT_NAME_TAKEN');
  }

  return {
    async list(actor: Actor, query: UnitQueryInput) {
      const scope = requireScope(actor, 'units.read');
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath) throw notFound();
        requireAccess(actor, 'units.read', regionPath);
      }
      const { items, total } = await repo.listUnits(db, dialect, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.q ? { q: query.q } : {}),
        limit: query.limit ?? 100,
        offset: query.offset ?? 0,
      });
      return { items: items.map(strip), total };
    },

    async get(actor: Actor, id: string): Promise<Unit> {
      return strip(await visible(actor, 'units.read', id));
    },

    async create(actor: Actor, call: CallContext, input: CreateUnitInput): Promise<Unit> {
      const region = await writableRegion(actor, input.regionId);
      const name = input.name.trim();
      const unit = { id: newId(), name, kind: input.kind, regionId: input.regionId, contact: input.contact ?? null };
      try {
        await transact(db, call, async (trx) => {
          await repo.insertUnit(trx, unit, nowIso());
          await auditWrite(trx, call, 'unit.create', 'unit', unit.id, region.path, { name, kind: input.kind });
          await changed(trx, 'unit.created', unit.id, region.path);
        });
      } catch (e) {
        // The (region, name) unique index is the check: one statement fewer on the busiest path.
        if (isUniqueViolation(e)) throw conflict('UNIT_NAME_TAKEN');
        throw e;
      }
      return { ...unit, regionName: region.name };
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateUnitInput): Promise<Unit> {
      const unit = await visible(actor, 'units.write', id);
      const regionId = input.regionId ?? unit.regionId;
      const path = input.regionId ? (await writableRegion(actor, input.regionId)).path : unit.regionPath;
      const name = input.name?.trim() ?? unit.name;
      if (name !== unit.name || regionId !== unit.regionId) await assertNameFree(regionId, name, id);
      const patch = {
        ...(input.name !== undefined ? { name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.regionId !== undefined ? { regionId } : {}),
        ...(input.contact !== undefined ? { contact: input.contact } : {}),
      };
      await transact(db, call, async (trx) => {
        await repo.updateUnit(trx, id, patch, nowIso());
        await auditWrite(trx, call, 'unit.update', 'unit', id, path, { fields: Object.keys(patch) });
        await changed(trx, 'unit.updated', id, path);
      });
      return strip((await repo.findUnit(db, id))!);
    },

    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const unit = await visible(actor, 'units.write', id);
      const records = await repo.unitRecords(db, id);
      if (records > 0) throw new AppError(409, 'UNIT_IN_USE', { records });
      await transact(db, call, async (trx) => {
        await repo.deleteUnit(trx, id);
        await auditWrite(trx, call, 'unit.delete', 'unit', id, unit.regionPath, { name: unit.name });
        await changed(trx, 'unit.deleted', id, unit.regionPath);
      });
    },
  };
}
