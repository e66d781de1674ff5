import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type {
  ApplicationCodeSent,
  ApplicationConfirmed,
  BodyOf,
  BulkApplicationResult,
  ListQuery,
  PartnerApplication,
  PartnerApplicationPage,
} from '../types.js';
import { Resource } from './resource.js';

/** The company's inbox of applications to its programs. */
export class Applications extends Resource {
  /** Confirmed applications, newest first; filter by `status` and `programId`. */
  list(
    query: ListQuery<'listApplications'> = {},
    options?: RequestOptions,
  ): PagePromise<PartnerApplication, PartnerApplicationPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/applications', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** One application with its answers and decision. */
  get(id: string, options?: RequestOptions): Promise<PartnerApplication> {
    return this.core.run(
      this.core.http.GET('/v1/applications/{id}', {
        params: { path: { id } },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** Enrols the applicant and emails them where to sign in (`partner.approved`). */
  approve(id: string, options?: RequestOptions): Promise<PartnerApplication> {
    return this.core.run(
      this.core.http.POST('/v1/applications/{id}/approve', {
        params: { path: { id } },
        ...this.core.init('POST', options),
      }),
    );
  }

  /** Declines the application and emails the applicant, with `reason` when given. */
  decline(
    id: string,
    body: BodyOf<'declineApplication'> = {},
    options?: RequestOptions,
  ): Promise<PartnerApplication> {
    return this.core.run(
      this.core.http.POST('/v1/applications/{id}/decline', {
        params: { path: { id } },
        body,
        ...this.core.init('POST', options),
      }),
    );
  }

  /** Approves or declines up to 100 applications; each succeeds or fails on its own. */
  async bulkDecide(
    body: BodyOf<'bulkDecideApplications'>,
    options?: RequestOptions,
  ): Promise<BulkApplicationResult[]> {
    const answer = await this.core.run(
      this.core.http.POST('/v1/applications/bulk', { body, ...this.core.init('POST', options) }),
    );
    return answer.results;
  }
}

/** Applying to join a program from a partner page, by publishable key. */
export class ProgramApplications extends Resource {
  /**
   * Records the application and emails a 6-digit code to confirm it. Answers the same for any
   * email (an existing partner gets a sign-in code instead), so it reveals nobody.
   */
  apply(body: BodyOf<'applyToProgram'>, options?: RequestOptions): Promise<ApplicationCodeSent> {
    return this.core.run(
      this.core.http.POST('/v1/public/applications', { body, ...this.core.init('POST', options) }),
    );
  }

  /**
   * Confirms with the emailed code: `pending` (the company decides), or `enrolled` /
   * `signed_in` with a partner `session`.
   */
  confirm(
    body: BodyOf<'confirmApplication'>,
    options?: RequestOptions,
  ): Promise<ApplicationConfirmed> {
    return this.core.run(
      this.core.http.POST('/v1/public/applications/confirm', {
        body,
        ...this.core.init('POST', options),
      }),
    );
  }
}
