import type { Action } from '@baton/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { EmptyState } from '../design/EmptyState.tsx';
import { LoadingState } from '../design/Spinner.tsx';
import { useSession } from './session-context.ts';

/** Sends visitors who are not signed in to the sign-in page, remembering where they were going. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session, loading } = useSession();
  const location = useLocation();
  if (loading) return <LoadingState label="Loading Baton…" />;
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <>{children}</>;
}

/** Shows a screen only to people holding the action somewhere. */
export function RequireAction({ action, children }: { action: Action; children: ReactNode }) {
  const { can } = useSession();
  if (!can(action)) {
    return (
      <EmptyState title="You do not have access to this page" icon="!">
        Ask an administrator for a role that includes this permission.
      </EmptyState>
    );
  }
  return <>{children}</>;
}
