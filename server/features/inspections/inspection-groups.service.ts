import { isValidMobile } from '../../../common/phone.ts';
import { maskMobile } from '../../../common/mask.ts';
import { canGrant, inScope, requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, notFound, type FieldProblem } from '../../platform/errors.ts';
import { notify } from '../../platform/notify/notify.ts';
import type { AccountsService } from '../accounts/accounts.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './inspection-groups.repository.ts';
import type {
  CreateInspectionGroupInput,
  InspectionGroup,
  InspectionGroupQueryInput,
  UpdateInspectionGroupInput,
} from './inspection-groups.schemas.ts';

export type InspectionGroupsService = ReturnType<typeof inspectionGroupsService>;

/** Chinese names in the order people look them up, the same on every database. */
const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Volunteers sign in with their mobile number: such a login is personal data like the mobile itself. */
const shownLogin = (login: string) => (isValidMobile(login) ? maskMobile(login) : login);

/** Liaison and discipline inspection groups, whose members hold the inspector role over the group's area. */
export function inspectionGroupsService(deps: Deps, { regions }: { regions: RegionsService; accounts: AccountsService }) {
  const {
    db: { db, dialect },
    events,
    config: { timeZone },
  } = deps;

  const changed = (q: typeof db, type: string, g: Pick<repo.GroupRow, 'id' | 'regionPath'>) =>
    events.publish(q, {
      type,
      permission: 'inspections.read',
      regionPath: g.regionPath,
      entityType: 'inspection_group',
      entityId: g.id,
    });

  async function present(rows: repo.GroupRow[]): Promise<InspectionGroup[]> {
    const ids = rows.map((g) => g.id);
    const areas = await repo.areasOf(db, ids);
    const members = await repo.membersOf(db, ids);
    const visits = await repo.visitsOn(db, ids, calendarDate(timeZone));
    return rows.map((g) => {
      const mine = members.filter((m) => m.groupId === g.id);
      const leader = mine.find((m) => m.accountId === g.leaderAccountId);
      return {
        id: g.id,
        name: g.name,
        kind: g.kind,
        regionId: g.regionId,
        regionName: g.regionName,
        leader: leader ? { accountId: leader.accountId, name: leader.name } : null,
        members: mine.map((m) => ({ accountId: m.accountId, name: m.name, login: shownLogin(m.login) })),
        area: areas.filter((a) => a.groupId === g.id).map((a) => ({ regionId: a.regionId, name: a.name, level: a.level })),
        note: g.note,
        visitsToday: visits.get(g.id) ?? 0,
        createdAt: g.createdAt,
        updatedAt: g.updatedAt,
      };
    });
  }

  const reload = async (id: string) => (await present([(await repo.findGroup(db, id))!]))[0]!;

  /** Readers see a group set up in their scope or inspecting in it; others get 404 like a missing one. */
  async function readable(actor: Actor, id: string): Promise<repo.GroupRow> {
    const scope = requireScope(actor, 'inspections.read');
    const g = await repo.findGroup(db, id);
    if (!g) throw notFound();
    if (!inScope(scope, g.regionPath) && !(await repo.areasOf(db, [id])).some((a) => inScope(scope, a.path))) throw notFound();
    return g;
  }

  async function manageable(actor: Actor, id: string): Promise<repo.GroupRow> {
    const g = await repo.findGroup(db, id);
    if (!g) throw notFound();
    requireAccess(actor, 'inspections.groups', g.regionPath);
    return g;
  }

  /**
   * The field problems of an area and a membership: the area lies in the group's region and the
   * caller could give the inspector role there; members are active accounts; the leader is one.
   */
  async function problemsOf(
    actor: Actor,
    regionPath: string,
    v: { areaRegionIds: readonly string[]; memberAccountIds: readonly string[]; leaderAccountId: string | null },
  ): Promise<Record<string, FieldProblem>> {
    const problems: Record<string, FieldProblem> = {};
    const areas = await regions.findByIds([...v.areaRegionIds]);
    if (areas.length !== v.areaRegionIds.length || areas.some((a) => !a.path.startsWith(regionPath))) {
      problems.areaRegionIds = { reason: 'field.inspectionGroup.areaOutside' };
    } else if (areas.some((a) => !canGrant(actor, 'inspector', a.path))) {
      problems.areaRegionIds = { reason: 'field.inspectionGroup.cannotGrant' };
    }
    const members = await repo.activeAccounts(db, v.memberAccountIds);
    if (members.length !== v.memberAccountIds.length)
      problems.memberAccountIds = { reason: 'field.inspectionGroup.memberMissing' };
    if (v.leaderAccountId !== null && !v.memberAccountIds.includes(v.leaderAccountId)) {
      problems.leaderAccountId = { reason: 'field.inspectionGroup.leaderNotMember' };
    }
    return problems;
  }

  function refuse(problems: Record<string, FieldProblem>): void {
    if (Object.keys(problems).length) throw new AppError(422, 'VALIDATION', {}, problems);
  }

  async function assertNameFree(q: typeof db, regionId: string, name: string, exceptId?: string): Promise<void> {
    const holder = await repo.idByName(q, regionId, name);
    if (holder && holder !== exceptId) throw conflict('INSPECTION_GROUP_NAME_TAKEN');
  }

  /** Tells the accounts that just joined (not the caller, who did it). */
  const welcome = (q: typeof db, actor: Actor, group: string, accountIds: readonly string[]) =>
    notify(
      q,
      accountIds
        .filter((id) => id !== actor.accountId)
        .map((accountId) => ({ accountId, kind: 'notify.inspections.joined', params: { group }, link: '/inspect' })),
    );

  return {
    async list(actor: Actor, query: InspectionGroupQueryInput): Promise<{ items: InspectionGroup[]; total: number }> {
      const scope = requireScope(actor, 'inspections.read');
      const regionPath = await regions.readablePath(actor, 'inspections.read', query.regionId);
      const q = query.q?.trim();
      const rows = await repo.listGroups(db, dialect, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(q ? { q } : {}),
        ...(query.mine ? { memberAccountId: actor.accountId } : {}),
      });
      rows.sort(
        (a, b) => collator.compare(a.regionName, b.regionName) || collator.compare(a.name, b.name) || a.id.localeCompare(b.id),
      );
      return { items: await present(rows), total: rows.length };
    },

    async get(actor: Actor, id: string): Promise<InspectionGroup> {
      return (await present([await readable(actor, id)]))[0]!;
    },

    async create(actor: Actor, call: CallContext, input: CreateInspectionGroupInput): Promise<InspectionGroup> {
      const region = await regions.findById(input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'inspections.groups', region.path);
      const leaderAccountId = input.leaderAccountId ?? null;
      refuse(await problemsOf(actor, region.path, { ...input, leaderAccountId }));
      const id = newId();
      const now = nowIso();
      const name = input.name.trim();
      await transact(db, call, async (trx) => {
        await assertNameFree(trx, region.id, name);
        await repo.insertGroup(
          trx,
          id,
          { name, kind: input.kind, regionId: region.id, leaderAccountId, note: input.note?.trim() ?? null },
          now,
        );
        await repo.setAreas(trx, id, input.areaRegionIds);
        await repo.setMembers(trx, id, input.memberAccountIds, now);
        const grants = await repo.syncInspectorGrants(trx, input.memberAccountIds, now);
        await auditWrite(trx, call, 'inspectionGroup.create', 'inspection_group', id, region.path, {
          name,
          kind: input.kind,
          areaRegionIds: input.areaRegionIds,
          memberAccountIds: input.memberAccountIds,
          grants,
        });
        await changed(trx, 'inspectionGroup.changed', { id, regionPath: region.path });
        await welcome(trx, actor, name, input.memberAccountIds);
      });
      return reload(id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateInspectionGroupInput): Promise<InspectionGroup> {
      const g = await manageable(actor, id);
      const before = await repo.membersOf(db, [id]);
      const beforeIds = before.map((m) => m.accountId);
      const memberAccountIds = input.memberAccountIds ?? beforeIds;
      const areaRegionIds = input.areaRegionIds ?? (await repo.areasOf(db, [id])).map((a) => a.regionId);
      // Taking the leader out of the group leaves it without one, unless the request names another.
      const leaderAccountId =
        input.leaderAccountId !== undefined
          ? input.leaderAccountId
          : g.leaderAccountId && memberAccountIds.includes(g.leaderAccountId)
            ? g.leaderAccountId
            : null;
      refuse(await problemsOf(actor, g.regionPath, { areaRegionIds, memberAccountIds, leaderAccountId }));
      const name = input.name?.trim() ?? g.name;
      const patch: Partial<repo.GroupValues> = {
        ...(input.name !== undefined ? { name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(leaderAccountId !== g.leaderAccountId ? { leaderAccountId } : {}),
        ...(input.note !== undefined ? { note: input.note?.trim() ?? null } : {}),
      };
      const joined = memberAccountIds.filter((a) => !beforeIds.includes(a));
      const left = beforeIds.filter((a) => !memberAccountIds.includes(a));
      const now = nowIso();
      await transact(db, call, async (trx) => {
        if (name !== g.name) await assertNameFree(trx, g.regionId, name, id);
        await repo.updateGroup(trx, id, patch, now);
        if (input.areaRegionIds) await repo.setAreas(trx, id, areaRegionIds);
        if (input.memberAccountIds) await repo.setMembers(trx, id, memberAccountIds, now);
        let grants: number | undefined;
        if (input.areaRegionIds || input.memberAccountIds) {
          const holders = await repo.grantHolders(trx, id);
          grants = await repo.syncInspectorGrants(trx, [...beforeIds, ...memberAccountIds, ...holders], now);
        }
        await auditWrite(trx, call, 'inspectionGroup.update', 'inspection_group', id, g.regionPath, {
          fields: Object.keys(input),
          ...(input.areaRegionIds ? { areaRegionIds } : {}),
          ...(joined.length ? { joined } : {}),
          ...(left.length ? { left } : {}),
          ...(grants !== undefined ? { grants } : {}),
        });
        await changed(trx, 'inspectionGroup.changed', g);
        await welcome(trx, actor, name, joined);
      });
      return reload(id);
    },

    /** Refused once visits were recorded under the group (they keep naming it); its members' grants go. */
    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const g = await manageable(actor, id);
      await transact(db, call, async (trx) => {
        const visits = await repo.visitCount(trx, id);
        if (visits > 0) throw conflict('INSPECTION_GROUP_HAS_VISITS', { visits });
        const affected = [...(await repo.membersOf(trx, [id])).map((m) => m.accountId), ...(await repo.grantHolders(trx, id))];
        await repo.deleteGroup(trx, id);
        await repo.syncInspectorGrants(trx, affected, nowIso());
        await auditWrite(trx, call, 'inspectionGroup.delete', 'inspection_group', id, g.regionPath, {
          name: g.name,
          memberAccountIds: [...new Set(affected)],
        });
        await changed(trx, 'inspectionGroup.changed', g);
      });
    },

    /** The groups the account belongs to, with their areas' paths. No access check: the caller's own. */
    memberGroups(accountId: string, q: typeof db = db) {
      return repo.groupsOfMember(q, accountId);
    },
  };
}
