import { isLeadbridgeError } from '@leadbridge/sdk';
import { hashKey, MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { queries } from '../api/queries';

const SESSION_KEY = queries.session.key();

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended (signed out elsewhere, expired): ask again who is
  // signed in, and RequireSession sends the person to sign in, then back to where they were.
  // Only while someone was signed in, and never for the session query itself (no loop).
  const onError = (error: unknown, queryKey?: readonly unknown[]) => {
    const signedIn = client.getQueryState(SESSION_KEY)?.status === 'success';
    const isSessionQuery = queryKey !== undefined && hashKey(queryKey) === hashKey(SESSION_KEY);
    if (signedIn && !isSessionQuery && isLeadbridgeError(error) && error.status === 401) {
      void client.invalidateQueries({ queryKey: SESSION_KEY, refetchType: 'all' });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // The SDK already retries network errors and 5xx; a 4xx will not get better by asking again.
        retry: (count, error) =>
          count < 1 && !(isLeadbridgeError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
