import type { RequestOptions } from '../core/options.js';
import type {
  BodyOf,
  Company as CompanyDto,
  SetupProgress,
  TeamNotificationPreferences,
} from '../types.js';
import { Resource } from './resource.js';

/** The caller's company. */
export class Company extends Resource {
  /** The caller's company. */
  get(options?: RequestOptions): Promise<CompanyDto> {
    return this.core.run(this.core.http.GET('/v1/company', this.core.init('GET', options)));
  }

  /**
   * The guided setup: which steps to a first lead (program, where the form lives, form in use,
   * a partner, a lead) the company has done, read from its data.
   */
  setupProgress(options?: RequestOptions): Promise<SetupProgress> {
    return this.core.run(
      this.core.http.GET('/v1/company/setup-progress', this.core.init('GET', options)),
    );
  }

  /** Renames the company (shown to partners in emails and the widget). Owners and admins. */
  update(body: BodyOf<'updateCompany'>, options?: RequestOptions): Promise<CompanyDto> {
    return this.core.run(
      this.core.http.PATCH('/v1/company', { body, ...this.core.init('PATCH', options) }),
    );
  }

  /** Which emails owners and admins get (`partnerApplied`: a new application). */
  notificationPreferences(options?: RequestOptions): Promise<TeamNotificationPreferences> {
    return this.core.run(
      this.core.http.GET('/v1/company/notification-preferences', this.core.init('GET', options)),
    );
  }

  /** Turns the team's emails on or off; omitted switches keep their value. Owners and admins. */
  updateNotificationPreferences(
    body: BodyOf<'updateTeamNotificationPreferences'>,
    options?: RequestOptions,
  ): Promise<TeamNotificationPreferences> {
    return this.core.run(
      this.core.http.PATCH('/v1/company/notification-preferences', {
        body,
        ...this.core.init('PATCH', options),
      }),
    );
  }
}
