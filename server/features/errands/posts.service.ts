import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './posts.repository.ts';
import type { CreatePostInput, Post, PostQueryInput, UpdatePostInput } from './posts.schemas.ts';

export type PostsService = ReturnType<typeof postsService>;

const toPost = ({ regionPath: _path, ...p }: repo.PostRow): Post => p;

/** The county part of a region path (`/city/county/`): a post's team must work in the same county. */
const countyOf = (path: string) => `/${path.split('/').filter(Boolean).slice(0, 2).join('/')}/`;

/**
 * 代办岗: a grid's (or a whole community's) errand post, staffed by a team whose members are its
 * volunteers and whose leader leads it. Orders of the grid go to it (`postServing`).
 */
export function postsService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db },
    events,
  } = deps;

  const changed = (q: typeof db, post: { id: string; regionPath: string }) =>
    events.publish(q, {
      type: 'errandPost.changed',
      permission: 'errands.read',
      regionPath: post.regionPath,
      entityType: 'errand_post',
      entityId: post.id,
    });

  async function readable(actor: Actor, permission: 'errands.read' | 'errands.manage', id: string): Promise<repo.PostRow> {
    const post = await repo.findPost(db, id);
    if (!post) throw notFound();
    requireAccess(actor, permission, post.regionPath);
    return post;
  }

  /** The team must exist and work in the post's county (or above it, a city-wide team). */
  async function requireTeam(teamId: string, regionPath: string): Promise<void> {
    const team = await repo.teamFacts(db, teamId);
    if (!team || !(team.regionPath.startsWith(countyOf(regionPath)) || regionPath.startsWith(team.regionPath))) {
      throw invalidField('teamId', 'field.errands.postTeam');
    }
  }

  return {
    readable,

    /** The post serving a region (its grid's, else its community's); no access check. */
    serving: (regionPath: string) => repo.postServing(db, regionPath),

    async list(actor: Actor, query: PostQueryInput): Promise<{ items: Post[]; total: number }> {
      const scope = requireScope(actor, 'errands.read');
      const regionPath = await regions.readablePath(actor, 'errands.read', query.regionId);
      const { items, total } = await repo.listPosts(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.active === undefined ? {} : { active: query.active }),
        limit: query.limit ?? 100,
        offset: query.offset ?? 0,
      });
      return { items: items.map(toPost), total };
    },

    async get(actor: Actor, id: string): Promise<Post> {
      return toPost(await readable(actor, 'errands.read', id));
    },

    async create(actor: Actor, call: CallContext, input: CreatePostInput): Promise<Post> {
      const region = await regions.findById(input.regionId);
      if (!region) throw notFound();
      requireAccess(actor, 'errands.manage', region.path);
      if (region.level !== 'grid' && region.level !== 'community') throw invalidField('regionId', 'field.errands.postLevel');
      await requireTeam(input.teamId, region.path);
      const id = newId();
      const now = nowIso();
      await transact(db, call, async (trx) => {
        await repo.insertPost(trx, {
          id,
          regionId: region.id,
          teamId: input.teamId,
          name: input.name.trim(),
          address: input.address?.trim() || null,
          phone: input.phone ?? null,
          responseMinutes: input.responseMinutes ?? null,
          active: 1,
          createdBy: actor.accountId,
          createdAt: now,
          updatedAt: now,
        });
        await auditWrite(trx, call, 'errandPost.create', 'errand_post', id, region.path, {
          regionId: region.id,
          teamId: input.teamId,
        });
        await changed(trx, { id, regionPath: region.path });
      });
      return toPost((await repo.findPost(db, id))!);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdatePostInput): Promise<Post> {
      const post = await readable(actor, 'errands.manage', id);
      if (input.teamId) await requireTeam(input.teamId, post.regionPath);
      await transact(db, call, async (trx) => {
        await repo.updatePost(trx, id, {
          ...(input.teamId ? { teamId: input.teamId } : {}),
          ...(input.name ? { name: input.name.trim() } : {}),
          ...(input.address !== undefined ? { address: input.address?.trim() || null } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.responseMinutes !== undefined ? { responseMinutes: input.responseMinutes } : {}),
          ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
          updatedAt: nowIso(),
        });
        await auditWrite(trx, call, 'errandPost.update', 'errand_post', id, post.regionPath, { fields: Object.keys(input) });
        await changed(trx, post);
      });
      return toPost((await repo.findPost(db, id))!);
    },
  };
}
