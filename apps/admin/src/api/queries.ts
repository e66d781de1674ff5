import type { Page } from '@leadbridge/sdk';
import {
  type DataTag,
  type InfiniteData,
  infiniteQueryOptions,
  type QueryClient,
  type QueryKey,
  queryOptions,
} from '@tanstack/react-query';
import { lb } from './client';

/**
 * Every query the admin app caches is defined here, and nowhere else (Biome's
 * `biome-plugins/query-keys.grit` refuses a key written anywhere else).
 *
 * A key is `[area, name, ...params]`. Each `area/name` root is made by exactly one definition
 * below, together with the request that fills it, so one key can only ever hold one shape: a
 * list cached as pages (`useInfiniteQuery`, `{ pages, pageParams }`) has a root of its own,
 * never shared with a plain list or a single record. Keys carry their data type
 * (TanStack Query's `DataTag`), so `setQueryData(queries.lead.key(id), …)` accepts only a lead,
 * and `updateEach` hands each cached copy to the caller with the type it really has
 * (docs/adr/0008-client-caches.md).
 */

/** How the cache keeps a keyset-paged list: one entry per fetched page. */
export type Pages<P> = InfiniteData<P, string | undefined>;

type Key<TData> = DataTag<QueryKey, TData>;

/** What every definition exposes besides building its query options. */
interface Family<TData, TParams extends unknown[]> {
  /** The key of one query of this family. */
  key: (...params: TParams) => Key<TData>;
  /** A prefix matching every query of this family (invalidate, update, snapshot them all). */
  all: Key<TData>;
}

const roots = new Set<string>();

function family<TData, TParams extends unknown[]>(
  area: string,
  name: string,
): Family<TData, TParams> {
  const root = `${area}/${name}`;
  // Two definitions under one root could put two shapes under one key: refuse at load time.
  if (roots.has(root)) throw new Error(`query root ${root} is defined twice`);
  roots.add(root);
  return {
    key: (...params) => [area, name, ...params] as unknown as Key<TData>,
    all: [area, name] as unknown as Key<TData>,
  };
}

interface OneOptions {
  staleTime?: number;
  refetchInterval?: number;
  retry?: boolean;
}

/** A query holding one value (a record, a short list, totals). */
function one<TData, TParams extends unknown[]>(
  area: string,
  name: string,
  fetch: (signal: AbortSignal, ...params: TParams) => Promise<TData>,
  defaults: OneOptions = {},
) {
  const keys = family<TData, TParams>(area, name);
  const options = (...params: TParams) =>
    queryOptions({
      queryKey: keys.key(...params),
      queryFn: ({ signal }) => fetch(signal, ...params),
      ...defaults,
    });
  return Object.assign(options, keys);
}

/** A keyset-paged list (`{ data, nextCursor }` pages, "Load more"). */
function paged<P extends Page<unknown>, TParams extends unknown[]>(
  area: string,
  name: string,
  fetchPage: (cursor: string | undefined, signal: AbortSignal, ...params: TParams) => Promise<P>,
) {
  const keys = family<Pages<P>, TParams>(area, name);
  const options = (...params: TParams) =>
    infiniteQueryOptions({
      queryKey: keys.key(...params),
      queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal, ...params),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    });
  return Object.assign(options, keys);
}

const cursor = (value: string | undefined) => (value ? { cursor: value } : {});

type LeadListQuery = Omit<NonNullable<Parameters<typeof lb.leads.list>[0]>, 'cursor' | 'limit'>;
type CustomerListQuery = Omit<
  NonNullable<Parameters<typeof lb.customers.list>[0]>,
  'cursor' | 'limit'
>;
type CommissionListQuery = Omit<
  NonNullable<Parameters<typeof lb.commissions.list>[0]>,
  'cursor' | 'limit'
>;
type CommissionTotalsQuery = NonNullable<Parameters<typeof lb.commissions.totals>[0]>;
type ImportListQuery = Omit<NonNullable<Parameters<typeof lb.imports.list>[0]>, 'cursor' | 'limit'>;
type PartnerListQuery = Omit<
  NonNullable<Parameters<typeof lb.partners.list>[0]>,
  'cursor' | 'limit'
>;
type ApplicationListQuery = Omit<
  NonNullable<Parameters<typeof lb.applications.list>[0]>,
  'cursor' | 'limit'
>;
type DeliveryStatus = NonNullable<Parameters<typeof lb.webhooks.deliveries.list>[1]>['status'];
type AnalyticsQuery = NonNullable<Parameters<typeof lb.analytics.funnel>[0]>;

/** The inbox's page size; other lists use theirs below. */
export const LEAD_PAGE_SIZE = 50;

export const queries = {
  session: one('session', 'me', (signal) => lb.auth.me({ signal }), {
    retry: false,
    staleTime: 5 * 60_000,
  }),
  invitation: one(
    'session',
    'invitation',
    (signal, token: string) => lb.auth.getInvitation(token, { signal }),
    { retry: false },
  ),

  // A company has a handful of programs: one page of 200 is all of them.
  programs: one(
    'programs',
    'all',
    async (signal) => (await lb.programs.list({ limit: 200 }, { signal })).data,
    { staleTime: 60_000 },
  ),
  program: one('programs', 'one', (signal, id: string) => lb.programs.get(id, { signal })),
  /** The guided setup's steps, from the company's data (the dashboard polls it while open). */
  setupProgress: one('company', 'setup-progress', (signal) => lb.company.setupProgress({ signal })),

  // For filter menus: the first 200 partners by newest (the partners page searches them all).
  partnerOptions: one(
    'partners',
    'options',
    async (signal) => (await lb.partners.list({ limit: 200 }, { signal })).data,
    { staleTime: 60_000 },
  ),
  partnerPages: paged('partners', 'pages', (after, signal, query: PartnerListQuery) =>
    lb.partners.list({ ...query, limit: 50, ...cursor(after) }, { signal }),
  ),
  partner: one('partners', 'one', (signal, id: string) => lb.partners.get(id, { signal })),

  applicationPages: paged('applications', 'pages', (after, signal, query: ApplicationListQuery) =>
    lb.applications.list({ ...query, limit: 50, ...cursor(after) }, { signal }),
  ),
  /** The team's email switches (new applications). */
  teamNotifications: one('team', 'notifications', (signal) =>
    lb.company.notificationPreferences({ signal }),
  ),

  leadPages: paged('leads', 'pages', (after, signal, query: LeadListQuery) =>
    lb.leads.list({ ...query, limit: LEAD_PAGE_SIZE, ...cursor(after) }, { signal }),
  ),
  /** The newest few leads matching a filter, as one plain list (a partner's latest leads). */
  latestLeads: one(
    'leads',
    'latest',
    async (signal, query: LeadListQuery, limit: number) =>
      (await lb.leads.list({ ...query, limit }, { signal })).data,
  ),
  lead: one('leads', 'one', (signal, id: string) => lb.leads.get(id, { signal })),
  leadHistory: one(
    'leads',
    'history',
    async (signal, id: string) => (await lb.leads.history(id, { limit: 200 }, { signal })).data,
  ),

  importPages: paged('imports', 'pages', (after, signal, query: ImportListQuery) =>
    lb.imports.list({ ...query, limit: 50, ...cursor(after) }, { signal }),
  ),

  customerPages: paged('customers', 'pages', (after, signal, query: CustomerListQuery) =>
    lb.customers.list({ ...query, limit: 50, ...cursor(after) }, { signal }),
  ),
  customer: one('customers', 'one', (signal, id: string) => lb.customers.get(id, { signal })),
  transactionPages: paged('customers', 'transaction-pages', (after, signal, id: string) =>
    lb.customers.transactions.list(id, { limit: 50, ...cursor(after) }, { signal }),
  ),

  commissionPages: paged('commissions', 'pages', (after, signal, query: CommissionListQuery) =>
    lb.commissions.list({ ...query, limit: 50, ...cursor(after) }, { signal }),
  ),
  commissionTotals: one('commissions', 'totals', (signal, query: CommissionTotalsQuery) =>
    lb.commissions.totals(query, { signal }),
  ),

  threadPages: paged('messages', 'thread-pages', (after, signal, unreadOnly: boolean) =>
    lb.messages.listThreads(
      { limit: 30, ...(unreadOnly ? { unread: 'true' as const } : {}), ...cursor(after) },
      { signal },
    ),
  ),
  thread: one('messages', 'thread', (signal, id: string) => lb.messages.getThread(id, { signal })),
  threadMessages: one(
    'messages',
    'thread-messages',
    async (signal, id: string) => (await lb.messages.list(id, { limit: 100 }, { signal })).data,
    { refetchInterval: 15_000 },
  ),
  /** Unread messages across threads, for the sidebar badge (refreshed every minute). */
  unreadTotal: one(
    'messages',
    'unread-total',
    async (signal) => (await lb.messages.listThreads({ limit: 1 }, { signal })).unreadTotal,
    { refetchInterval: 60_000 },
  ),

  leadsByWeek: one('analytics', 'weeks', (signal, query: AnalyticsQuery) =>
    lb.analytics.leadsByWeek(query, { signal }),
  ),
  funnel: one('analytics', 'funnel', (signal, query: AnalyticsQuery) =>
    lb.analytics.funnel(query, { signal }),
  ),
  revenue: one('analytics', 'revenue', (signal, query: AnalyticsQuery) =>
    lb.analytics.revenue(query, { signal }),
  ),
  topPartners: one('analytics', 'top', (signal, query: AnalyticsQuery) =>
    lb.analytics.topPartners({ ...query, limit: '8' }, { signal }),
  ),

  webhookEndpoints: one('webhooks', 'endpoints', (signal) =>
    lb.webhooks.endpoints.list({ signal }),
  ),
  webhookEndpoint: one('webhooks', 'endpoint', (signal, id: string) =>
    lb.webhooks.endpoints.get(id, { signal }),
  ),
  deliveryPages: paged(
    'webhooks',
    'delivery-pages',
    (after, signal, id: string, status: DeliveryStatus | '') =>
      lb.webhooks.deliveries.list(
        id,
        { limit: 25, ...(status ? { status } : {}), ...cursor(after) },
        { signal },
      ),
  ),
  eventTypes: one('webhooks', 'event-types', (signal) => lb.webhooks.eventTypes({ signal }), {
    staleTime: Number.POSITIVE_INFINITY,
  }),

  apiKeys: one(
    'developers',
    'api-keys',
    async (signal) => (await lb.apiKeys.list({ limit: 200 }, { signal })).data,
  ),
  users: one(
    'team',
    'users',
    async (signal) => (await lb.users.list({ limit: 200 }, { signal })).data,
  ),
  invitations: one(
    'team',
    'invitations',
    async (signal) =>
      (await lb.invitations.list({ limit: 200, status: 'pending' }, { signal })).data,
  ),
};

/**
 * Everything cached about one area (`leads`, `customers`, …), whatever its shape: for
 * invalidating after a change whose reach is wide (a payment moves customers, commissions,
 * charts and the lead's customer badge). Never for reading or writing data.
 */
export type Area =
  | 'leads'
  | 'customers'
  | 'commissions'
  | 'analytics'
  | 'partners'
  | 'applications'
  | 'programs'
  | 'messages'
  | 'imports'
  | 'webhooks'
  | 'developers'
  | 'team';

export function invalidateArea(client: QueryClient, ...areas: Area[]): void {
  for (const area of areas) {
    const prefix: QueryKey = [area];
    void client.invalidateQueries({ queryKey: prefix });
  }
}

/** Every cached value of one family, with its key (to put back after a failed change). */
export function snapshotEach<TData>(
  client: QueryClient,
  prefix: Key<TData>,
): [QueryKey, TData | undefined][] {
  return client.getQueriesData<TData>({ queryKey: prefix });
}

/** Applies `update` to every cached value of one family (each is the family's own type). */
export function updateEach<TData>(
  client: QueryClient,
  prefix: Key<TData>,
  update: (data: TData) => TData,
): void {
  client.setQueriesData<TData>({ queryKey: prefix }, (data) =>
    data === undefined ? data : update(data),
  );
}
