import type { Action } from '@baton/core';
import { createContext, useContext } from 'react';
import type { SessionInfo } from '../api/types.ts';

export type SessionApi = {
  session: SessionInfo | null;
  /** True until the first session probe has answered. */
  loading: boolean;
  /** True when the user holds the action at some scope (menus; the server decides per item). */
  can: (action: Action) => boolean;
  signIn: (email: string, password: string) => Promise<SessionInfo>;
  signOut: () => Promise<void>;
};

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession needs a <SessionProvider> above it');
  return api;
}

/** The signed-in session; only for screens behind <RequireAuth>. */
export function useSignedInSession(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('No session: this screen must sit behind <RequireAuth>');
  return session;
}
