import type { Lead } from '@leadbridge/sdk';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { queries, snapshotEach, updateEach } from '../../api/queries';

/**
 * Every cached copy of a lead lives in one of three families, each with its own shape: the
 * inbox's pages, the short "latest leads" lists (a partner's page) and the lead's own record.
 */
export interface LeadCacheSnapshot {
  entries: [QueryKey, unknown][];
}

/** Remembers every cached copy of these leads, to put back if an optimistic change fails. */
export function snapshotLeads(client: QueryClient, ids: readonly string[]): LeadCacheSnapshot {
  return {
    entries: [
      ...snapshotEach(client, queries.leadPages.all),
      ...snapshotEach(client, queries.latestLeads.all),
      ...ids.map((id): [QueryKey, unknown] => [
        queries.lead.key(id),
        client.getQueryData(queries.lead.key(id)),
      ]),
    ],
  };
}

export function restoreLeads(client: QueryClient, snapshot: LeadCacheSnapshot): void {
  for (const [key, data] of snapshot.entries) client.setQueryData(key, data);
}

/** Stops lead requests in flight, so none lands on top of an optimistic change. */
export async function cancelLeadQueries(client: QueryClient): Promise<void> {
  await Promise.all([
    client.cancelQueries({ queryKey: queries.leadPages.all }),
    client.cancelQueries({ queryKey: queries.latestLeads.all }),
  ]);
}

/** Applies `change` to every cached copy of the given leads (lists and detail pages). */
export function patchLeads(
  client: QueryClient,
  ids: readonly string[],
  change: (lead: Lead) => Lead,
): void {
  const wanted = new Set(ids);
  const patch = (lead: Lead) => (wanted.has(lead.id) ? change(lead) : lead);
  updateEach(client, queries.leadPages.all, (data) => ({
    ...data,
    pages: data.pages.map((page) => ({ ...page, data: page.data.map(patch) })),
  }));
  updateEach(client, queries.latestLeads.all, (leads) => leads.map(patch));
  for (const id of ids) {
    client.setQueryData(queries.lead.key(id), (lead) => (lead ? change(lead) : lead));
  }
}

/** Puts the server's answer in place of the cached copies. */
export function storeLeads(client: QueryClient, leads: readonly Lead[]): void {
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  patchLeads(client, [...byId.keys()], (lead) => byId.get(lead.id) ?? lead);
}

/**
 * After leads changed on the server: the lists are marked stale but not refetched now (a lead
 * moved out of a "New" filter stays in view until the person reloads, so j/k positions do not
 * jump while triaging); the short latest-leads lists and each lead's history refetch.
 */
export function markLeadListsStale(client: QueryClient, ids: readonly string[]): void {
  void client.invalidateQueries({ queryKey: queries.leadPages.all, refetchType: 'none' });
  void client.invalidateQueries({ queryKey: queries.latestLeads.all });
  for (const id of ids) void client.invalidateQueries({ queryKey: queries.leadHistory.key(id) });
}
