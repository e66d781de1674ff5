import { queries } from '../../api/queries';
import { readFilters, toListQuery } from './inbox-filters';

/**
 * The list a URL's search parameters ask for: the route's loader starts its first request while
 * the inbox's code still loads, and the page then finds it in the cache under the same key.
 */
export function inboxListQuery(params: URLSearchParams) {
  return queries.leadPages(toListQuery(readFilters(params)));
}
