import type { AuthSession } from '@leadbridge/sdk';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isStatus } from '../api/errors';
import { queries } from '../api/queries';
import { ErrorState, LoadingState } from '../ui/States';

const SessionContext = createContext<AuthSession | null>(null);

export function useSession(): AuthSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireSession');
  return session;
}

/** Owners and admins write; members read (the API refuses their writes with 403 anyway). */
export function useCanWrite(): boolean {
  return useSession().role !== 'member';
}

/** Who is signed in; main.tsx starts this request before the first render. */
export function useSessionQuery() {
  return useQuery(queries.session());
}

/** Renders its children for a signed-in user; sends anyone else to sign in (and back after). */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const query = useSessionQuery();
  if (query.isPending) return <LoadingState label="Loading your workspace…" />;
  if (query.isError) {
    if (isStatus(query.error, 401) || isStatus(query.error, 403)) {
      const next = `${location.pathname}${location.search}`;
      return (
        <Navigate
          to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}
          replace
        />
      );
    }
    return (
      <ErrorState
        error={query.error}
        onRetry={() => query.refetch()}
        title="Could not load your session"
      />
    );
  }
  return <SessionContext.Provider value={query.data}>{children}</SessionContext.Provider>;
}
