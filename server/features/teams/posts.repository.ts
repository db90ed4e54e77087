import type { Kysely } from 'kysely';
import type { PostKind } from '../../../common/enums.ts';
import type { Scope } from '../../platform/access/actor.ts';
import { inRegionScope } from '../../platform/access/scope.ts';
import { startsWith, toNumber } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Post } from './posts.schemas.ts';

type Q = Kysely<Database>;

/** A post as stored: the holder's name comes from the volunteers service. */
export interface PostRow extends Omit<Post, 'volunteer'> {
  volunteerId: string;
  regionPath: string;
}

function base(q: Q) {
  return q
    .selectFrom('posts')
    .innerJoin('regions', 'regions.id', 'posts.regionId')
    .leftJoin('teams', 'teams.id', 'posts.teamId')
    .select([
      'posts.id',
      'posts.kind',
      'posts.name',
      'posts.volunteerId',
      'posts.regionId',
      'regions.name as regionName',
      'regions.path as regionPath',
      'posts.teamId',
      'teams.name as teamName',
      'posts.checkpointId',
      'posts.description',
      'posts.startsOn',
      'posts.endsOn',
    ]);
}

type Raw = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const toPost = (r: Raw): PostRow => ({ ...r, kind: r.kind as PostKind });

export async function findPost(q: Q, id: string): Promise<PostRow | undefined> {
  const row = await base(q).where('posts.id', '=', id).executeTakeFirst();
  return row && toPost(row);
}

export interface PostFilter {
  regionPath?: string;
  kind?: PostKind;
  volunteerId?: string;
  teamId?: string;
  limit: number;
  offset: number;
}

export async function listPosts(q: Q, scope: Scope, filter: PostFilter): Promise<{ items: PostRow[]; total: number }> {
  let query = base(q).where((eb) => inRegionScope(eb, scope, 'regions.path'));
  if (filter.regionPath) query = query.where(startsWith('regions.path', filter.regionPath));
  if (filter.kind) query = query.where('posts.kind', '=', filter.kind);
  if (filter.volunteerId) query = query.where('posts.volunteerId', '=', filter.volunteerId);
  if (filter.teamId) query = query.where('posts.teamId', '=', filter.teamId);
  const totalRow = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('posts.startsOn', 'desc')
    .orderBy('posts.name')
    .orderBy('posts.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: rows.map(toPost), total: toNumber(totalRow.n as number | string) };
}

export interface PostValues {
  kind: PostKind;
  name: string;
  volunteerId: string;
  regionId: string;
  teamId: string | null;
  description: string | null;
  startsOn: string;
  endsOn: string | null;
}

export async function insertPost(q: Q, post: PostValues & { id: string }, now: string): Promise<void> {
  await q
    .insertInto('posts')
    .values({ ...post, checkpointId: null, createdAt: now, updatedAt: now })
    .execute();
}

export async function updatePost(q: Q, id: string, patch: Partial<PostValues>, now: string): Promise<void> {
  await q
    .updateTable('posts')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export async function deletePost(q: Q, id: string): Promise<void> {
  await q.deleteFrom('posts').where('id', '=', id).execute();
}
