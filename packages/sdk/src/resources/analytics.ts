import type { RequestOptions } from '../core/options.js';
import type { Funnel, LeadsByWeek, QueryOf, Revenue, TopPartners } from '../types.js';
import { Resource } from './resource.js';

/**
 * Dashboard aggregates for company principals. Each takes `programId`, `from`, `to` (ISO
 * instants; default the last 12 calendar weeks) and `tz` (weeks start on Monday there).
 */
export class Analytics extends Resource {
  /** Leads created per week, split by the stage each is in now. */
  leadsByWeek(
    query: QueryOf<'getLeadsByWeek'> = {},
    options?: RequestOptions,
  ): Promise<LeadsByWeek> {
    return this.core.run(
      this.core.http.GET('/v1/analytics/leads-by-week', {
        params: { query },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** Submitted → qualified → won for the leads created in the range, with rates. */
  funnel(query: QueryOf<'getLeadFunnel'> = {}, options?: RequestOptions): Promise<Funnel> {
    return this.core.run(
      this.core.http.GET('/v1/analytics/funnel', {
        params: { query },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** Revenue (transactions) and commissions per week, one series per currency. */
  revenue(query: QueryOf<'getRevenueByWeek'> = {}, options?: RequestOptions): Promise<Revenue> {
    return this.core.run(
      this.core.http.GET('/v1/analytics/revenue', {
        params: { query },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** The partners with the most leads (`sort: 'leads'`) or wins (`sort: 'won'`) in the range. */
  topPartners(
    query: QueryOf<'getTopPartners'> = {},
    options?: RequestOptions,
  ): Promise<TopPartners> {
    return this.core.run(
      this.core.http.GET('/v1/analytics/top-partners', {
        params: { query },
        ...this.core.init('GET', options),
      }),
    );
  }
}
