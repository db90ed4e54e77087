import { MEMBER_ROLE_TAGS, type MemberRoleTag } from '../../../common/enums.ts';
import { maskMobile } from '../../../common/mask.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import { postsService } from './posts.service.ts';
import * as repo from './teams.repository.ts';
import type {
  AddMemberInput,
  BranchInput,
  CreateTeamInput,
  Member,
  Team,
  TeamDetail,
  TeamQueryInput,
  UpdateMemberInput,
  UpdateTeamInput,
} from './teams.schemas.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';

export type TeamsService = ReturnType<typeof teamsService>;

/** Roles in the order the report lists them, whatever order they were ticked in. */
const ordered = (tags: readonly MemberRoleTag[]): MemberRoleTag[] => MEMBER_ROLE_TAGS.filter((t) => tags.includes(t));

export function teamsService(deps: Deps, { regions, volunteers }: { regions: RegionsService; volunteers: VolunteersService }) {
  const {
    db: { db, dialect },
    events,
  } = deps;

  const changed = (q: typeof db, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'teams.read', regionPath, entityType: 'team', entityId: id });

  /** Names (and accounts, for leadership) of the volunteers these teams name, from the volunteers service. */
  async function people(ids: (string | null)[]) {
    const wanted = ids.filter((id): id is string => id !== null);
    const found = wanted.length ? await volunteers.summaries(wanted) : [];
    return new Map(found.map((v) => [v.id, v]));
  }
  type People = Awaited<ReturnType<typeof people>>;

  const ref = (byId: People, id: string | null) => (id === null ? null : { id, name: byId.get(id)?.name ?? '' });

  /** Whether the actor leads this team or the team above it (team leaders manage both). */
  const leads = (actor: Actor, team: repo.TeamRow, byId: People) =>
    [team.leaderVolunteerId, team.parentLeaderVolunteerId].some(
      (id) => id !== null && byId.get(id)?.accountId === actor.accountId,
    );

  const teamIds = (rows: repo.TeamRow[]) =>
    rows.flatMap((r) => [r.leaderVolunteerId, r.parentLeaderVolunteerId, r.branchSecretaryId]);

  function toTeam(actor: Actor, r: repo.TeamRow, byId: People): Team {
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      regionId: r.regionId,
      regionName: r.regionName,
      parentTeamId: r.parentTeamId,
      parentTeamName: r.parentTeamName,
      leader: ref(byId, r.leaderVolunteerId),
      description: r.description,
      memberCount: r.memberCount,
      subTeamCount: r.subTeamCount,
      branch:
        r.branchName === null
          ? null
          : { name: r.branchName, secretary: ref(byId, r.branchSecretaryId), memberCount: r.branchMemberCount },
      ledByMe: leads(actor, r, byId),
    };
  }

  async function present(actor: Actor, rows: repo.TeamRow[]): Promise<Team[]> {
    const byId = await people(teamIds(rows));
    return rows.map((r) => toTeam(actor, r, byId));
  }

  async function reload(actor: Actor, id: string): Promise<Team> {
    return (await present(actor, [(await repo.findTeam(db, id))!]))[0]!;
  }

  async function toMembers(rows: repo.MemberRow[]): Promise<Member[]> {
    const byId = await people(rows.map((m) => m.volunteerId));
    return rows.map((m) => {
      const v = byId.get(m.volunteerId);
      return {
        volunteerId: m.volunteerId,
        name: v?.name ?? '',
        // Summaries come masked already; masking again keeps this safe whatever they carry.
        mobile: maskMobile(v?.mobile ?? ''),
        partyMember: v?.partyMember ?? false,
        status: v?.status ?? 'active',
        roleTags: ordered(m.roleTags),
        inBranch: m.inBranch,
        joinedAt: m.joinedAt,
      };
    });
  }

  /** A team the actor may act on with `permission`; foreign and missing look the same. */
  async function visible(actor: Actor, permission: 'teams.read' | 'teams.write', id: string): Promise<repo.TeamRow> {
    const team = await repo.findTeam(db, id);
    if (!team) throw notFound();
    requireAccess(actor, permission, team.regionPath);
    return team;
  }

  /**
   * `teams.members`: holders of teams.write over the team's region manage any team there; a team
   * leader only the team they lead or a sub-team of it (403 otherwise; another area stays 404).
   */
  async function manageable(actor: Actor, id: string): Promise<repo.TeamRow> {
    const team = await repo.findTeam(db, id);
    if (!team) throw notFound();
    if (inScope(scopeFor(actor, 'teams.write'), team.regionPath)) return team;
    requireAccess(actor, 'teams.members', team.regionPath);
    if (!leads(actor, team, await people([team.leaderVolunteerId, team.parentLeaderVolunteerId]))) throw forbidden();
    return team;
  }

  /** The region a team is responsible for: one the actor may write to, from county level down. */
  async function teamRegion(actor: Actor, regionId: string) {
    const region = await regions.findById(regionId);
    if (!region) throw notFound();
    requireAccess(actor, 'teams.write', region.path);
    if (region.level === 'city') throw invalidField('regionId', 'field.team.regionLevel');
    return region;
  }

  /** A volunteer to name as leader: visible to the actor and not withdrawn. */
  async function assignable(actor: Actor, volunteerId: string, field: string) {
    const volunteer = await volunteers.visible(actor, 'volunteers.read', volunteerId);
    if (volunteer.status === 'withdrawn') throw invalidField(field, 'field.team.volunteerWithdrawn');
    return volunteer;
  }

  /**
   * The team to place a team under. Two levels at most (team → 分队, as the report has them):
   * the parent must be a top-level team and the team placed under it must have no sub-teams.
   */
  async function parentFor(actor: Actor, parentId: string, self: repo.TeamRow | null): Promise<repo.TeamRow> {
    if (self && parentId === self.id) throw invalidField('parentTeamId', 'field.team.parentCycle');
    const parent = await visible(actor, 'teams.write', parentId);
    if (self && parent.parentTeamId === self.id) throw invalidField('parentTeamId', 'field.team.parentCycle');
    if (parent.parentTeamId !== null || (self && self.subTeamCount > 0)) throw invalidField('parentTeamId', 'field.team.depth');
    return parent;
  }

  async function assertNameFree(regionId: string, name: string, exceptId?: string): Promise<void> {
    const holder = await repo.findTeamByName(db, regionId, name);
    if (holder && holder.id !== exceptId) throw conflict('TEAM_NAME_TAKEN');
  }

  /** The (region, name) unique index decides a race the pre-check lost. */
  async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('TEAM_NAME_TAKEN');
      throw e;
    }
  }

  async function member(teamId: string, volunteerId: string): Promise<Member> {
    return (await toMembers([(await repo.findMember(db, teamId, volunteerId))!]))[0]!;
  }

  const teamVisible = async (actor: Actor, id: string) => visible(actor, 'teams.read', id);

  return {
    posts: postsService(deps, { regions, volunteers, teamVisible }),
    teamVisible,
    /** The command dashboard's source (no access check: the refresh job's own reading). */
    figures: (window: FigureWindow) => repo.figures(db, window),

    /**
     * The teams each volunteer belongs to, for rosters and alerts: `teamIds` includes the team above
     * a sub-team (a restriction to a team admits its sub-teams' members), `leaderAccountIds` the
     * accounts of the leaders of those teams. No access check: callers checked the volunteers'.
     */
    async membershipsOf(
      volunteerIds: readonly string[],
      q: typeof db = db,
    ): Promise<Map<string, { teamIds: string[]; teamNames: string[]; leaderAccountIds: string[] }>> {
      const out = new Map<string, { teamIds: string[]; teamNames: string[]; leaderAccountIds: string[] }>();
      for (const r of await repo.membershipsOf(q, [...new Set(volunteerIds)])) {
        const m = out.get(r.volunteerId) ?? { teamIds: [], teamNames: [], leaderAccountIds: [] };
        m.teamNames.push(r.teamName);
        for (const id of [r.teamId, r.parentTeamId]) if (id && !m.teamIds.includes(id)) m.teamIds.push(id);
        for (const id of [r.leaderAccountId, r.parentLeaderAccountId]) {
          if (id && !m.leaderAccountIds.includes(id)) m.leaderAccountIds.push(id);
        }
        out.set(r.volunteerId, m);
      }
      return out;
    },

    async list(actor: Actor, query: TeamQueryInput): Promise<{ items: Team[]; total: number }> {
      const scope = requireScope(actor, 'teams.read');
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath) throw notFound();
        requireAccess(actor, 'teams.read', regionPath);
      }
      if (query.parentTeamId) await visible(actor, 'teams.read', query.parentTeamId);
      const q = query.q?.trim();
      const { items, total } = await repo.listTeams(db, dialect, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(q ? { q } : {}),
        ...(query.parentTeamId ? { parentTeamId: query.parentTeamId } : {}),
        // Only teams in the caller's scope come back, so asking about any volunteer reveals nothing more.
        ...(query.volunteerId ? { volunteerId: query.volunteerId } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await present(actor, items), total };
    },

    async get(actor: Actor, id: string): Promise<TeamDetail> {
      const team = await visible(actor, 'teams.read', id);
      const subs = await repo.subTeams(db, requireScope(actor, 'teams.read'), id);
      const [shown, ...subTeams] = await present(actor, [team, ...subs]);
      return { ...shown!, members: await toMembers(await repo.listMembers(db, id)), subTeams };
    },

    async create(actor: Actor, call: CallContext, input: CreateTeamInput): Promise<Team> {
      const region = await teamRegion(actor, input.regionId);
      const parent = input.parentTeamId ? await parentFor(actor, input.parentTeamId, null) : null;
      if (parent && !region.path.startsWith(parent.regionPath)) throw invalidField('regionId', 'field.team.regionOutsideParent');
      const leader = input.leaderVolunteerId ? await assignable(actor, input.leaderVolunteerId, 'leaderVolunteerId') : null;
      const team = {
        id: newId(),
        name: input.name.trim(),
        kind: input.kind,
        regionId: region.id,
        parentTeamId: parent?.id ?? null,
        leaderVolunteerId: leader?.id ?? null,
        description: input.description ?? null,
      };
      await uniqueName(() =>
        transact(db, call, async (trx) => {
          const now = nowIso();
          await repo.insertTeam(trx, team, now);
          if (leader) await repo.ensureMember(trx, team.id, leader.id, now);
          await auditWrite(trx, call, 'team.create', 'team', team.id, region.path, {
            name: team.name,
            kind: team.kind,
            parentTeamId: team.parentTeamId,
            leaderVolunteerId: team.leaderVolunteerId,
          });
          await changed(trx, 'team.created', team.id, region.path);
        }),
      );
      return reload(actor, team.id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateTeamInput): Promise<Team> {
      const team = await visible(actor, 'teams.write', id);
      const moving = input.regionId !== undefined && input.regionId !== team.regionId;
      const region = moving ? await teamRegion(actor, input.regionId!) : { id: team.regionId, path: team.regionPath };

      let parent: repo.TeamRow | null;
      if (input.parentTeamId === undefined || input.parentTeamId === team.parentTeamId)
        parent = team.parentTeamId ? ((await repo.findTeam(db, team.parentTeamId)) ?? null) : null;
      else parent = input.parentTeamId === null ? null : await parentFor(actor, input.parentTeamId, team);
      if (parent && !region.path.startsWith(parent.regionPath))
        throw invalidField(moving ? 'regionId' : 'parentTeamId', 'field.team.regionOutsideParent');
      if (moving && team.subTeamCount > 0) {
        const outside = (await repo.subTeamRegionPaths(db, id)).some((p) => !p.startsWith(region.path));
        if (outside) throw invalidField('regionId', 'field.team.subTeamsOutside');
      }

      const leaderId = input.leaderVolunteerId;
      const leader =
        leaderId && leaderId !== team.leaderVolunteerId ? await assignable(actor, leaderId, 'leaderVolunteerId') : null;

      const name = input.name?.trim() ?? team.name;
      if (name !== team.name || region.id !== team.regionId) await assertNameFree(region.id, name, id);
      const patch = {
        ...(input.name !== undefined ? { name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.regionId !== undefined ? { regionId: region.id } : {}),
        ...(input.parentTeamId !== undefined ? { parentTeamId: parent?.id ?? null } : {}),
        ...(leaderId !== undefined ? { leaderVolunteerId: leaderId } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      };
      await uniqueName(() =>
        transact(db, call, async (trx) => {
          const now = nowIso();
          await repo.updateTeam(trx, id, patch, now);
          if (leader) await repo.ensureMember(trx, id, leader.id, now);
          await auditWrite(trx, call, 'team.update', 'team', id, region.path, { fields: Object.keys(patch) });
          await changed(trx, 'team.updated', id, region.path);
          // Those who saw it in its old region learn that it left.
          if (moving) await changed(trx, 'team.updated', id, team.regionPath);
        }),
      );
      return reload(actor, id);
    },

    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const team = await visible(actor, 'teams.write', id);
      const usage = await repo.teamUsage(db, id);
      if (usage.subTeams > 0 || usage.posts > 0) throw conflict('TEAM_IN_USE', usage);
      await transact(db, call, async (trx) => {
        await repo.deleteTeam(trx, id);
        await auditWrite(trx, call, 'team.delete', 'team', id, team.regionPath, { name: team.name });
        await changed(trx, 'team.deleted', id, team.regionPath);
      });
    },

    /** Sets up or renames the temporary party branch (临时党支部); the secretary joins it. */
    async setBranch(actor: Actor, call: CallContext, id: string, input: BranchInput): Promise<Team> {
      const team = await visible(actor, 'teams.write', id);
      const secretaryId = input.secretaryVolunteerId ?? null;
      if (secretaryId !== null) {
        const membership = await repo.findMember(db, id, secretaryId);
        if (!membership) throw invalidField('secretaryVolunteerId', 'field.team.secretaryNotMember');
        const [secretary] = await volunteers.summaries([secretaryId]);
        if (!secretary?.partyMember) throw invalidField('secretaryVolunteerId', 'field.team.notPartyMember');
        if (secretary.status === 'withdrawn') throw invalidField('secretaryVolunteerId', 'field.team.volunteerWithdrawn');
      }
      const name = input.name.trim();
      await transact(db, call, async (trx) => {
        await repo.updateTeam(trx, id, { branchName: name, branchSecretaryId: secretaryId }, nowIso());
        if (secretaryId !== null) await repo.updateMember(trx, id, secretaryId, { inBranch: true });
        await auditWrite(trx, call, 'team.branch.set', 'team', id, team.regionPath, { name, secretaryVolunteerId: secretaryId });
        await changed(trx, 'team.branch.updated', id, team.regionPath);
      });
      return reload(actor, id);
    },

    /** Dissolves the branch: its name, its secretary and every member's flag go. */
    async removeBranch(actor: Actor, call: CallContext, id: string): Promise<Team> {
      const team = await visible(actor, 'teams.write', id);
      if (team.branchName === null) return (await present(actor, [team]))[0]!;
      await transact(db, call, async (trx) => {
        await repo.updateTeam(trx, id, { branchName: null, branchSecretaryId: null }, nowIso());
        await repo.clearBranchFlags(trx, id);
        await auditWrite(trx, call, 'team.branch.remove', 'team', id, team.regionPath, { name: team.branchName });
        await changed(trx, 'team.branch.deleted', id, team.regionPath);
      });
      return reload(actor, id);
    },

    async addMember(actor: Actor, call: CallContext, teamId: string, input: AddMemberInput): Promise<Member> {
      const team = await manageable(actor, teamId);
      const volunteer = await assignable(actor, input.volunteerId, 'volunteerId');
      const inBranch = input.inBranch ?? false;
      if (inBranch && team.branchName === null) throw invalidField('inBranch', 'field.team.noBranch');
      if (inBranch && !volunteer.partyMember) throw invalidField('inBranch', 'field.team.notPartyMember');
      if (await repo.findMember(db, teamId, volunteer.id)) throw conflict('MEMBER_EXISTS');
      const roleTags = ordered(input.roleTags ?? []);
      try {
        await transact(db, call, async (trx) => {
          await repo.insertMember(trx, { teamId, volunteerId: volunteer.id, roleTags, inBranch }, nowIso());
          await auditWrite(trx, call, 'team.member.add', 'team', teamId, team.regionPath, {
            volunteerId: volunteer.id,
            roleTags,
            inBranch,
          });
          await changed(trx, 'team.member.added', teamId, team.regionPath);
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('MEMBER_EXISTS');
        throw e;
      }
      return member(teamId, volunteer.id);
    },

    async updateMember(
      actor: Actor,
      call: CallContext,
      teamId: string,
      volunteerId: string,
      input: UpdateMemberInput,
    ): Promise<Member> {
      const team = await manageable(actor, teamId);
      const current = await repo.findMember(db, teamId, volunteerId);
      if (!current) throw notFound();
      if (input.inBranch === true && !current.inBranch) {
        if (team.branchName === null) throw invalidField('inBranch', 'field.team.noBranch');
        const [volunteer] = await volunteers.summaries([volunteerId]);
        if (!volunteer?.partyMember) throw invalidField('inBranch', 'field.team.notPartyMember');
      }
      if (input.inBranch === false && team.branchSecretaryId === volunteerId)
        throw invalidField('inBranch', 'field.team.secretaryInBranch');
      const patch = {
        ...(input.roleTags !== undefined ? { roleTags: ordered(input.roleTags) } : {}),
        ...(input.inBranch !== undefined ? { inBranch: input.inBranch } : {}),
      };
      await transact(db, call, async (trx) => {
        await repo.updateMember(trx, teamId, volunteerId, patch);
        await auditWrite(trx, call, 'team.member.update', 'team', teamId, team.regionPath, { volunteerId, ...patch });
        await changed(trx, 'team.member.updated', teamId, team.regionPath);
      });
      return member(teamId, volunteerId);
    },

    async removeMember(actor: Actor, call: CallContext, teamId: string, volunteerId: string): Promise<void> {
      const team = await manageable(actor, teamId);
      if (!(await repo.findMember(db, teamId, volunteerId))) throw notFound();
      if (team.leaderVolunteerId === volunteerId) throw conflict('MEMBER_IS_LEADER');
      if (team.branchSecretaryId === volunteerId) throw conflict('MEMBER_IS_SECRETARY');
      await transact(db, call, async (trx) => {
        await repo.deleteMember(trx, teamId, volunteerId);
        await auditWrite(trx, call, 'team.member.remove', 'team', teamId, team.regionPath, { volunteerId });
        await changed(trx, 'team.member.removed', teamId, team.regionPath);
      });
    },
  };
}
