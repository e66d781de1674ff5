import { isLeadStage, type LeadStage } from '@leadbridge/core';

export const LEAD_SORTS = ['-createdAt', 'createdAt', '-updatedAt', 'updatedAt'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export const SORT_LABELS: Record<LeadSort, string> = {
  '-createdAt': 'Newest first',
  createdAt: 'Oldest first',
  '-updatedAt': 'Recently changed',
  updatedAt: 'Least recently changed',
};

/** The inbox's filters, kept in the URL so a reload, the back button or a shared link keep them. */
export interface InboxFilters {
  stages: LeadStage[];
  programId: string;
  partnerId: string;
  q: string;
  /** YYYY-MM-DD, local calendar days, both inclusive. */
  from: string;
  to: string;
  sort: LeadSort;
}

export function readFilters(params: URLSearchParams): InboxFilters {
  const sort = params.get('sort');
  return {
    stages: (params.get('stage') ?? '').split(',').filter(isLeadStage),
    programId: params.get('program') ?? '',
    partnerId: params.get('partner') ?? '',
    q: params.get('q') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort: (LEAD_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as LeadSort)
      : '-createdAt',
  };
}

export function writeFilters(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.stages.length) params.set('stage', filters.stages.join(','));
  if (filters.programId) params.set('program', filters.programId);
  if (filters.partnerId) params.set('partner', filters.partnerId);
  if (filters.q) params.set('q', filters.q);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.sort !== '-createdAt') params.set('sort', filters.sort);
  return params;
}

/** A local calendar day's start as an instant: the range means the days the person sees. */
function dayStart(day: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The `listLeads` query for these filters (without paging). */
export function toListQuery(filters: InboxFilters) {
  const query: {
    stage?: string;
    programId?: string;
    partnerId?: string;
    q?: string;
    createdFrom?: string;
    createdTo?: string;
    sort?: LeadSort;
  } = { sort: filters.sort };
  if (filters.stages.length) query.stage = filters.stages.join(',');
  if (filters.programId) query.programId = filters.programId;
  if (filters.partnerId) query.partnerId = filters.partnerId;
  if (filters.q.trim()) query.q = filters.q.trim();
  const from = dayStart(filters.from);
  const to = dayStart(filters.to, 1);
  if (from) query.createdFrom = from;
  if (to) query.createdTo = to;
  return query;
}

export function hasFilters(filters: InboxFilters): boolean {
  return (
    filters.stages.length > 0 ||
    !!filters.programId ||
    !!filters.partnerId ||
    !!filters.q ||
    !!filters.from ||
    !!filters.to
  );
}
