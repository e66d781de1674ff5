import type { RequestOptions } from '../core/options.js';
import type {
  BodyOf,
  NotificationPreferences,
  PartnerMe,
  PartnerProgram,
  QueryOf,
} from '../types.js';
import { Resource } from './resource.js';

/** The signed-in partner's own view (partner session tokens only). */
export class PartnerSelf extends Resource {
  /** The partner and program of this session (the widget's "signed in as"). */
  me(options?: RequestOptions): Promise<PartnerMe> {
    return this.core.run(this.core.http.GET('/v1/partner/me', this.core.init('GET', options)));
  }

  /** The program's form, stage labels and offer, the offer also in words (`{ locale: 'de' }`). */
  program(
    query: QueryOf<'getPartnerProgram'> = {},
    options?: RequestOptions,
  ): Promise<PartnerProgram> {
    return this.core.run(
      this.core.http.GET('/v1/partner/program', {
        params: { query },
        ...this.core.init('GET', options),
      }),
    );
  }

  /** The CSV template of the program's lead form (UTF-8 with BOM; required headers end in ` *`). */
  leadTemplate(options?: RequestOptions): Promise<string> {
    return this.core.run(
      this.core.http.GET('/v1/partner/lead-template.csv', {
        parseAs: 'text',
        ...this.core.init('GET', options),
      }),
    );
  }

  /** The partner's email switches. */
  notificationPreferences(options?: RequestOptions): Promise<NotificationPreferences> {
    return this.core.run(
      this.core.http.GET('/v1/notification-preferences', this.core.init('GET', options)),
    );
  }

  /** Turns kinds of email on or off; omitted kinds keep their value. */
  updateNotificationPreferences(
    body: BodyOf<'updateNotificationPreferences'>,
    options?: RequestOptions,
  ): Promise<NotificationPreferences> {
    return this.core.run(
      this.core.http.PATCH('/v1/notification-preferences', {
        body,
        ...this.core.init('PATCH', options),
      }),
    );
  }
}
