import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, RegionLevel, Role } from '../../common/enums.ts';
import type { Permission } from '../../common/permissions.ts';
import { api, ApiError, rememberCsrfToken } from './api.ts';
import { setPlatformTimeZone } from './dates.ts';
import { asLanguage } from './language.ts';

export type { Permission };

export interface Grant {
  id: string;
  role: Role;
  regionId: string | null;
  regionName: string | null;
  regionLevel: RegionLevel | null;
}

export interface Me {
  id: string;
  login: string;
  name: string;
  mobile: string;
  language: Language;
  mustChangePassword: boolean;
  grants: Grant[];
  permissions: string[];
  timeZone: string;
  csrfToken: string;
}

export const ME_KEY = ['auth', 'me'] as const;
const SETUP_KEY = ['setup'] as const;

/** The signed-in account, or null when nobody is. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api.get<Me>('/auth/me');
        rememberCsrfToken(me.csrfToken);
        setPlatformTimeZone(me.timeZone);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: Infinity,
  });
}

export function useSetupNeeded() {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: async () => (await api.get<{ needed: boolean }>('/setup')).needed,
    staleTime: Infinity,
  });
}

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me?.permissions.includes(permission);
}

/**
 * After /auth/login or /setup: keep the new session's CSRF token and account. The language the
 * user signed in with is what they read, so the account is told about it when it differs.
 */
export function useSignedIn(): (me: Me) => void {
  const client = useQueryClient();
  const { i18n } = useTranslation();
  return useCallback(
    (me: Me) => {
      rememberCsrfToken(me.csrfToken);
      setPlatformTimeZone(me.timeZone);
      client.setQueryData(SETUP_KEY, false);
      client.setQueryData(ME_KEY, me);
      const language = asLanguage(i18n.language);
      if (me.language !== language) {
        const updated: Me = { ...me, language };
        client.setQueryData<Me | null>(ME_KEY, updated);
        api.put('/auth/language', { language }).catch(() => {
          // The UI already shows the choice; the account's copy is caught up at the next switch.
        });
      }
    },
    [client, i18n],
  );
}

/** Ends the session on the server, then forgets it here; when the server cannot be told (offline), it throws and nothing is forgotten. */
export function useLogout(): () => Promise<void> {
  const signedOut = useSignedOut();
  return useCallback(async () => {
    await api.post('/auth/logout');
    signedOut();
  }, [signedOut]);
}

/** Forgets everything cached for the account, so the next one starts clean. */
function useSignedOut(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    rememberCsrfToken(null);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] && q.queryKey[0] !== SETUP_KEY[0] });
    client.setQueryData(ME_KEY, null);
  }, [client]);
}
