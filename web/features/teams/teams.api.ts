import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PostKind, TeamKind } from '../../../common/enums.ts';
import type { Post } from '../../../server/features/teams/posts.schemas.ts';
import type { Member, Team, TeamDetail } from '../../../server/features/teams/teams.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

// The shapes are the server's (one source of truth).
export type { Member, Post, Team, TeamDetail };

export interface TeamFilter {
  regionId?: string | null;
  kind?: TeamKind | null;
  q?: string;
  parentTeamId?: string | null;
}

export interface PostFilter {
  regionId?: string | null;
  kind?: PostKind | null;
  teamId?: string | null;
  volunteerId?: string | null;
}

/** The registry's own reads of teams and posts start with these too, so one invalidation reaches them. */
export const TEAMS_KEY = 'teams';
export const POSTS_KEY = 'posts';

export function useTeams(filter: TeamFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [TEAMS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Team[]; total: number }>(
        withQuery('/teams', { ...filter, q: filter.q?.trim(), limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useTeam(id: string) {
  return useQuery({
    queryKey: [TEAMS_KEY, 'detail', id],
    queryFn: () => api.get<TeamDetail>(`/teams/${id}`),
  });
}

export function usePosts(filter: PostFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [POSTS_KEY, 'list', filter, page, pageSize],
    queryFn: () =>
      api.get<{ items: Post[]; total: number }>(
        withQuery('/posts', { ...filter, limit: pageSize, offset: (page - 1) * pageSize }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}
