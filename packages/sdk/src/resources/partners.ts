import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type { BodyOf, ListQuery, Partner, PartnerDetail, PartnerPage } from '../types.js';
import { Resource } from './resource.js';

/** A company's partners (agencies, resellers, affiliates). */
export class Partners extends Resource {
  /**
   * Adds a partner, optionally enrolled in programs at once; `invite: true` emails it. An email
   * already used by a partner of the company fails with 409 `partner_exists`.
   */
  create(body: BodyOf<'createPartner'>, options?: RequestOptions): Promise<PartnerDetail> {
    return this.core.run(
      this.core.http.POST('/v1/partners', { body, ...this.core.init('POST', options) }),
    );
  }

  /** Newest first; `q` searches name and email; archived partners only with `status: 'archived'`. */
  list(
    query: ListQuery<'listPartners'> = {},
    options?: RequestOptions,
  ): PagePromise<Partner, PartnerPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/partners', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** The partner with every program it is (or was) enrolled in. */
  get(id: string, options?: RequestOptions): Promise<PartnerDetail> {
    return this.core.run(
      this.core.http.GET('/v1/partners/{id}', {
        params: { path: { id } },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** Changes the partner's name, email or notes. */
  update(
    id: string,
    body: BodyOf<'updatePartner'>,
    options?: RequestOptions,
  ): Promise<PartnerDetail> {
    return this.core.run(
      this.core.http.PATCH('/v1/partners/{id}', {
        params: { path: { id } },
        body,
        ...this.core.init('PATCH', options),
      }),
    );
  }

  /** Archives the partner: its partner sessions stop working at once; its leads stay. */
  async archive(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(
      this.core.http.DELETE('/v1/partners/{id}', {
        params: { path: { id } },
        ...this.core.init('DELETE', options),
      }),
    );
  }
}
