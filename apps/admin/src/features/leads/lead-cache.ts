import type { Lead, Page } from '@leadbridge/sdk';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';

export const leadListsKey = ['leads', 'list'] as const;
export const leadKey = (id: string) => ['leads', 'detail', id] as const;

type LeadPages = InfiniteData<Page<Lead>, string | undefined>;

export interface LeadCacheSnapshot {
  lists: [readonly unknown[], LeadPages | undefined][];
  details: Map<string, Lead | undefined>;
}

/** Remembers every cached copy of these leads, to put back if an optimistic change fails. */
export function snapshotLeads(client: QueryClient, ids: readonly string[]): LeadCacheSnapshot {
  return {
    lists: client.getQueriesData<LeadPages>({ queryKey: leadListsKey }),
    details: new Map(ids.map((id) => [id, client.getQueryData<Lead>(leadKey(id))])),
  };
}

export function restoreLeads(client: QueryClient, snapshot: LeadCacheSnapshot): void {
  for (const [key, data] of snapshot.lists) client.setQueryData(key, data);
  for (const [id, lead] of snapshot.details) client.setQueryData(leadKey(id), lead);
}

/** Applies `change` to every cached copy of the given leads (lists and detail pages). */
export function patchLeads(
  client: QueryClient,
  ids: readonly string[],
  change: (lead: Lead) => Lead,
): void {
  const wanted = new Set(ids);
  client.setQueriesData<LeadPages>({ queryKey: leadListsKey }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            data: page.data.map((lead) => (wanted.has(lead.id) ? change(lead) : lead)),
          })),
        }
      : data,
  );
  for (const id of ids) {
    client.setQueryData<Lead>(leadKey(id), (lead) => (lead ? change(lead) : lead));
  }
}

/** Puts the server's answer in place of the cached copies. */
export function storeLeads(client: QueryClient, leads: readonly Lead[]): void {
  const byId = new Map(leads.map((lead) => [lead.id, lead]));
  patchLeads(client, [...byId.keys()], (lead) => byId.get(lead.id) ?? lead);
}
