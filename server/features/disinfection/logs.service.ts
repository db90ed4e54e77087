import type { Kysely } from 'kysely';
import type { DisinfectionMethod, PlaceKind, RegionLevel } from '../../../common/enums.ts';
import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { BACKDATE_DAYS, defaultPeriod, doneAtProblem, nextOnAfter } from './disinfection.rules.ts';
import type {
  Counts,
  CreateLogInput,
  Log,
  LogQueryInput,
  SignOffInput,
  Totals,
  TotalsQueryInput,
} from './disinfection.schemas.ts';
import * as repo from './logs.repository.ts';
import { moveNextOn } from './places.repository.ts';
import type { PlacesService } from './places.service.ts';

export type LogsService = ReturnType<typeof logsService>;

/** What the quarantine feature says of a disinfection visit to an isolated household. */
export interface HomeVisitInput {
  caseId: string;
  caseServiceId: string;
  /** The case's region (its grid or community). */
  regionId: string;
  regionPath: string;
  doneAt: string;
  doneOn: string;
  byAccountId: string;
  areaM2: number;
  agent: string;
  concentration: string | null;
  method: DisinfectionMethod;
  people: number;
  contactMinutes: number | null;
  note: string | null;
}

/** A home visit as the case's service history shows it. */
export interface HomeVisit {
  id: string;
  caseServiceId: string | null;
  doneOn: string;
  doneAt: string;
  byName: string;
  areaM2: number;
  agent: string;
  concentration: string | null;
  method: DisinfectionMethod;
  people: number;
  contactMinutes: number | null;
  note: string | null;
  signedOffAt: string | null;
}

const ZERO = (): Counts => ({ operations: 0, areaM2: 0, people: 0 });
const add = (into: Counts, r: Counts) => {
  into.operations += r.operations;
  into.areaM2 += r.areaM2;
  into.people += r.people;
};
/** m² as people read them: to the square metre, whatever the floating sums left behind. */
const rounded = (c: Counts): Counts => ({ ...c, areaM2: Math.round(c.areaM2 * 100) / 100 });

/**
 * Disinfection logs: a job logged on the phone (`disinfection.log`: at a place of the caller's area
 * or of a schedule given to them), read and signed off at the desk (`disinfection.read`,
 * `disinfection.signOff`), totals per child region. Isolated homes' visits are logs too: the
 * quarantine feature writes and reads them through `homeVisits`.
 */
export function logsService(deps: Deps, { volunteers, places }: { volunteers: VolunteersService; places: PlacesService }) {
  const {
    db: { db },
    events,
    config: { timeZone },
  } = deps;
  const today = () => calendarDate(timeZone);

  const logged = (q: Kysely<Database>, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'disinfection.read', regionPath, entityType: 'disinfection_log', entityId: id });

  function present(r: repo.LogRow): Log {
    return {
      id: r.id,
      regionId: r.regionId,
      regionName: r.regionName,
      site: r.caseId ? 'home' : 'place',
      place: r.placeId ? { id: r.placeId, name: r.placeName ?? '', kind: r.placeKind as PlaceKind } : null,
      caseRef: r.caseId ? (r.caseRef ?? '') : null,
      placeLabel: r.placeId ? (r.placeName ?? '') : `${r.caseRef ?? ''} 隔离户`,
      scheduleId: r.scheduleId,
      doneAt: r.doneAt,
      doneOn: r.doneOn,
      by: { accountId: r.byAccountId, name: r.byName },
      team: r.teamId ? { id: r.teamId, name: r.teamName ?? '' } : null,
      people: r.people,
      areaM2: r.areaM2,
      agent: r.agent,
      concentration: r.concentration,
      method: r.method as DisinfectionMethod,
      contactMinutes: r.contactMinutes,
      note: r.note,
      signOff:
        r.signedOffAt && r.signedOffBy
          ? { by: { accountId: r.signedOffBy, name: r.signedOffByName ?? '' }, at: r.signedOffAt, note: r.signOffNote }
          : null,
      createdAt: r.createdAt,
    };
  }

  const homeVisit = (r: repo.LogRow): HomeVisit => ({
    id: r.id,
    caseServiceId: r.caseServiceId,
    doneOn: r.doneOn,
    doneAt: r.doneAt,
    byName: r.byName,
    areaM2: r.areaM2,
    agent: r.agent,
    concentration: r.concentration,
    method: r.method as DisinfectionMethod,
    people: r.people,
    contactMinutes: r.contactMinutes,
    note: r.note,
    signedOffAt: r.signedOffAt,
  });

  /** When the job was done: now by default; not ahead of the clock, at most a week back. */
  function when(doneAt: string | undefined): { doneAt: string; doneOn: string } {
    const now = new Date();
    const at = doneAt ? new Date(doneAt) : now;
    const doneOn = calendarDate(timeZone, at);
    const problem = doneAtProblem(at, now, today(), doneOn);
    if (problem) throw invalidField('doneAt', problem, { days: BACKDATE_DAYS });
    // A phone a little ahead of the server logs "now", not a moment still to come.
    const kept = at > now ? now : at;
    return { doneAt: nowIso(kept), doneOn: calendarDate(timeZone, kept) };
  }

  async function readable(actor: Actor, id: string): Promise<repo.LogRow> {
    const row = await repo.findLog(db, id);
    if (!row) throw notFound();
    requireAccess(actor, 'disinfection.read', row.regionPath);
    return row;
  }

  /** The region the totals are for: the one asked, else the caller's own area (the first, for several). */
  async function totalsRegion(actor: Actor, regionId: string | undefined): Promise<repo.RegionRef> {
    const scope = requireScope(actor, 'disinfection.read');
    const id = regionId ?? (scope.all ? undefined : scope.paths[0]!.split('/').filter(Boolean).pop());
    const region = id ? await repo.findRegion(db, id) : (await repo.childRegions(db, null))[0];
    if (!region) throw notFound();
    requireAccess(actor, 'disinfection.read', region.path);
    return region;
  }

  return {
    /** The day's disinfection figures per region for the dashboard's refresh job: the system's own reading, no access check. */
    figures: (w: FigureWindow) => repo.dayFigures(db, w.day),

    get: async (actor: Actor, id: string): Promise<Log> => present(await readable(actor, id)),

    async list(actor: Actor, query: LogQueryInput): Promise<{ items: Log[]; total: number }> {
      const scope = requireScope(actor, 'disinfection.read');
      const regionPath = await places.readablePath(actor, query.regionId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.disinfection.toBeforeFrom');
      const { items, total } = await repo.listLogs(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.placeId ? { placeId: query.placeId } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(query.signed !== undefined ? { signed: query.signed } : {}),
        ...(query.site ? { site: query.site } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(present), total };
    },

    /** The caller's own recent entries, for the phone. */
    async mine(actor: Actor): Promise<{ items: Log[] }> {
      requireScope(actor, 'disinfection.log');
      return { items: (await repo.logsBy(db, actor.accountId, 50)).map(present) };
    },

    /**
     * A job done at a place. Against a schedule, its next job moves to the day done + its
     * interval; a volunteer's job counts in their service record.
     */
    async log(actor: Actor, call: CallContext, input: CreateLogInput): Promise<Log> {
      requireScope(actor, 'disinfection.log');
      const place = await places.findPlace(input.placeId);
      if (!place) throw notFound();
      const me = await places.doer(actor);
      const schedule = input.scheduleId ? await places.findSchedule(input.scheduleId) : undefined;
      const ofPlace = schedule && schedule.placeId === place.id ? schedule : undefined;
      if (!places.inLogScope(actor, place.regionPath) && !(ofPlace && places.isMine(ofPlace, me))) throw notFound();
      if (input.scheduleId && !ofPlace) throw invalidField('scheduleId', 'field.disinfection.scheduleOtherPlace');
      if (!place.active) throw conflict('DISINFECTION_PLACE_INACTIVE');
      if (ofPlace && !ofPlace.active) throw conflict('DISINFECTION_SCHEDULE_PAUSED');
      const { doneAt, doneOn } = when(input.doneAt);
      if (input.teamId && !(await places.teamAllowed(actor, me, input.teamId)))
        throw invalidField('teamId', 'field.disinfection.team');
      const teamId = input.teamId ?? (ofPlace?.teamId && me.teamIds.includes(ofPlace.teamId) ? ofPlace.teamId : null);
      const id = newId();
      const now = nowIso();
      const people = input.people ?? 1;
      await transact(db, call, async (trx) => {
        await repo.insertLog(trx, {
          id,
          regionId: place.regionId,
          placeId: place.id,
          scheduleId: ofPlace?.id ?? null,
          caseId: null,
          caseServiceId: null,
          doneAt,
          doneOn,
          byAccountId: actor.accountId,
          teamId,
          people,
          areaM2: input.areaM2,
          agent: input.agent.trim(),
          concentration: input.concentration?.trim() ?? null,
          method: input.method,
          contactMinutes: input.contactMinutes ?? null,
          note: input.note?.trim() ?? null,
          signedOffBy: null,
          signedOffAt: null,
          signOffNote: null,
          createdAt: now,
        });
        if (ofPlace) await moveNextOn(trx, ofPlace.id, nextOnAfter(doneOn, ofPlace.everyDays, ofPlace.nextOn), now);
        if (me.volunteerId) {
          await volunteers.recordService(trx, {
            volunteerId: me.volunteerId,
            kind: 'disinfection',
            sourceId: id,
            title: `卫生消杀（${place.name}）`,
            hours: null,
            occurredOn: doneOn,
            createdBy: actor.accountId,
          });
        }
        await auditWrite(trx, call, 'disinfection.log', 'disinfection_log', id, place.regionPath, {
          placeId: place.id,
          scheduleId: ofPlace?.id ?? null,
          doneOn,
          areaM2: input.areaM2,
          people,
          method: input.method,
        });
        await logged(trx, 'disinfection.logged', id, place.regionPath);
      });
      return present((await repo.findLog(db, id))!);
    },

    /** An inspector's or manager's sign-off: once, never of one's own entry. */
    async signOff(actor: Actor, call: CallContext, id: string, input: SignOffInput): Promise<Log> {
      const row = await repo.findLog(db, id);
      if (!row) throw notFound();
      requireAccess(actor, 'disinfection.signOff', row.regionPath);
      if (row.byAccountId === actor.accountId) throw conflict('DISINFECTION_SIGN_OWN');
      if (row.signedOffAt) throw conflict('DISINFECTION_SIGNED');
      const note = input.note?.trim() ?? null;
      await transact(db, call, async (trx) => {
        if (!(await repo.signOff(trx, id, actor.accountId, nowIso(), note))) throw conflict('DISINFECTION_SIGNED');
        await auditWrite(trx, call, 'disinfection.signOff', 'disinfection_log', id, row.regionPath, { note: note !== null });
        await logged(trx, 'disinfection.signedOff', id, row.regionPath);
      });
      return present((await repo.findLog(db, id))!);
    },

    /** Operations, m² and people under a region over a period (this month by default), per child region. */
    async totals(actor: Actor, query: TotalsQueryInput): Promise<Totals> {
      const region = await totalsRegion(actor, query.regionId);
      const fallback = defaultPeriod(today());
      const period = query.all ? null : { from: query.from ?? fallback.from, to: query.to ?? fallback.to };
      if (period && period.to < period.from) throw invalidField('to', 'field.disinfection.toBeforeFrom');
      const [rows, children] = await Promise.all([repo.totalsUnder(db, region, period), repo.childRegions(db, region.id)]);
      const total = ZERO();
      const homes = ZERO();
      const direct = ZERO();
      const byChild = new Map(children.map((c) => [c.id, ZERO()]));
      for (const r of rows) {
        add(total, r);
        if (r.homes) add(homes, r);
        const into = r.childId ? byChild.get(r.childId) : direct;
        if (into) add(into, r);
      }
      return {
        region: { id: region.id, name: region.name, level: region.level as RegionLevel },
        from: period?.from ?? null,
        to: period?.to ?? null,
        total: rounded(total),
        homes: rounded(homes),
        direct: rounded(direct),
        children: children.map((c) => ({
          regionId: c.id,
          name: c.name,
          level: c.level as RegionLevel,
          ...rounded(byChild.get(c.id)!),
        })),
      };
    },

    /**
     * The quarantine feature's door: isolated homes' disinfection visits are logs like any other
     * (one record, counted in the totals). No access checks here: the case services check theirs.
     */
    homeVisits: {
      /** Writes the visit inside the caller's transaction (with the service's next day); returns its id. */
      async log(trx: Kysely<Database>, call: CallContext, v: HomeVisitInput): Promise<string> {
        const id = newId();
        await repo.insertLog(trx, {
          id,
          regionId: v.regionId,
          placeId: null,
          scheduleId: null,
          caseId: v.caseId,
          caseServiceId: v.caseServiceId,
          doneAt: v.doneAt,
          doneOn: v.doneOn,
          byAccountId: v.byAccountId,
          teamId: null,
          people: v.people,
          areaM2: v.areaM2,
          agent: v.agent,
          concentration: v.concentration,
          method: v.method,
          contactMinutes: v.contactMinutes,
          note: v.note,
          signedOffBy: null,
          signedOffAt: null,
          signOffNote: null,
          createdAt: nowIso(),
        });
        await auditWrite(trx, call, 'disinfection.log', 'disinfection_log', id, v.regionPath, {
          caseId: v.caseId,
          caseServiceId: v.caseServiceId,
          doneOn: v.doneOn,
          areaM2: v.areaM2,
          people: v.people,
          method: v.method,
        });
        await logged(trx, 'disinfection.logged', id, v.regionPath);
        return id;
      },
      /** A case's visits, newest first. */
      ofCase: async (caseId: string, limit = 50): Promise<HomeVisit[]> =>
        (await repo.logsOfCase(db, caseId, limit)).map(homeVisit),
      /** The last visit day of each of these case services. */
      lastDone: (serviceIds: readonly string[]) => repo.lastDoneByCaseService(db, serviceIds),
      find: async (id: string): Promise<HomeVisit | undefined> => {
        const row = await repo.findLog(db, id);
        return row && homeVisit(row);
      },
    },
  };
}
