import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type { ApiKey, ApiKeyPage, BodyOf, CreatedApiKey, ListQuery } from '../types.js';
import { Resource } from './resource.js';

/** Secret API keys (`sk_…`), managed by owners and admins from a signed-in session. */
export class ApiKeys extends Resource {
  /** Creates a key. The answer's `key` is the only time the secret is shown: store it now. */
  create(body: BodyOf<'createApiKey'>, options?: RequestOptions): Promise<CreatedApiKey> {
    return this.core.run(
      this.core.http.POST('/v1/api-keys', { body, ...this.core.init('POST', options) }),
    );
  }

  /** The company's keys, newest first (prefix only, never the secret). */
  list(
    query: ListQuery<'listApiKeys'> = {},
    options?: RequestOptions,
  ): PagePromise<ApiKey, ApiKeyPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/api-keys', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** Revokes a key at once: requests with it get 401 from now on. */
  async revoke(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(
      this.core.http.DELETE('/v1/api-keys/{id}', {
        params: { path: { id } },
        ...this.core.init('DELETE', options),
      }),
    );
  }
}
