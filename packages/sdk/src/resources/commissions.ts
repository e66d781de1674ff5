import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type {
  BodyOf,
  BulkCommissionResult,
  Commission,
  CommissionPage,
  CommissionTotals,
  ListQuery,
  QueryOf,
} from '../types.js';
import { Resource } from './resource.js';

/** Commissions partners earn under a program's offer: pending → approved → paid, or declined. */
export class Commissions extends Resource {
  /** Commissions, newest first. A partner session sees only its own. */
  list(
    query: ListQuery<'listCommissions'> = {},
    options?: RequestOptions,
  ): PagePromise<Commission, CommissionPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/commissions', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** One commission. */
  get(id: string, options?: RequestOptions): Promise<Commission> {
    return this.core.run(
      this.core.http.GET('/v1/commissions/{id}', {
        params: { path: { id } },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** Sums per status and currency, in minor units (a partner session: its own). */
  totals(
    query: QueryOf<'getCommissionTotals'> = {},
    options?: RequestOptions,
  ): Promise<CommissionTotals> {
    return this.core.run(
      this.core.http.GET('/v1/commissions/totals', {
        params: { query },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** The filtered commissions as CSV text (spreadsheet-safe). Company principals only. */
  exportCsv(query: QueryOf<'exportCommissions'> = {}, options?: RequestOptions): Promise<string> {
    return this.core.run(
      this.core.http.GET('/v1/commissions/export.csv', {
        params: { query },
        parseAs: 'text',
        ...this.core.init('GET', options),
      }),
    );
  }

  /**
   * Approves, declines or marks paid up to 200 commissions; each id gets its own result.
   * Owners and admins (or an API key).
   */
  async updateStatus(
    body: BodyOf<'bulkUpdateCommissionStatus'>,
    options?: RequestOptions,
  ): Promise<BulkCommissionResult[]> {
    const { results } = await this.core.run(
      this.core.http.POST('/v1/commissions/bulk-status', {
        body,
        ...this.core.init('POST', options),
      }),
    );
    return results;
  }
}
