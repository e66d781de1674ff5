import { isLocale, type Locale } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common/database/returned-rows';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { NotificationPreferences } from '../partners/partner.entity';
import { PARTNER_EMAIL_KINDS, wantsEmail } from './notification-kinds';
import type {
  NotificationPreferencesDto,
  UpdateNotificationPreferencesBody,
} from './notification-preferences.dto';

interface PreferencesRow {
  notification_preferences: NotificationPreferences | null;
  email_locale: string | null;
  program_locale: string | null;
}

function toDto(row: PreferencesRow): NotificationPreferencesDto {
  const switches = {} as Record<(typeof PARTNER_EMAIL_KINDS)[number], boolean>;
  for (const kind of PARTNER_EMAIL_KINDS) {
    switches[kind] = wantsEmail(row.notification_preferences, kind);
  }
  return {
    ...switches,
    emailLocale: isLocale(row.email_locale) ? row.email_locale : null,
    programLocale: isLocale(row.program_locale) ? row.program_locale : 'en',
  };
}

/**
 * A partner's own email switches (the unsubscribe links flip the same switches) and email
 * language. The language is the partner's, across the company's programs; the fallback shown is
 * the default of the program the partner is signed in to.
 */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly db: DataSource) {}

  async get(scope: TenantScope): Promise<NotificationPreferencesDto> {
    const rows: PreferencesRow[] = await this.db.query(
      `SELECT p.notification_preferences, p.email_locale,
              (SELECT g.default_locale FROM programs g WHERE g.company_id = p.company_id AND g.id = $3)
                AS program_locale
         FROM partners p WHERE p.company_id = $1 AND p.id = $2`,
      [scope.companyId, scope.partnerId, scope.programId],
    );
    const row = rows[0];
    if (!row) throw notFound('Partner');
    return toDto(row);
  }

  async update(
    scope: TenantScope,
    patch: UpdateNotificationPreferencesBody,
  ): Promise<NotificationPreferencesDto> {
    const changes: Record<string, boolean> = {};
    for (const kind of PARTNER_EMAIL_KINDS) {
      const value = patch[kind];
      if (value !== undefined) changes[kind] = value;
    }
    const locale: Locale | null | undefined = patch.emailLocale;
    const rows = returnedRows<PreferencesRow>(
      await this.db.query(
        `UPDATE partners p
            SET notification_preferences = p.notification_preferences || $3::jsonb,
                email_locale = CASE WHEN $4::boolean THEN $5::text ELSE p.email_locale END,
                updated_at = now()
          WHERE p.company_id = $1 AND p.id = $2
        RETURNING p.notification_preferences, p.email_locale,
                  (SELECT g.default_locale FROM programs g WHERE g.company_id = p.company_id AND g.id = $6)
                    AS program_locale`,
        [
          scope.companyId,
          scope.partnerId,
          JSON.stringify(changes),
          locale !== undefined,
          locale ?? null,
          scope.programId,
        ],
      ),
    );
    const row = rows[0];
    if (!row) throw notFound('Partner');
    return toDto(row);
  }
}
