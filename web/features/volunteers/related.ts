/**
 * What the registry shows about teams and posts: the volunteer's teams and posts on the detail
 * page, teams for the list's filter. Plain reads of the teams endpoints, so the registry does not
 * depend on the teams feature's code (teams build on volunteers, not the reverse).
 */
import { useQuery } from '@tanstack/react-query';
import type { Post } from '../../../server/features/teams/posts.schemas.ts';
import type { Team } from '../../../server/features/teams/teams.schemas.ts';
import { api, withQuery } from '../../app/api.ts';

export type { Post as PostRef } from '../../../server/features/teams/posts.schemas.ts';
export type { Team as TeamRef } from '../../../server/features/teams/teams.schemas.ts';

export function useVolunteerTeams(volunteerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['teams', 'of-volunteer', volunteerId],
    queryFn: async () => (await api.get<{ items: Team[] }>(withQuery('/teams', { volunteerId, limit: 100 }))).items,
    enabled,
  });
}

export function useVolunteerPosts(volunteerId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['posts', 'of-volunteer', volunteerId],
    queryFn: async () => (await api.get<{ items: Post[] }>(withQuery('/posts', { volunteerId, limit: 100 }))).items,
    enabled,
  });
}

export function useTeamOptions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['teams', 'options', q],
    queryFn: async () => (await api.get<{ items: Team[] }>(withQuery('/teams', { q: q.trim(), limit: 50 }))).items,
    enabled,
  });
}
