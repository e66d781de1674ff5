import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type { BodyOf, CreatedInvitation, Invitation, InvitationPage, ListQuery } from '../types.js';
import { Resource } from './resource.js';

/** Invitations for new team members (accepted with `auth.acceptInvitation`). */
export class Invitations extends Resource {
  /** Invites someone by email with a role; the answer carries the `acceptUrl` (valid 7 days). */
  create(body: BodyOf<'createInvitation'>, options?: RequestOptions): Promise<CreatedInvitation> {
    return this.core.run(
      this.core.http.POST('/v1/invitations', { body, ...this.core.init('POST', options) }),
    );
  }

  /** The company's invitations, newest first; `status` narrows to pending, accepted, … */
  list(
    query: ListQuery<'listInvitations'> = {},
    options?: RequestOptions,
  ): PagePromise<Invitation, InvitationPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/invitations', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** Revokes an invitation: its link stops working. */
  async revoke(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(
      this.core.http.DELETE('/v1/invitations/{id}', {
        params: { path: { id } },
        ...this.core.init('DELETE', options),
      }),
    );
  }
}
