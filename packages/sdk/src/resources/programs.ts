import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type {
  BodyOf,
  ListQuery,
  Partnership,
  Program,
  ProgramPage,
  ProgramPartner,
  ProgramPartnerPage,
} from '../types.js';
import { PublicPrograms } from './public-programs.js';

/**
 * A company's partner programs, their settings and enrolled partners; `getPublic` (from
 * {@link PublicPrograms}) reads a program by its publishable key.
 */
export class Programs extends PublicPrograms {
  /** Creates a program with the default form, stage labels, an empty offer and a publishable key. */
  create(body: BodyOf<'createProgram'>, options?: RequestOptions): Promise<Program> {
    return this.core.run(
      this.core.http.POST('/v1/programs', { body, ...this.core.init('POST', options) }),
    );
  }

  /** The company's programs, newest first (`{ status: 'archived' }` for archived ones). */
  list(
    query: ListQuery<'listPrograms'> = {},
    options?: RequestOptions,
  ): PagePromise<Program, ProgramPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/programs', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** One program with its form, stage labels, offer and switches. */
  get(id: string, options?: RequestOptions): Promise<Program> {
    return this.core.run(
      this.core.http.GET('/v1/programs/{id}', {
        params: { path: { id } },
        ...this.core.init('GET', options),
      }),
    );
  }

  /**
   * Changes settings. Send the `version` you read: a stale one fails with 409
   * `version_conflict` (the current program is in `error.problem.current`).
   */
  update(id: string, body: BodyOf<'updateProgram'>, options?: RequestOptions): Promise<Program> {
    return this.core.run(
      this.core.http.PATCH('/v1/programs/{id}', {
        params: { path: { id } },
        body,
        ...this.core.init('PATCH', options),
      }),
    );
  }

  /** Issues a new publishable key; pages still using the old one stop working at once. */
  rotatePublishableKey(id: string, options?: RequestOptions): Promise<Program> {
    return this.core.run(
      this.core.http.POST('/v1/programs/{id}/publishable-key', {
        params: { path: { id } },
        ...this.core.init('POST', options),
      }),
    );
  }

  /** Archives the program: leads stay, the widget and its partner sessions stop working. */
  async archive(id: string, options?: RequestOptions): Promise<void> {
    await this.core.run(
      this.core.http.DELETE('/v1/programs/{id}', {
        params: { path: { id } },
        ...this.core.init('DELETE', options),
      }),
    );
  }

  /**
   * Enrols a partner under a partner key (an ended enrolment resumes); `invite: true` emails
   * the partner where to submit leads.
   */
  enrollPartner(
    programId: string,
    body: BodyOf<'enrollPartner'>,
    options?: RequestOptions,
  ): Promise<Partnership> {
    return this.core.run(
      this.core.http.POST('/v1/programs/{id}/partners', {
        params: { path: { id: programId } },
        body,
        ...this.core.init('POST', options),
      }),
    );
  }

  /** The program's enrolled partners with their keys, newest first (`status: 'ended'` for former). */
  listPartners(
    programId: string,
    query: ListQuery<'listProgramPartners'> = {},
    options?: RequestOptions,
  ): PagePromise<ProgramPartner, ProgramPartnerPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/programs/{id}/partners', {
            params: { path: { id: programId }, query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /** Ends a partner's enrolment: its sessions for this program stop working at once. */
  async endPartnership(
    programId: string,
    partnerId: string,
    options?: RequestOptions,
  ): Promise<void> {
    await this.core.run(
      this.core.http.DELETE('/v1/programs/{id}/partners/{partnerId}', {
        params: { path: { id: programId, partnerId } },
        ...this.core.init('DELETE', options),
      }),
    );
  }
}
