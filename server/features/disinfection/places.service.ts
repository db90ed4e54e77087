import type { Kysely } from 'kysely';
import type { PlaceKind } from '../../../common/enums.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { scheduleState } from './disinfection.rules.ts';
import type {
  CreatePlaceInput,
  CreateScheduleInput,
  Place,
  PlacePick,
  PlaceQueryInput,
  Schedule,
  ScheduleQueryInput,
  UpdatePlaceInput,
  UpdateScheduleInput,
} from './disinfection.schemas.ts';
import * as repo from './places.repository.ts';

export type PlacesService = ReturnType<typeof placesService>;

/** Who the caller is as a volunteer: their registry entry and teams (with the teams above sub-teams). */
export interface Doer {
  volunteerId: string | null;
  volunteerName: string | null;
  teamIds: string[];
}

/**
 * Places to disinfect and their recurring schedules. Planners (`disinfection.plan`) keep them in
 * their area; readers (`disinfection.read`) list them with overdue flags; a volunteer
 * (`disinfection.log`) sees the places of their area to log at and the schedules given to them or
 * their teams ("my jobs").
 */
export function placesService(
  deps: Deps,
  {
    regions,
    volunteers,
    teams,
    checkpoints,
  }: { regions: RegionsService; volunteers: VolunteersService; teams: TeamsService; checkpoints: CheckpointsService },
) {
  const {
    db: { db, dialect },
    events,
    config: { timeZone },
  } = deps;
  const today = () => calendarDate(timeZone);

  const changed = (q: Kysely<Database>, type: string, entityType: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'disinfection.read', regionPath, entityType, entityId: id });

  function presentPlace(r: repo.PlaceRow): Place {
    return {
      id: r.id,
      regionId: r.regionId,
      regionName: r.regionName,
      kind: r.kind as PlaceKind,
      name: r.name,
      address: r.address,
      areaM2: r.areaM2,
      checkpoint: r.checkpointId ? { id: r.checkpointId, name: r.checkpointName ?? '' } : null,
      active: Boolean(r.active),
      note: r.note,
      schedules: r.schedules,
      overdue: r.overdue,
      lastDoneOn: r.lastDoneOn,
    };
  }

  const pick = (r: repo.PlaceRow): PlacePick => ({
    id: r.id,
    name: r.name,
    kind: r.kind as PlaceKind,
    regionName: r.regionName,
    address: r.address,
    areaM2: r.areaM2,
  });

  function presentSchedule(r: repo.ScheduleRow, on: string): Schedule {
    return {
      id: r.id,
      place: {
        id: r.placeId,
        name: r.placeName,
        kind: r.placeKind as PlaceKind,
        regionName: r.regionName,
        address: r.placeAddress,
        areaM2: r.placeAreaM2,
      },
      regionId: r.regionId,
      regionName: r.regionName,
      everyDays: r.everyDays,
      nextOn: r.nextOn,
      team: r.teamId ? { id: r.teamId, name: r.teamName ?? '' } : null,
      volunteer: r.volunteerId ? { id: r.volunteerId, name: r.volunteerName ?? '' } : null,
      active: Boolean(r.active),
      note: r.note,
      lastDoneOn: r.lastDoneOn,
      ...scheduleState(Boolean(r.active), r.nextOn, on),
    };
  }

  async function placeIn(actor: Actor, permission: 'disinfection.read' | 'disinfection.plan', id: string) {
    const row = await repo.findPlace(db, id, today());
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  async function scheduleIn(actor: Actor, permission: 'disinfection.read' | 'disinfection.plan', id: string) {
    const row = await repo.findSchedule(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  /** Where a place's workers may come from: its county (or its own region, above county level). */
  async function areaPath(regionPath: string): Promise<string> {
    const above = await regions.findByIds(regionPath.split('/').filter(Boolean));
    return above.find((r) => r.level === 'county')?.path ?? regionPath;
  }

  /** Another feature's record the caller may see, or nothing (refused or missing alike). */
  async function seen<T>(look: () => Promise<T>): Promise<T | undefined> {
    try {
      return await look();
    } catch (e) {
      if (e instanceof AppError && (e.status === 403 || e.status === 404)) return undefined;
      throw e;
    }
  }

  /** A team or an active volunteer of the place's county, visible to the planner: exactly one. */
  async function assignee(
    actor: Actor,
    placePath: string,
    input: { teamId?: string | undefined; volunteerId?: string | undefined },
  ): Promise<{ teamId: string | null; volunteerId: string | null }> {
    if (input.teamId && input.volunteerId) throw invalidField('volunteerId', 'field.disinfection.oneAssignee');
    const area = await areaPath(placePath);
    if (input.teamId) {
      const team = await seen(() => teams.teamVisible(actor, input.teamId!));
      if (!team || !team.regionPath.startsWith(area)) throw invalidField('teamId', 'field.disinfection.teamOutside');
      return { teamId: team.id, volunteerId: null };
    }
    if (input.volunteerId) {
      const v = await seen(() => volunteers.visible(actor, 'volunteers.read', input.volunteerId!));
      if (!v || v.status !== 'active' || !v.regionPath.startsWith(area))
        throw invalidField('volunteerId', 'field.disinfection.volunteerOutside');
      return { teamId: null, volunteerId: v.id };
    }
    throw invalidField('teamId', 'field.disinfection.assigneeRequired');
  }

  /** A checkpoint in the place's region (or under it), for a place at a checkpoint. */
  async function checkpointFor(placePath: string, checkpointId: string | null | undefined): Promise<string | null> {
    if (!checkpointId) return null;
    const [cp] = await checkpoints.summaries([checkpointId]);
    if (!cp || !cp.regionPath.startsWith(placePath)) throw invalidField('checkpointId', 'field.disinfection.checkpointOutside');
    return cp.id;
  }

  return {
    /** The caller as a volunteer, for "my jobs" and for logging. No access check: it is the caller's own. */
    async doer(actor: Actor): Promise<Doer> {
      const me = await volunteers.byAccount(actor.accountId);
      if (!me) return { volunteerId: null, volunteerName: null, teamIds: [] };
      const m = (await teams.membershipsOf([me.id])).get(me.id);
      return { volunteerId: me.id, volunteerName: me.name, teamIds: m?.teamIds ?? [] };
    },

    /** For the logs: a place and a schedule as rows, no access check (the caller checks). */
    findPlace: (id: string) => repo.findPlace(db, id, today()),
    findSchedule: (id: string) => repo.findSchedule(db, id),
    presentSchedule,
    readablePath: (actor: Actor, regionId: string | undefined) => regions.readablePath(actor, 'disinfection.read', regionId),

    async list(actor: Actor, query: PlaceQueryInput): Promise<{ items: Place[]; total: number }> {
      const scope = requireScope(actor, 'disinfection.read');
      const regionPath = await regions.readablePath(actor, 'disinfection.read', query.regionId);
      const text = query.q?.trim();
      const { items, total } = await repo.listPlaces(
        db,
        dialect,
        scope,
        {
          ...(regionPath ? { regionPath } : {}),
          ...(text ? { text } : {}),
          ...(query.kind ? { kind: query.kind } : {}),
          ...(query.active !== undefined ? { active: query.active } : {}),
          ...(query.overdue ? { overdue: true } : {}),
          limit: query.limit ?? 50,
          offset: query.offset ?? 0,
        },
        today(),
      );
      return { items: items.map(presentPlace), total };
    },

    async get(actor: Actor, id: string): Promise<Place> {
      return presentPlace(await placeIn(actor, 'disinfection.read', id));
    },

    /** Active places of the caller's logging area, for the phone's form. */
    async toPick(actor: Actor, text: string | undefined): Promise<{ items: PlacePick[] }> {
      const scope = requireScope(actor, 'disinfection.log');
      const rows = await repo.placesToPick(db, dialect, scope, text?.trim() || undefined, today());
      return { items: rows.map(pick) };
    },

    async create(actor: Actor, call: CallContext, input: CreatePlaceInput): Promise<Place> {
      const region = await regions.findById(input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'disinfection.plan', region.path);
      const checkpointId = await checkpointFor(region.path, input.checkpointId);
      const id = newId();
      const now = nowIso();
      await transact(db, call, async (trx) => {
        await repo.insertPlace(trx, {
          id,
          regionId: region.id,
          kind: input.kind,
          name: input.name.trim(),
          address: input.address?.trim() ?? null,
          areaM2: input.areaM2 ?? null,
          checkpointId,
          active: 1,
          note: input.note?.trim() ?? null,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
        });
        await auditWrite(trx, call, 'disinfection.place.create', 'disinfection_place', id, region.path, {
          kind: input.kind,
          areaM2: input.areaM2 ?? null,
          checkpointId,
        });
        await changed(trx, 'disinfection.placeChanged', 'disinfection_place', id, region.path);
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdatePlaceInput): Promise<Place> {
      const row = await placeIn(actor, 'disinfection.plan', id);
      const set = {
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.address !== undefined ? { address: input.address?.trim() ?? null } : {}),
        ...(input.areaM2 !== undefined ? { areaM2: input.areaM2 } : {}),
        ...(input.checkpointId !== undefined ? { checkpointId: await checkpointFor(row.regionPath, input.checkpointId) } : {}),
        ...(input.note !== undefined ? { note: input.note?.trim() ?? null } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      };
      await transact(db, call, async (trx) => {
        await repo.updatePlace(trx, id, { ...set, updatedAt: nowIso() });
        await auditWrite(trx, call, 'disinfection.place.update', 'disinfection_place', id, row.regionPath, { ...set });
        await changed(trx, 'disinfection.placeChanged', 'disinfection_place', id, row.regionPath);
      });
      return this.get(actor, id);
    },

    /** A place never logged at goes, with its schedules; one with logs is kept (deactivate it instead). */
    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const row = await placeIn(actor, 'disinfection.plan', id);
      const logs = await repo.logsAtPlace(db, id);
      if (logs > 0) throw conflict('DISINFECTION_PLACE_HAS_LOGS', { logs });
      await transact(db, call, async (trx) => {
        await repo.deletePlace(trx, id);
        await auditWrite(trx, call, 'disinfection.place.delete', 'disinfection_place', id, row.regionPath, { name: row.name });
        await changed(trx, 'disinfection.placeChanged', 'disinfection_place', id, row.regionPath);
      });
    },

    async schedules(actor: Actor, query: ScheduleQueryInput): Promise<{ items: Schedule[]; total: number }> {
      const scope = requireScope(actor, 'disinfection.read');
      const regionPath = await regions.readablePath(actor, 'disinfection.read', query.regionId);
      const on = today();
      const { items, total } = await repo.listSchedules(
        db,
        scope,
        {
          ...(regionPath ? { regionPath } : {}),
          ...(query.placeId ? { placeId: query.placeId } : {}),
          ...(query.state ? { state: query.state } : {}),
          limit: query.limit ?? 50,
          offset: query.offset ?? 0,
        },
        on,
      );
      return { items: items.map((r) => presentSchedule(r, on)), total };
    },

    async schedule(actor: Actor, call: CallContext, input: CreateScheduleInput): Promise<Schedule> {
      const place = await placeIn(actor, 'disinfection.plan', input.placeId);
      if (!place.active) throw conflict('DISINFECTION_PLACE_INACTIVE');
      const who = await assignee(actor, place.regionPath, input);
      const id = newId();
      const now = nowIso();
      await transact(db, call, async (trx) => {
        await repo.insertSchedule(trx, {
          id,
          placeId: place.id,
          regionId: place.regionId,
          everyDays: input.everyDays,
          nextOn: input.startsOn,
          ...who,
          active: 1,
          note: input.note?.trim() ?? null,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
        });
        await auditWrite(trx, call, 'disinfection.schedule.create', 'disinfection_schedule', id, place.regionPath, {
          placeId: place.id,
          everyDays: input.everyDays,
          startsOn: input.startsOn,
          ...who,
        });
        await changed(trx, 'disinfection.scheduleChanged', 'disinfection_schedule', id, place.regionPath);
      });
      return presentSchedule((await repo.findSchedule(db, id))!, today());
    },

    /** Interval, next day, assignee, note; `active` pauses and resumes (audited as such). */
    async updateSchedule(actor: Actor, call: CallContext, id: string, input: UpdateScheduleInput): Promise<Schedule> {
      const row = await scheduleIn(actor, 'disinfection.plan', id);
      const who = input.teamId || input.volunteerId ? await assignee(actor, row.regionPath, input) : {};
      const set = {
        ...(input.everyDays !== undefined ? { everyDays: input.everyDays } : {}),
        ...(input.nextOn !== undefined ? { nextOn: input.nextOn } : {}),
        ...who,
        ...(input.note !== undefined ? { note: input.note?.trim() ?? null } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      };
      const action =
        input.active === undefined || input.active === Boolean(row.active)
          ? 'disinfection.schedule.update'
          : input.active
            ? 'disinfection.schedule.resume'
            : 'disinfection.schedule.pause';
      await transact(db, call, async (trx) => {
        await repo.updateSchedule(trx, id, { ...set, updatedAt: nowIso() });
        await auditWrite(trx, call, action, 'disinfection_schedule', id, row.regionPath, { ...set });
        await changed(trx, 'disinfection.scheduleChanged', 'disinfection_schedule', id, row.regionPath);
      });
      return presentSchedule((await repo.findSchedule(db, id))!, today());
    },

    /** The caller's jobs on the phone: schedules given to them or their teams, overdue and due first. */
    async myJobs(actor: Actor): Promise<{ items: Schedule[] }> {
      requireScope(actor, 'disinfection.log');
      const me = await this.doer(actor);
      const on = today();
      return { items: (await repo.jobsOf(db, me)).map((r) => presentSchedule(r, on)) };
    },

    /** Whether a schedule is the caller's job (given to them or one of their teams). */
    isMine: (s: Pick<repo.ScheduleRow, 'volunteerId' | 'teamId'>, me: Doer) =>
      (s.volunteerId !== null && s.volunteerId === me.volunteerId) || (s.teamId !== null && me.teamIds.includes(s.teamId)),

    /** Whether the caller may log at this place of their own right (their logging area). */
    inLogScope: (actor: Actor, regionPath: string) => inScope(scopeFor(actor, 'disinfection.log'), regionPath),

    /** Whether the caller may name this team on a log: one of their own, or one they can see as staff. */
    async teamAllowed(actor: Actor, me: Doer, teamId: string): Promise<boolean> {
      return me.teamIds.includes(teamId) || (await seen(() => teams.teamVisible(actor, teamId))) !== undefined;
    },
  };
}
