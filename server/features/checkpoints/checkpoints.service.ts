import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import { newCheckInCode, normalizeCheckInCode } from './checkpoints.code.ts';
import { checkpointsImportService } from './checkpoints.import.ts';
import * as repo from './checkpoints.repository.ts';
import { CHECKPOINT_LEVELS, shapeProblems } from './checkpoints.rules.ts';
import type {
  Checkpoint,
  CheckpointQueryInput,
  CheckpointSummary,
  CreateCheckpointInput,
  PlanningCheckpoint,
  UpdateCheckpointInput,
} from './checkpoints.schemas.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';

export type CheckpointsService = ReturnType<typeof checkpointsService>;

/** Placards printed in one go: a community's or a township's worth. */
export const MAX_PLACARDS = 500;

const present = ({ regionPath: _path, ...cp }: repo.CheckpointRow): Checkpoint => cp;

const summary = (cp: repo.CheckpointRow): CheckpointSummary => ({
  id: cp.id,
  name: cp.name,
  kind: cp.kind,
  regionId: cp.regionId,
  regionName: cp.regionName,
  regionPath: cp.regionPath,
  risk: cp.risk,
  address: cp.address,
  lat: cp.lat,
  lng: cp.lng,
});

function invalid(problems: Record<string, FieldProblem>): AppError | null {
  return Object.keys(problems).length ? new AppError(422, 'VALIDATION', {}, problems) : null;
}

/**
 * The checkpoint registry (防控卡点): checkpoints.read / checkpoints.write over the checkpoint's
 * community or grid. The duty feature reads checkpoints through `forPlanning`, `byCode` and
 * `summaries`, which check nothing: the caller has checked its own access.
 */
export function checkpointsService(deps: Deps, { regions, teams }: { regions: RegionsService; teams: TeamsService }) {
  const {
    db: { db, dialect },
    events,
  } = deps;
  const changed = (q: typeof db, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'checkpoints.read', regionPath, entityType: 'checkpoint', entityId: id });

  async function visible(actor: Actor, permission: 'checkpoints.read' | 'checkpoints.write', id: string) {
    const cp = await repo.findCheckpoint(db, id);
    if (!cp) throw notFound();
    requireAccess(actor, permission, cp.regionPath);
    return cp;
  }

  /** A region the actor may write in (404 otherwise), and a field problem when it is not a community or grid. */
  async function region(actor: Actor, regionId: string, problems: Record<string, FieldProblem>) {
    const r = await regions.findById(regionId);
    if (!r) throw notFound();
    requireAccess(actor, 'checkpoints.write', r.path);
    if (!CHECKPOINT_LEVELS.has(r.level)) problems.regionId = { reason: 'field.checkpoint.regionLevel' };
    return r;
  }

  /** A team the actor cannot see is a wrong value in the form, not a missing page. */
  async function team(actor: Actor, teamId: string, problems: Record<string, FieldProblem>): Promise<void> {
    try {
      await teams.teamVisible(actor, teamId);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) problems.teamId = { reason: 'field.checkpoint.teamNotFound' };
      else throw e;
    }
  }

  async function assertNameFree(regionId: string, name: string, exceptId?: string): Promise<void> {
    const holder = await repo.idByName(db, regionId, name);
    if (holder && holder !== exceptId) throw conflict('CHECKPOINT_NAME_TAKEN');
  }

  /** The (region, name) unique index decides a race the pre-check lost. */
  async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('CHECKPOINT_NAME_TAKEN');
      throw e;
    }
  }

  async function freshCode(): Promise<string> {
    for (;;) {
      const code = newCheckInCode();
      if (!(await repo.codeTaken(db, code))) return code;
    }
  }

  const reload = async (id: string) => present((await repo.findCheckpoint(db, id))!);

  return {
    /** The Excel template, export and import. */
    excel: checkpointsImportService(deps, { regions, teams }),
    /** The command dashboard's source (no access check: the refresh job's own reading). */
    figures: (window: FigureWindow) => repo.figures(db, window),

    async list(actor: Actor, query: CheckpointQueryInput): Promise<{ items: Checkpoint[]; total: number }> {
      const scope = requireScope(actor, 'checkpoints.read');
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath) throw notFound();
        requireAccess(actor, 'checkpoints.read', regionPath);
      }
      const q = query.q?.trim();
      const { items, total } = await repo.listCheckpoints(db, dialect, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.risk ? { risk: query.risk } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.teamId ? { teamId: query.teamId } : {}),
        ...(q ? { q } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(present), total };
    },

    async get(actor: Actor, id: string): Promise<Checkpoint> {
      return present(await visible(actor, 'checkpoints.read', id));
    },

    async create(actor: Actor, call: CallContext, input: CreateCheckpointInput): Promise<Checkpoint> {
      const problems: Record<string, FieldProblem> = {};
      const r = await region(actor, input.regionId, problems);
      if (input.teamId) await team(actor, input.teamId, problems);
      const values: repo.CheckpointValues = {
        name: input.name.trim(),
        kind: input.kind,
        regionId: r.id,
        address: input.address?.trim() ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        risk: input.risk,
        hours24: input.hours24,
        opensAt: input.opensAt ?? null,
        closesAt: input.closesAt ?? null,
        shiftPattern: input.shiftPattern,
        teamId: input.teamId ?? null,
        status: 'active',
        note: input.note?.trim() ?? null,
      };
      const error = invalid({ ...shapeProblems(values), ...problems });
      if (error) throw error;
      await assertNameFree(r.id, values.name);
      const id = newId();
      const checkInCode = await freshCode();
      await uniqueName(() =>
        transact(db, call, async (trx) => {
          await repo.insertCheckpoints(trx, [{ ...values, id, checkInCode }], nowIso());
          await auditWrite(trx, call, 'checkpoint.create', 'checkpoint', id, r.path, {
            name: values.name,
            kind: values.kind,
            risk: values.risk,
          });
          await changed(trx, 'checkpoint.created', id, r.path);
        }),
      );
      return reload(id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateCheckpointInput): Promise<Checkpoint> {
      const cp = await visible(actor, 'checkpoints.write', id);
      const problems: Record<string, FieldProblem> = {};
      const moving = input.regionId !== undefined && input.regionId !== cp.regionId;
      const target = moving ? await region(actor, input.regionId!, problems) : { id: cp.regionId, path: cp.regionPath };
      if (input.teamId && input.teamId !== cp.teamId) await team(actor, input.teamId, problems);
      const hours24 = input.hours24 ?? cp.hours24;
      // Turning a checkpoint to 24 hours drops its opening hours unless the request sets them too.
      const hoursDropped = hours24 && input.hours24 === true;
      const patch: Partial<repo.CheckpointValues> = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(moving ? { regionId: target.id } : {}),
        ...(input.address !== undefined ? { address: input.address?.trim() ?? null } : {}),
        ...(input.lat !== undefined ? { lat: input.lat } : {}),
        ...(input.lng !== undefined ? { lng: input.lng } : {}),
        ...(input.risk !== undefined ? { risk: input.risk } : {}),
        ...(input.hours24 !== undefined ? { hours24 } : {}),
        ...(input.opensAt !== undefined ? { opensAt: input.opensAt } : hoursDropped ? { opensAt: null } : {}),
        ...(input.closesAt !== undefined ? { closesAt: input.closesAt } : hoursDropped ? { closesAt: null } : {}),
        ...(input.shiftPattern !== undefined ? { shiftPattern: input.shiftPattern } : {}),
        ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
        ...(input.note !== undefined ? { note: input.note?.trim() ?? null } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      };
      const error = invalid({ ...shapeProblems({ ...cp, ...patch }), ...problems });
      if (error) throw error;
      const name = patch.name ?? cp.name;
      if (name !== cp.name || moving) await assertNameFree(target.id, name, id);
      await uniqueName(() =>
        transact(db, call, async (trx) => {
          await repo.updateCheckpoint(trx, id, patch, nowIso());
          await auditWrite(trx, call, 'checkpoint.update', 'checkpoint', id, target.path, { fields: Object.keys(patch) });
          await changed(trx, 'checkpoint.updated', id, target.path);
          if (moving) await changed(trx, 'checkpoint.updated', id, cp.regionPath);
        }),
      );
      return reload(id);
    },

    /** Refused once any roster has shifts here: the roster keeps its history, so close it instead. */
    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const cp = await visible(actor, 'checkpoints.write', id);
      const shifts = await repo.shiftCount(db, id);
      if (shifts > 0) throw conflict('CHECKPOINT_IN_USE', { shifts });
      await transact(db, call, async (trx) => {
        await repo.deleteCheckpoint(trx, id);
        await auditWrite(trx, call, 'checkpoint.delete', 'checkpoint', id, cp.regionPath, { name: cp.name });
        await changed(trx, 'checkpoint.deleted', id, cp.regionPath);
      });
    },

    /** The checkpoint a placard is printed for. */
    async placard(actor: Actor, id: string): Promise<Checkpoint> {
      return present(await visible(actor, 'checkpoints.read', id));
    },

    /** The active checkpoints under a region for batch printing, by place then name. */
    async placards(actor: Actor, regionId: string): Promise<Checkpoint[]> {
      const path = await regions.pathOf(regionId);
      if (!path) throw notFound();
      requireAccess(actor, 'checkpoints.read', path);
      return (await repo.ordered(db, { regionPath: path, activeOnly: true, limit: MAX_PLACARDS })).map(present);
    },

    async forPlanning(regionPath: string): Promise<PlanningCheckpoint[]> {
      return (await repo.ordered(db, { regionPath, activeOnly: true })).map((cp) => ({
        id: cp.id,
        name: cp.name,
        kind: cp.kind,
        regionId: cp.regionId,
        regionName: cp.regionName,
        regionPath: cp.regionPath,
        risk: cp.risk,
        lat: cp.lat,
        lng: cp.lng,
        teamId: cp.teamId,
        shiftPattern: cp.shiftPattern,
      }));
    },

    async byCode(code: string): Promise<CheckpointSummary | undefined> {
      const cp = await repo.findByCode(db, normalizeCheckInCode(code));
      return cp && summary(cp);
    },

    async summaries(ids: readonly string[]): Promise<CheckpointSummary[]> {
      return (await repo.findByIds(db, [...new Set(ids)])).map(summary);
    },
  };
}
