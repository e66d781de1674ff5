import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type { BodyOf, ListQuery, User, UserPage } from '../types.js';
import { Resource } from './resource.js';

/** The company's team members. */
export class Users extends Resource {
  /** The company's users, oldest first. */
  list(query: ListQuery<'listUsers'> = {}, options?: RequestOptions): PagePromise<User, UserPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/users', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** Changes a user's role. Only owners grant or remove `owner`; the last owner stays one. */
  update(id: string, body: BodyOf<'updateUser'>, options?: RequestOptions): Promise<User> {
    return this.core.run(
      this.core.http.PATCH('/v1/users/{id}', {
        params: { path: { id } },
        body,
        ...this.core.init('PATCH', options),
      }),
    );
  }

  /** Removes a user from the company; their sessions end at once. */
  async remove(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(
      this.core.http.DELETE('/v1/users/{id}', {
        params: { path: { id } },
        ...this.core.init('DELETE', options),
      }),
    );
  }
}
