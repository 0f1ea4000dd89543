import type { Action } from '@baton/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo } from 'react';
import { fetchSession, signIn as postSignIn, signOut as postSignOut } from '../api/auth.ts';
import { setCsrfToken, setUnauthorisedHandler } from '../api/client.ts';
import type { SessionInfo } from '../api/types.ts';
import { type SessionApi, SessionContext } from './session-context.ts';

export const SESSION_KEY = ['session'] as const;

/** Loads who is signed in, keeps the CSRF token for writes, and drops the session on any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const session = query.data ?? null;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  useEffect(() => {
    setUnauthorisedHandler(() => {
      setCsrfToken(null);
      queryClient.setQueryData(SESSION_KEY, null);
    });
    return () => setUnauthorisedHandler(null);
  }, [queryClient]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const info = await postSignIn(email, password);
      setCsrfToken(info.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData<SessionInfo | null>(SESSION_KEY, info);
      return info;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await postSignOut();
    } finally {
      setCsrfToken(null);
      queryClient.setQueryData(SESSION_KEY, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    }
  }, [queryClient]);

  const api = useMemo<SessionApi>(
    () => ({
      session,
      loading: query.isPending,
      can: (action: Action) => session?.actions.includes(action) ?? false,
      signIn,
      signOut,
    }),
    [session, query.isPending, signIn, signOut],
  );

  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}
