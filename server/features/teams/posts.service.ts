import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import * as repo from './posts.repository.ts';
import type { CreatePostInput, Post, PostQueryInput, UpdatePostInput } from './posts.schemas.ts';

export type PostsService = ReturnType<typeof postsService>;

/**
 * Posts (党员先锋岗, 示范岗, 党员责任区) held by a named volunteer over a region. They belong to the
 * teams feature: the same permissions (teams.read / teams.write) over the post's region.
 */
export function postsService(
  { db: { db }, events }: Deps,
  {
    regions,
    volunteers,
    teamVisible,
  }: {
    regions: RegionsService;
    volunteers: VolunteersService;
    /** A team the actor may see (404 otherwise), from the teams service. */
    teamVisible: (actor: Actor, id: string) => Promise<{ id: string }>;
  },
) {
  const changed = (q: typeof db, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'teams.read', regionPath, entityType: 'post', entityId: id });

  async function present(rows: repo.PostRow[]): Promise<Post[]> {
    const ids = [...new Set(rows.map((r) => r.volunteerId))];
    const names = new Map((ids.length ? await volunteers.summaries(ids) : []).map((v) => [v.id, v.name]));
    return rows.map(({ regionPath: _path, volunteerId, ...r }) => ({
      ...r,
      volunteer: { id: volunteerId, name: names.get(volunteerId) ?? '' },
    }));
  }

  async function reload(id: string): Promise<Post> {
    return (await present([(await repo.findPost(db, id))!]))[0]!;
  }

  async function visible(actor: Actor, permission: 'teams.read' | 'teams.write', id: string): Promise<repo.PostRow> {
    const post = await repo.findPost(db, id);
    if (!post) throw notFound();
    requireAccess(actor, permission, post.regionPath);
    return post;
  }

  async function writableRegion(actor: Actor, regionId: string): Promise<{ id: string; path: string }> {
    const region = await regions.findById(regionId);
    if (!region) throw notFound();
    requireAccess(actor, 'teams.write', region.path);
    return region;
  }

  /** The holder: a volunteer the actor may see, still serving. */
  async function holder(actor: Actor, volunteerId: string): Promise<void> {
    const volunteer = await volunteers.visible(actor, 'volunteers.read', volunteerId);
    if (volunteer.status === 'withdrawn') throw invalidField('volunteerId', 'field.team.volunteerWithdrawn');
  }

  /** ISO calendar dates compare as text. */
  function checkDates(startsOn: string, endsOn: string | null, field: 'startsOn' | 'endsOn'): void {
    if (endsOn !== null && endsOn < startsOn) throw invalidField(field, 'field.post.endsBeforeStart');
  }

  return {
    async list(actor: Actor, query: PostQueryInput): Promise<{ items: Post[]; total: number }> {
      const scope = requireScope(actor, 'teams.read');
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath) throw notFound();
        requireAccess(actor, 'teams.read', regionPath);
      }
      const { items, total } = await repo.listPosts(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        // Only posts in the caller's scope come back, whoever the volunteer or team.
        ...(query.volunteerId ? { volunteerId: query.volunteerId } : {}),
        ...(query.teamId ? { teamId: query.teamId } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await present(items), total };
    },

    async create(actor: Actor, call: CallContext, input: CreatePostInput): Promise<Post> {
      const region = await writableRegion(actor, input.regionId);
      await holder(actor, input.volunteerId);
      if (input.teamId) await teamVisible(actor, input.teamId);
      const endsOn = input.endsOn ?? null;
      checkDates(input.startsOn, endsOn, 'endsOn');
      const post = {
        id: newId(),
        kind: input.kind,
        name: input.name.trim(),
        volunteerId: input.volunteerId,
        regionId: region.id,
        teamId: input.teamId ?? null,
        description: input.description ?? null,
        startsOn: input.startsOn,
        endsOn,
      };
      await transact(db, call, async (trx) => {
        await repo.insertPost(trx, post, nowIso());
        await auditWrite(trx, call, 'post.create', 'post', post.id, region.path, {
          kind: post.kind,
          name: post.name,
          volunteerId: post.volunteerId,
          teamId: post.teamId,
        });
        await changed(trx, 'post.created', post.id, region.path);
      });
      return reload(post.id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdatePostInput): Promise<Post> {
      const post = await visible(actor, 'teams.write', id);
      const moving = input.regionId !== undefined && input.regionId !== post.regionId;
      const region = moving ? await writableRegion(actor, input.regionId!) : { id: post.regionId, path: post.regionPath };
      if (input.volunteerId !== undefined && input.volunteerId !== post.volunteerId) await holder(actor, input.volunteerId);
      if (input.teamId && input.teamId !== post.teamId) await teamVisible(actor, input.teamId);
      const startsOn = input.startsOn ?? post.startsOn;
      const endsOn = input.endsOn === undefined ? post.endsOn : input.endsOn;
      checkDates(startsOn, endsOn, input.endsOn === undefined ? 'startsOn' : 'endsOn');
      const patch = {
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.volunteerId !== undefined ? { volunteerId: input.volunteerId } : {}),
        ...(input.regionId !== undefined ? { regionId: region.id } : {}),
        ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.startsOn !== undefined ? { startsOn } : {}),
        ...(input.endsOn !== undefined ? { endsOn } : {}),
      };
      await transact(db, call, async (trx) => {
        await repo.updatePost(trx, id, patch, nowIso());
        await auditWrite(trx, call, 'post.update', 'post', id, region.path, { fields: Object.keys(patch) });
        await changed(trx, 'post.updated', id, region.path);
        if (moving) await changed(trx, 'post.updated', id, post.regionPath);
      });
      return reload(id);
    },

    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const post = await visible(actor, 'teams.write', id);
      await transact(db, call, async (trx) => {
        await repo.deletePost(trx, id);
        await auditWrite(trx, call, 'post.delete', 'post', id, post.regionPath, { name: post.name });
        await changed(trx, 'post.deleted', id, post.regionPath);
      });
    },
  };
}
