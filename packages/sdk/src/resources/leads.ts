import type { RequestOptions } from '../core/options.js';
import { PagePromise, pageQuery } from '../core/pagination.js';
import type {
  BodyOf,
  BulkLeadStageResult,
  Lead,
  LeadEvent,
  LeadEventPage,
  LeadPage,
  ListQuery,
} from '../types.js';
import { Resource } from './resource.js';

/** Leads: potential customers partners register with a program. */
export class Leads extends Resource {
  /**
   * Registers a lead. A partner session submits to its own program; company principals name
   * `programId` and the partner (`partnerKey` or `partnerId`). Fails with 422
   * `validation_failed` (see `error.errors`) or 409 `duplicate_lead`. Safe to retry: the
   * request carries an `Idempotency-Key`.
   */
  create(body: BodyOf<'createLead'>, options?: RequestOptions): Promise<Lead> {
    return this.core.run(
      this.core.http.POST('/v1/leads', { body, ...this.core.init('POST', options) }),
    );
  }

  /** One lead, with its stage label and customer summary. */
  get(id: string, options?: RequestOptions): Promise<Lead> {
    return this.core.run(
      this.core.http.GET('/v1/leads/{id}', {
        params: { path: { id } },
        ...this.core.init('GET', options),
      }),
    );
  }

  /**
   * Edits a lead's fields. `version` must be the lead's current version, else 409
   * `version_conflict` (the current lead is in `error.problem.current`). Partners may edit
   * their own leads only while they are New or Qualified.
   */
  update(id: string, body: BodyOf<'updateLead'>, options?: RequestOptions): Promise<Lead> {
    return this.core.run(
      this.core.http.PATCH('/v1/leads/{id}', {
        params: { path: { id } },
        body,
        ...this.core.init('PATCH', options),
      }),
    );
  }

  /**
   * Moves a lead to another stage, as the stage rules allow (422 `invalid_stage_transition`
   * otherwise); `closed_won` makes it a customer. Company principals only.
   */
  changeStage(
    id: string,
    body: BodyOf<'changeLeadStage'>,
    options?: RequestOptions,
  ): Promise<Lead> {
    return this.core.run(
      this.core.http.POST('/v1/leads/{id}/stage', {
        params: { path: { id } },
        body,
        ...this.core.init('POST', options),
      }),
    );
  }

  /** Moves many leads to one stage; each lead succeeds or fails on its own (see `results`). */
  async bulkChangeStage(
    body: BodyOf<'bulkChangeLeadStage'>,
    options?: RequestOptions,
  ): Promise<BulkLeadStageResult[]> {
    const { results } = await this.core.run(
      this.core.http.POST('/v1/leads/bulk-stage', { body, ...this.core.init('POST', options) }),
    );
    return results;
  }

  /** The lead's history — created, imported, edited, stage changes — oldest first. */
  history(
    id: string,
    query: ListQuery<'listLeadEvents'> = {},
    options?: RequestOptions,
  ): PagePromise<LeadEvent, LeadEventPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/leads/{id}/events', {
            params: { path: { id }, query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }

  /**
   * Leads, newest first by default, filtered by stage, partner, program, text (`q`) and dates.
   * A partner session sees only its own. Await for one page, `for await` for all.
   */
  list(query: ListQuery<'listLeads'> = {}, options?: RequestOptions): PagePromise<Lead, LeadPage> {
    return new PagePromise(
      (cursor) =>
        this.core.run(
          this.core.http.GET('/v1/leads', {
            params: { query: pageQuery(query, cursor) },
            ...this.core.init('GET', options),
          }),
        ),
      query.cursor,
    );
  }
}
