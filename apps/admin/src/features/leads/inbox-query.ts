import { infiniteQueryOptions } from '@tanstack/react-query';
import { lb } from '../../api/client';
import { readFilters, toListQuery } from './inbox-filters';
import { leadListsKey } from './lead-cache';

const PAGE_SIZE = 50;

/**
 * The inbox's list: keyset pages of 50, newest first unless sorted otherwise. Shared by the page
 * and the route's loader, which starts the first request while the page's code still loads.
 */
export function inboxQueryOptions(listQuery: ReturnType<typeof toListQuery>) {
  return infiniteQueryOptions({
    queryKey: [...leadListsKey, listQuery],
    queryFn: async ({ pageParam, signal }) =>
      await lb.leads.list(
        { ...listQuery, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The list a URL's search parameters ask for (the route loader's entry point). */
export function inboxListQuery(params: URLSearchParams) {
  return inboxQueryOptions(toListQuery(readFilters(params)));
}
