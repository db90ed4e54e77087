import type { Kysely } from 'kysely';
import type { MemberRoleTag, RegionLevel, TeamKind } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { containsInsensitive, fromBool, startsWith, toBool, toNumber, type DialectName } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { FigureRow, FigureWindow } from '../dashboard/figure-sources.ts';

type Q = Kysely<Database>;

/**
 * A team as stored, with what the service needs to check access and to answer: its region's path,
 * its parent's name and leader, and its counts. Names of volunteers come from the volunteers service.
 */
export interface TeamRow {
  id: string;
  name: string;
  kind: TeamKind;
  regionId: string;
  regionName: string;
  regionPath: string;
  regionLevel: RegionLevel;
  parentTeamId: string | null;
  parentTeamName: string | null;
  parentLeaderVolunteerId: string | null;
  leaderVolunteerId: string | null;
  description: string | null;
  branchName: string | null;
  branchSecretaryId: string | null;
  memberCount: number;
  subTeamCount: number;
  branchMemberCount: number;
}

export interface MemberRow {
  volunteerId: string;
  roleTags: MemberRoleTag[];
  inBranch: boolean;
  joinedAt: string;
}

function filteredTeams(q: Q) {
  return q.selectFrom('teams').innerJoin('regions', 'regions.id', 'teams.regionId');
}

/** Adds the display joins and columns to a query over `teams` joined with `regions`. */
function withDisplay(query: ReturnType<typeof filteredTeams>) {
  return query.leftJoin('teams as parent', 'parent.id', 'teams.parentTeamId').select((eb) => [
    'teams.id',
    'teams.name',
    'teams.kind',
    'teams.regionId',
    'regions.name as regionName',
    'regions.path as regionPath',
    'regions.level as regionLevel',
    'teams.parentTeamId',
    'parent.name as parentTeamName',
    'parent.leaderVolunteerId as parentLeaderVolunteerId',
    'teams.leaderVolunteerId',
    'teams.description',
    'teams.branchName',
    'teams.branchSecretaryId',
    eb
      .selectFrom('teamMembers')
      .select((e) => e.fn.countAll().as('n'))
      .whereRef('teamMembers.teamId', '=', 'teams.id')
      .as('memberCount'),
    eb
      .selectFrom('teams as sub')
      .select((e) => e.fn.countAll().as('n'))
      .whereRef('sub.parentTeamId', '=', 'teams.id')
      .as('subTeamCount'),
    eb
      .selectFrom('teamMembers as inBranch')
      .select((e) => e.fn.countAll().as('n'))
      .whereRef('inBranch.teamId', '=', 'teams.id')
      .where('inBranch.inBranch', '=', 1)
      .as('branchMemberCount'),
  ]);
}

type RawTeam = Awaited<ReturnType<ReturnType<typeof withDisplay>['executeTakeFirstOrThrow']>>;

const toTeam = (r: RawTeam): TeamRow => ({
  ...r,
  kind: r.kind as TeamKind,
  regionLevel: r.regionLevel as RegionLevel,
  memberCount: toNumber(r.memberCount as number | string | null),
  subTeamCount: toNumber(r.subTeamCount as number | string | null),
  branchMemberCount: toNumber(r.branchMemberCount as number | string | null),
});

export async function findTeam(q: Q, id: string): Promise<TeamRow | undefined> {
  const row = await withDisplay(filteredTeams(q).where('teams.id', '=', id)).executeTakeFirst();
  return row && toTeam(row);
}

export interface TeamFilter {
  regionPath?: string;
  kind?: TeamKind;
  q?: string;
  parentTeamId?: string;
  volunteerId?: string;
  limit: number;
  offset: number;
}

export async function listTeams(
  q: Q,
  dialect: DialectName,
  scope: Scope,
  filter: TeamFilter,
): Promise<{ items: TeamRow[]; total: number }> {
  let query = filteredTeams(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (filter.regionPath) query = query.where(startsWith('regions.path', filter.regionPath));
  if (filter.kind) query = query.where('teams.kind', '=', filter.kind);
  if (filter.q) query = query.where(containsInsensitive(dialect, 'teams.name', filter.q));
  if (filter.parentTeamId) query = query.where('teams.parentTeamId', '=', filter.parentTeamId);
  const volunteerId = filter.volunteerId;
  if (volunteerId)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('teamMembers')
          .select('teamMembers.teamId')
          .whereRef('teamMembers.teamId', '=', 'teams.id')
          .where('teamMembers.volunteerId', '=', volunteerId),
      ),
    );
  const totalRow = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await withDisplay(query)
    .orderBy('regions.path')
    .orderBy('teams.name')
    .orderBy('teams.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: rows.map(toTeam), total: toNumber(totalRow.n as number | string) };
}

/** The sub-teams of a team within the caller's scope, by name. */
export async function subTeams(q: Q, scope: Scope, parentId: string): Promise<TeamRow[]> {
  const rows = await withDisplay(
    filteredTeams(q)
      .where('teams.parentTeamId', '=', parentId)
      .where((eb) => inRegionScope(eb, scope, 'regions.path')),
  )
    .orderBy('teams.name')
    .orderBy('teams.id')
    .execute();
  return rows.map(toTeam);
}

/** Paths of the regions of a team's sub-teams: a team may not move away from under them. */
export async function subTeamRegionPaths(q: Q, parentId: string): Promise<string[]> {
  const rows = await q
    .selectFrom('teams')
    .innerJoin('regions', 'regions.id', 'teams.regionId')
    .select('regions.path')
    .where('teams.parentTeamId', '=', parentId)
    .execute();
  return rows.map((r) => r.path);
}

export async function findTeamByName(q: Q, regionId: string, name: string): Promise<{ id: string } | undefined> {
  return q.selectFrom('teams').select('id').where('regionId', '=', regionId).where('name', '=', name).executeTakeFirst();
}

export interface TeamValues {
  name: string;
  kind: TeamKind;
  regionId: string;
  parentTeamId: string | null;
  leaderVolunteerId: string | null;
  description: string | null;
}

export async function insertTeam(q: Q, team: TeamValues & { id: string }, now: string): Promise<void> {
  await q
    .insertInto('teams')
    .values({ ...team, branchName: null, branchSecretaryId: null, createdAt: now, updatedAt: now })
    .execute();
}

export async function updateTeam(
  q: Q,
  id: string,
  patch: Partial<TeamValues & { branchName: string | null; branchSecretaryId: string | null }>,
  now: string,
): Promise<void> {
  await q
    .updateTable('teams')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

/** What keeps a team from being deleted: its sub-teams and the posts that name it. */
export async function teamUsage(q: Q, id: string): Promise<{ subTeams: number; posts: number }> {
  const row = await q
    .selectNoFrom((eb) => [
      eb
        .selectFrom('teams')
        .select((e) => e.fn.countAll().as('n'))
        .where('parentTeamId', '=', id)
        .as('subTeams'),
      eb
        .selectFrom('posts')
        .select((e) => e.fn.countAll().as('n'))
        .where('teamId', '=', id)
        .as('posts'),
    ])
    .executeTakeFirstOrThrow();
  return { subTeams: toNumber(row.subTeams as number | string | null), posts: toNumber(row.posts as number | string | null) };
}

export async function deleteTeam(q: Q, id: string): Promise<void> {
  await q.deleteFrom('teamMembers').where('teamId', '=', id).execute();
  await q.deleteFrom('teams').where('id', '=', id).execute();
}

// ---------------------------------------------------------------- members

function memberBase(q: Q) {
  return q
    .selectFrom('teamMembers')
    .select(['teamMembers.volunteerId', 'teamMembers.roleTags', 'teamMembers.inBranch', 'teamMembers.joinedAt']);
}

type RawMember = Awaited<ReturnType<ReturnType<typeof memberBase>['executeTakeFirstOrThrow']>>;

const toMember = (r: RawMember): MemberRow => ({
  volunteerId: r.volunteerId,
  roleTags: JSON.parse(r.roleTags) as MemberRoleTag[],
  inBranch: toBool(r.inBranch),
  joinedAt: r.joinedAt,
});

export async function listMembers(q: Q, teamId: string): Promise<MemberRow[]> {
  const rows = await memberBase(q)
    .where('teamMembers.teamId', '=', teamId)
    .orderBy('teamMembers.joinedAt')
    .orderBy('teamMembers.volunteerId')
    .execute();
  return rows.map(toMember);
}

export async function findMember(q: Q, teamId: string, volunteerId: string): Promise<MemberRow | undefined> {
  const row = await memberBase(q)
    .where('teamMembers.teamId', '=', teamId)
    .where('teamMembers.volunteerId', '=', volunteerId)
    .executeTakeFirst();
  return row && toMember(row);
}

export async function insertMember(
  q: Q,
  member: { teamId: string; volunteerId: string; roleTags: MemberRoleTag[]; inBranch: boolean },
  now: string,
): Promise<void> {
  await q
    .insertInto('teamMembers')
    .values({
      teamId: member.teamId,
      volunteerId: member.volunteerId,
      roleTags: JSON.stringify(member.roleTags),
      inBranch: fromBool(member.inBranch),
      joinedAt: now,
    })
    .execute();
}

/** Adds a member unless already one (a new leader or branch secretary joins the team this way). */
export async function ensureMember(q: Q, teamId: string, volunteerId: string, now: string): Promise<boolean> {
  const existing = await q
    .selectFrom('teamMembers')
    .select('volunteerId')
    .where('teamId', '=', teamId)
    .where('volunteerId', '=', volunteerId)
    .executeTakeFirst();
  if (existing) return false;
  await insertMember(q, { teamId, volunteerId, roleTags: [], inBranch: false }, now);
  return true;
}

export async function updateMember(
  q: Q,
  teamId: string,
  volunteerId: string,
  patch: { roleTags?: MemberRoleTag[]; inBranch?: boolean },
): Promise<void> {
  await q
    .updateTable('teamMembers')
    .set({
      ...(patch.roleTags !== undefined ? { roleTags: JSON.stringify(patch.roleTags) } : {}),
      ...(patch.inBranch !== undefined ? { inBranch: fromBool(patch.inBranch) } : {}),
    })
    .where('teamId', '=', teamId)
    .where('volunteerId', '=', volunteerId)
    .execute();
}

export async function deleteMember(q: Q, teamId: string, volunteerId: string): Promise<void> {
  await q.deleteFrom('teamMembers').where('teamId', '=', teamId).where('volunteerId', '=', volunteerId).execute();
}

/** Dissolving a branch: nobody stays flagged as its member. */
export async function clearBranchFlags(q: Q, teamId: string): Promise<void> {
  await q.updateTable('teamMembers').set({ inBranch: 0 }).where('teamId', '=', teamId).execute();
}

/** A volunteer's membership with what other features need: the team above and the leaders' accounts. */
export interface MembershipRow {
  volunteerId: string;
  teamId: string;
  teamName: string;
  parentTeamId: string | null;
  leaderAccountId: string | null;
  parentLeaderAccountId: string | null;
}

export async function membershipsOf(q: Q, volunteerIds: readonly string[]): Promise<MembershipRow[]> {
  const out: MembershipRow[] = [];
  // Chunks keep the IN list under both databases' bound-parameter limits.
  for (let i = 0; i < volunteerIds.length; i += 500) {
    const chunk = volunteerIds.slice(i, i + 500);
    const rows = await q
      .selectFrom('teamMembers')
      .innerJoin('teams', 'teams.id', 'teamMembers.teamId')
      .leftJoin('volunteers as leader', 'leader.id', 'teams.leaderVolunteerId')
      .leftJoin('teams as parent', 'parent.id', 'teams.parentTeamId')
      .leftJoin('volunteers as parentLeader', 'parentLeader.id', 'parent.leaderVolunteerId')
      .select([
        'teamMembers.volunteerId',
        'teams.id as teamId',
        'teams.name as teamName',
        'teams.parentTeamId',
        'leader.accountId as leaderAccountId',
        'parentLeader.accountId as parentLeaderAccountId',
      ])
      .where('teamMembers.volunteerId', 'in', chunk)
      .execute();
    out.push(...rows);
  }
  return out;
}

/**
 * The dashboard's teams figure (the refresh job's own reading: no actor, no scope): teams per
 * region as of `w.to`. A team has no status; one deleted since is not seen on past days.
 */
export async function figures(q: Q, w: FigureWindow): Promise<FigureRow[]> {
  const rows = await q
    .selectFrom('teams')
    .select((eb) => ['regionId', eb.fn.countAll().as('n')])
    .where('createdAt', '<', w.to)
    .groupBy('regionId')
    .execute();
  return rows.map((r) => ({ regionId: r.regionId, values: { teams: toNumber(r.n as number | string) } }));
}
