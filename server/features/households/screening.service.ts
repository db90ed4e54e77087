import type { Kysely } from 'kysely';
import { inScope, requireScope, scopeFor, type Actor, type Scope } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database, ScreeningAssignmentTable } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { madeAt } from '../../platform/http/made-at.ts';
import { AppError, conflict, forbidden, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import type { FollowUpsService } from '../quarantine/follow-ups.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { RiskAreasService } from '../risk-areas/risk-areas.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import * as repo from './screening.repository.ts';
import type {
  AssignmentsInput,
  Campaign,
  CampaignDetail,
  CampaignQueryInput,
  CoverageCounts,
  CoverageNode,
  CreateCampaignInput,
  CreateVisitInput,
  FieldGrid,
  FieldHousehold,
  HouseholdSearchInput,
  StateCounts,
  UpdateCampaignInput,
  Visit,
} from './screening.schemas.ts';

export type ScreeningService = ReturnType<typeof screeningService>;

/** Campaigns cover a community or more: a grid is what one volunteer walks, not a campaign. */
const CAMPAIGN_LEVELS = new Set(['city', 'county', 'township', 'community']);
/** Someone back from a risk area is asked about the last weeks, not months. */
const RETURN_LOOKBACK_DAYS = 60;

function publicCampaign(row: repo.CampaignRow): Campaign {
  const { regionPath: _path, regionLevel: _level, ...rest } = row;
  return rest;
}

function counts(households: number, v: repo.VisitCounts | undefined): CoverageCounts {
  const reached = v?.reached ?? 0;
  const notReached = v?.notReached ?? 0;
  return {
    households,
    reached,
    notReached,
    notVisited: Math.max(0, households - reached - notReached),
    percent: households ? Math.floor((reached * 100) / households) : 0,
    fever: v?.fever ?? 0,
    riskReturns: v?.riskReturns ?? 0,
    outsiders: v?.outsiders ?? 0,
  };
}

function add(into: CoverageCounts, c: CoverageCounts): void {
  into.households += c.households;
  into.reached += c.reached;
  into.notReached += c.notReached;
  into.fever += c.fever;
  into.riskReturns += c.riskReturns;
  into.outsiders += c.outsiders;
}

/**
 * Door-to-door screening (入户排查): campaigns over a region with their grids given to volunteers
 * or teams (`screening.plan`), visits recorded on a phone (`screening.visit`: a volunteer only in
 * the grids given to them or their team; planners anywhere in their scope), and live coverage
 * (`households.read` or `screening.plan`). A visit finding a fever or a return from a risk area
 * is handed to the community through `followUps.open` in the same transaction.
 */
export function screeningService(
  deps: Deps,
  {
    regions,
    volunteers,
    teams,
    riskAreas,
    followUps,
  }: {
    regions: RegionsService;
    volunteers: VolunteersService;
    teams: TeamsService;
    riskAreas: RiskAreasService;
    followUps: FollowUpsService;
  },
) {
  const {
    db: { db, dialect },
    events,
    config: { timeZone },
  } = deps;

  /** Readers of coverage: households.read or screening.plan. */
  function readScope(actor: Actor): Scope {
    const a = scopeFor(actor, 'households.read');
    const b = scopeFor(actor, 'screening.plan');
    if (a.all || b.all) return { all: true };
    if (a.paths.length + b.paths.length === 0) throw forbidden();
    return { all: false, paths: [...a.paths, ...b.paths] };
  }

  async function readable(actor: Actor, id: string): Promise<repo.CampaignRow> {
    const scope = readScope(actor);
    const row = await repo.findCampaign(db, id);
    if (!row || !inScope(scope, row.regionPath)) throw notFound();
    return row;
  }

  async function plannable(actor: Actor, id: string): Promise<repo.CampaignRow> {
    const scope = requireScope(actor, 'screening.plan');
    const row = await repo.findCampaign(db, id);
    if (!row || !inScope(scope, row.regionPath)) throw notFound();
    return row;
  }

  const changed = (
    q: Kysely<Database>,
    type: string,
    c: Pick<repo.CampaignRow, 'id' | 'regionPath'>,
    regionPath = c.regionPath,
  ) => events.publish(q, { type, permission: 'households.read', regionPath, entityType: 'screening_campaign', entityId: c.id });

  function checkDates(startsOn: string, endsOn: string): void {
    if (endsOn < startsOn) throw invalidField('endsOn', 'field.screening.endsBeforeStarts');
  }

  /** The volunteer behind the caller's account and their teams (with the teams above sub-teams). */
  async function whoIs(actor: Actor): Promise<{ volunteerId: string | null; teamIds: string[] }> {
    const volunteer = await volunteers.byAccount(actor.accountId);
    if (!volunteer) return { volunteerId: null, teamIds: [] };
    const m = (await teams.membershipsOf([volunteer.id])).get(volunteer.id);
    return { volunteerId: volunteer.id, teamIds: m?.teamIds ?? [] };
  }

  async function assignedIn(actor: Actor): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    for (const a of await repo.assignedGrids(db, await whoIs(actor))) {
      const set = out.get(a.campaignId) ?? new Set<string>();
      set.add(a.regionId);
      out.set(a.campaignId, set);
    }
    return out;
  }

  /** The grids (under the campaign) a caller works in: given to them, or in their planning scope. */
  async function workGrids(actor: Actor, c: repo.CampaignRow, assigned: Set<string> | undefined): Promise<string[]> {
    const plan = scopeFor(actor, 'screening.plan');
    const hasPlan = plan.all || plan.paths.length > 0;
    if (!hasPlan) return [...(assigned ?? [])];
    const grids = (await repo.regionsUnder(db, c.regionPath)).filter(
      (r) => r.level === 'grid' && (inScope(plan, r.path) || assigned?.has(r.id)),
    );
    return grids.map((g) => g.id);
  }

  function runningProblem(c: repo.CampaignRow, today: string): AppError | null {
    if (c.status !== 'active') return conflict('SCREENING_CAMPAIGN_CLOSED');
    if (today < c.startsOn || today > c.endsOn) return conflict('SCREENING_NOT_RUNNING', { from: c.startsOn, to: c.endsOn });
    return null;
  }

  /** The campaign a caller may visit in: a 404 unless they plan over it or hold a grid of it. */
  async function workable(actor: Actor, id: string) {
    requireScope(actor, 'screening.visit');
    const c = await repo.findCampaign(db, id);
    if (!c) throw notFound();
    const plan = scopeFor(actor, 'screening.plan');
    const overlaps = plan.all || plan.paths.some((p) => p.startsWith(c.regionPath) || c.regionPath.startsWith(p));
    const assigned = (await assignedIn(actor)).get(c.id);
    if (!overlaps && !assigned) throw notFound();
    return { c, plan, assigned: assigned ?? new Set<string>() };
  }

  function visitProblems(input: CreateVisitInput, today: string): Record<string, FieldProblem> {
    const problems: Record<string, FieldProblem> = {};
    if (input.outcome === 'not_reached') {
      for (const f of [
        'residentsPresent',
        'feverCount',
        'symptoms',
        'riskReturn',
        'riskOriginCode',
        'riskReturnedOn',
        'outsiders',
      ] as const) {
        const v = input[f];
        if (v !== undefined && v !== null && v !== 0 && v !== false) problems[f] = { reason: 'field.screening.notReachedFields' };
      }
      return problems;
    }
    if (input.residentsPresent === undefined) problems.residentsPresent = { reason: 'field.screening.residentsRequired' };
    else if ((input.feverCount ?? 0) > input.residentsPresent)
      problems.feverCount = { reason: 'field.screening.feverOverPresent' };
    if (input.riskReturn) {
      if (!input.riskOriginCode) problems.riskOriginCode = { reason: 'field.screening.originRequired' };
      else if (!riskAreas.division(input.riskOriginCode)) problems.riskOriginCode = { reason: 'field.division.unknown' };
      if (!input.riskReturnedOn) problems.riskReturnedOn = { reason: 'field.screening.returnedOnRequired' };
      else if (input.riskReturnedOn > today) problems.riskReturnedOn = { reason: 'field.screening.returnedOnFuture' };
      else if (input.riskReturnedOn < addDays(today, -RETURN_LOOKBACK_DAYS)) {
        problems.riskReturnedOn = { reason: 'field.screening.returnedOnOld', params: { days: RETURN_LOOKBACK_DAYS } };
      }
    } else {
      if (input.riskOriginCode) problems.riskOriginCode = { reason: 'field.screening.noRiskReturn' };
      if (input.riskReturnedOn) problems.riskReturnedOn = { reason: 'field.screening.noRiskReturn' };
    }
    return problems;
  }

  /** Opens the community's follow-ups a visit calls for (idempotent on the visit). */
  async function handOver(
    q: Kysely<Database>,
    call: CallContext,
    v: { id: string; household: repo.HouseholdRef; visitedAt: string; input: CreateVisitInput; originName: string | null },
  ): Promise<Visit['followUps']> {
    const fever = (v.input.feverCount ?? 0) > 0 || v.input.symptoms === true;
    const risk = v.input.riskReturn === true;
    if (!fever && !risk) return [];
    const contact = await repo.contactOf(q, v.household.id);
    const base = {
      regionId: v.household.regionId,
      source: { kind: 'screening_visit' as const, id: v.id },
      person: { name: contact?.name ?? null, mobile: contact?.mobile ?? null },
      details: {
        address: v.household.address,
        occurredAt: v.visitedAt,
        originCode: risk ? (v.input.riskOriginCode ?? null) : null,
        originName: risk ? v.originName : null,
      },
    };
    const refs: Visit['followUps'] = [];
    if (fever) refs.push({ id: (await followUps.open(q, { ...base, kind: 'fever' }, call)).id, kind: 'fever' });
    if (risk) refs.push({ id: (await followUps.open(q, { ...base, kind: 'risk_arrival' }, call)).id, kind: 'risk_arrival' });
    return refs;
  }

  return {
    /** Households screened per region for the dashboard's refresh job: the system's own reading, no access check. */
    figures: (w: FigureWindow) => repo.screenedFigures(db, w.to),

    async list(actor: Actor, query: CampaignQueryInput): Promise<{ items: Campaign[]; total: number }> {
      const scope = readScope(actor);
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath || !inScope(scope, regionPath)) throw notFound();
      }
      const { items, total } = await repo.listCampaigns(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.status ? { status: query.status } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(publicCampaign), total };
    },

    async get(actor: Actor, id: string): Promise<CampaignDetail> {
      const c = await readable(actor, id);
      return { ...publicCampaign(c), grids: await repo.gridsWithAssignments(db, c.id, c.regionPath) };
    },

    async create(actor: Actor, call: CallContext, input: CreateCampaignInput): Promise<CampaignDetail> {
      const scope = requireScope(actor, 'screening.plan');
      checkDates(input.startsOn, input.endsOn);
      const region = await repo.findRegion(db, input.regionId);
      if (!region || !inScope(scope, region.path)) throw notFound();
      if (!CAMPAIGN_LEVELS.has(region.level)) throw invalidField('regionId', 'field.screening.regionLevel');
      const id = newId();
      const now = nowIso();
      await transact(db, call, async (trx) => {
        await repo.insertCampaign(trx, {
          id,
          name: input.name.trim(),
          regionId: region.id,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          status: 'active',
          note: input.note?.trim() || null,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
        });
        await auditWrite(trx, call, 'screening.campaign.create', 'screening_campaign', id, region.path, {
          regionId: region.id,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        });
        await changed(trx, 'screening.campaign.created', { id, regionPath: region.path });
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateCampaignInput): Promise<CampaignDetail> {
      const c = await plannable(actor, id);
      if (c.status === 'closed') throw conflict('SCREENING_CAMPAIGN_CLOSED');
      checkDates(input.startsOn ?? c.startsOn, input.endsOn ?? c.endsOn);
      await transact(db, call, async (trx) => {
        await repo.updateCampaign(trx, id, {
          ...(input.name !== undefined ? { name: input.name.trim() } : {}),
          ...(input.startsOn !== undefined ? { startsOn: input.startsOn } : {}),
          ...(input.endsOn !== undefined ? { endsOn: input.endsOn } : {}),
          ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
          updatedAt: nowIso(),
        });
        await auditWrite(trx, call, 'screening.campaign.update', 'screening_campaign', id, c.regionPath, {
          fields: Object.keys(input),
        });
        await changed(trx, 'screening.campaign.changed', c);
      });
      return this.get(actor, id);
    },

    async close(actor: Actor, call: CallContext, id: string): Promise<CampaignDetail> {
      const c = await plannable(actor, id);
      if (c.status === 'closed') throw conflict('SCREENING_CAMPAIGN_CLOSED');
      await transact(db, call, async (trx) => {
        await repo.updateCampaign(trx, id, { status: 'closed', updatedAt: nowIso() });
        await auditWrite(trx, call, 'screening.campaign.close', 'screening_campaign', id, c.regionPath, {});
        await changed(trx, 'screening.campaign.changed', c);
      });
      return this.get(actor, id);
    },

    /**
     * Replaces who visits which grid. Each grid lies under the campaign's region; each volunteer
     * and team is one the planner can see (422 on the item otherwise, so nothing is half-saved).
     */
    async setAssignments(actor: Actor, call: CallContext, id: string, input: AssignmentsInput): Promise<CampaignDetail> {
      const c = await plannable(actor, id);
      if (c.status === 'closed') throw conflict('SCREENING_CAMPAIGN_CLOSED');
      const grids = new Set((await repo.regionsUnder(db, c.regionPath)).filter((r) => r.level === 'grid').map((r) => r.id));
      const seen = new Set<string>();
      const problems: Record<string, FieldProblem> = {};
      const now = nowIso();
      const rows: ScreeningAssignmentTable[] = [];
      for (const [i, item] of input.items.entries()) {
        const at = `items.${i}`;
        if (!grids.has(item.regionId)) problems[`${at}.regionId`] = { reason: 'field.screening.gridOutside' };
        else if (seen.has(item.regionId)) problems[`${at}.regionId`] = { reason: 'field.screening.gridTwice' };
        seen.add(item.regionId);
        if (!item.volunteerId && !item.teamId) problems[`${at}.volunteerId`] = { reason: 'field.screening.assigneeRequired' };
        if (item.volunteerId) {
          try {
            await volunteers.visible(actor, 'volunteers.read', item.volunteerId);
          } catch {
            problems[`${at}.volunteerId`] = { reason: 'field.screening.volunteerUnknown' };
          }
        }
        if (item.teamId) {
          try {
            await teams.teamVisible(actor, item.teamId);
          } catch {
            problems[`${at}.teamId`] = { reason: 'field.screening.teamUnknown' };
          }
        }
        rows.push({
          campaignId: id,
          regionId: item.regionId,
          volunteerId: item.volunteerId ?? null,
          teamId: item.teamId ?? null,
          createdAt: now,
        });
      }
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      await transact(db, call, async (trx) => {
        await repo.replaceAssignments(trx, id, rows);
        await auditWrite(trx, call, 'screening.campaign.assign', 'screening_campaign', id, c.regionPath, { grids: rows.length });
        await changed(trx, 'screening.campaign.changed', c);
      });
      return this.get(actor, id);
    },

    /**
     * Coverage from the campaign's region down to its grids: households per region and the
     * campaign's latest visits per region, both read from tallies the writes keep (one row per
     * region, whatever the county's size), rolled up the tree in memory.
     */
    async coverage(actor: Actor, id: string): Promise<{ campaignId: string; nodes: CoverageNode[] }> {
      const c = await readable(actor, id);
      const [nodes, visits] = await Promise.all([repo.regionsWithHouseholds(db, c.regionPath), repo.visitCounts(db, c.id)]);
      const out = nodes.map((n): CoverageNode => ({
        regionId: n.id,
        parentId: n.id === c.regionId ? null : n.parentId,
        name: n.name,
        level: n.level,
        ...counts(n.households, visits.get(n.id)),
      }));
      const byId = new Map(out.map((n) => [n.regionId, n]));
      // Children come after their parents (ordered by path): add each to its parent from the end.
      for (let i = out.length - 1; i > 0; i--) {
        const node = out[i]!;
        const parent = node.parentId ? byId.get(node.parentId) : undefined;
        if (parent) add(parent, node);
      }
      for (const n of out) Object.assign(n, counts(n.households, n));
      return { campaignId: c.id, nodes: out };
    },

    /** The phone's first page: active, started campaigns the caller works in, with their grids' progress. */
    async fieldCampaigns(actor: Actor): Promise<(Campaign & { grids: FieldGrid[] })[]> {
      requireScope(actor, 'screening.visit');
      const today = calendarDate(timeZone);
      const assigned = await assignedIn(actor);
      const plan = scopeFor(actor, 'screening.plan');
      const byId = new Map<string, repo.CampaignRow>();
      for (const c of await repo.activeCampaigns(db, [...assigned.keys()], null)) byId.set(c.id, c);
      if (plan.all || plan.paths.length) for (const c of await repo.activeCampaigns(db, null, plan)) byId.set(c.id, c);
      const out: (Campaign & { grids: FieldGrid[] })[] = [];
      for (const c of byId.values()) {
        if (c.startsOn > today) continue;
        const gridIds = await workGrids(actor, c, assigned.get(c.id));
        const [names, households, visits] = await Promise.all([
          repo.gridNames(db, gridIds),
          repo.householdCounts(db, gridIds),
          repo.visitCounts(db, c.id, gridIds),
        ]);
        out.push({
          ...publicCampaign(c),
          grids: names.map((g) => ({
            regionId: g.id,
            name: g.name,
            communityName: g.communityName,
            ...counts(households.get(g.id) ?? 0, visits.get(g.id)),
          })),
        });
      }
      return out;
    },

    async gridHouseholds(
      actor: Actor,
      id: string,
      gridId: string,
      query: HouseholdSearchInput,
    ): Promise<{ items: FieldHousehold[]; total: number; counts: StateCounts }> {
      const { c, plan, assigned } = await workable(actor, id);
      const grid = await repo.findRegion(db, gridId);
      if (!grid || !grid.path.startsWith(c.regionPath) || !(assigned.has(grid.id) || inScope(plan, grid.path))) throw notFound();
      const { items, counts } = await repo.gridHouseholds(db, dialect, c.id, grid.id, {
        ...(query.q?.trim() ? { text: query.q.trim() } : {}),
        ...(query.state ? { state: query.state } : {}),
        limit: query.limit ?? 30,
        offset: query.offset ?? 0,
      });
      const byState = { not_visited: counts.notVisited, revisit: counts.revisit, done: counts.done };
      const total = query.state ? byState[query.state] : counts.notVisited + counts.revisit + counts.done;
      return { items, total, counts };
    },

    /**
     * Records a visit; it becomes the household's latest in the campaign (the one coverage counts).
     * A volunteer records only in grids given to them or their team (403 in their own area,
     * 404 elsewhere); planners anywhere in their scope.
     */
    async visit(actor: Actor, call: CallContext, id: string, input: CreateVisitInput): Promise<Visit> {
      // When the door was knocked on: the phone's time when the visit waited offline; rules follow it.
      const { made: now, received } = madeAt(input.visitedAt, 'visitedAt');
      const { c, plan, assigned } = await workable(actor, id);
      const household = await repo.findHousehold(db, input.householdId);
      if (!household || !household.regionPath.startsWith(c.regionPath)) throw notFound();
      if (!assigned.has(household.regionId) && !inScope(plan, household.regionPath)) {
        if (inScope(scopeFor(actor, 'screening.visit'), household.regionPath)) throw new AppError(403, 'SCREENING_NOT_ASSIGNED');
        throw notFound();
      }
      const today = calendarDate(timeZone, now);
      const running = runningProblem(c, today);
      if (running) throw running;
      const problems = visitProblems(input, today);
      if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
      const reached = input.outcome === 'reached';
      const riskReturn = reached && input.riskReturn === true;
      const originName = riskReturn ? (riskAreas.division(input.riskOriginCode!)?.fullName ?? null) : null;
      const visitId = newId();
      const visitedAt = nowIso(now);
      const values = {
        residentsPresent: reached ? (input.residentsPresent ?? 0) : 0,
        feverCount: reached ? (input.feverCount ?? 0) : 0,
        symptoms: reached && input.symptoms === true,
        riskReturn,
        riskOriginCode: riskReturn ? (input.riskOriginCode ?? null) : null,
        riskReturnedOn: riskReturn ? (input.riskReturnedOn ?? null) : null,
        outsiders: reached ? (input.outsiders ?? 0) : 0,
        note: input.note?.trim() || null,
      };
      const refs = await transact(db, call, async (trx) => {
        await repo.lockHousehold(trx, dialect, household.id);
        await repo.insertLatestVisit(trx, {
          id: visitId,
          campaignId: c.id,
          householdId: household.id,
          regionId: household.regionId,
          visitedBy: actor.accountId,
          visitedAt,
          visitedOn: today,
          outcome: input.outcome,
          ...values,
          symptoms: values.symptoms ? 1 : 0,
          riskReturn: values.riskReturn ? 1 : 0,
          latest: 1,
          createdAt: nowIso(received),
        });
        const made = await handOver(trx, call, { id: visitId, household, visitedAt, input: { ...input, ...values }, originName });
        // Findings as flags only: who lives there stays out of the audit trail.
        await auditWrite(trx, call, 'screening.visit', 'screening_visit', visitId, household.regionPath, {
          campaignId: c.id,
          householdId: household.id,
          outcome: input.outcome,
          fever: values.feverCount > 0 || values.symptoms,
          riskReturn,
        });
        await changed(trx, 'screening.visited', c, household.regionPath);
        return made;
      });
      return {
        id: visitId,
        campaignId: c.id,
        householdId: household.id,
        regionId: household.regionId,
        visitedAt,
        visitedOn: today,
        outcome: input.outcome,
        ...values,
        riskOriginName: originName,
        followUps: refs,
      };
    },
  };
}
