import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common/database/returned-rows';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { NotificationPreferences } from '../partners/partner.entity';

/** A partner's email switches and language, with the fallback language of their program. */
export interface PreferencesRow {
  notification_preferences: NotificationPreferences | null;
  email_locale: string | null;
  program_locale: string | null;
}

/** Whose unsubscribe link it is: the company and the partner's email language. */
export interface UnsubscribeRow {
  company_name: string;
  locale: string | null;
}

// The partner's own language, else the default of the program they joined first.
const LOCALE = `COALESCE(p.email_locale, (
  SELECT g.default_locale FROM partnerships s
    JOIN programs g ON g.company_id = s.company_id AND g.id = s.program_id
   WHERE s.company_id = p.company_id AND s.partner_id = p.id
   ORDER BY s.created_at, s.id LIMIT 1))`;

/** The partner columns behind email opt-outs and email languages. */
@Injectable()
export class PartnerPreferencesRepository {
  constructor(private readonly db: DataSource) {}

  /** The signed-in partner's preferences (program = the one they are signed in to). */
  async find(scope: TenantScope): Promise<PreferencesRow | null> {
    const rows: PreferencesRow[] = await this.db.query(
      `SELECT p.notification_preferences, p.email_locale,
              (SELECT g.default_locale FROM programs g WHERE g.company_id = p.company_id AND g.id = $3)
                AS program_locale
         FROM partners p WHERE p.company_id = $1 AND p.id = $2`,
      [scope.companyId, scope.partnerId, scope.programId],
    );
    return rows[0] ?? null;
  }

  /** Merges `switches` into the partner's and sets the language when `locale` is given. */
  async update(
    scope: TenantScope,
    switches: Record<string, boolean>,
    locale: string | null | undefined,
  ): Promise<PreferencesRow | null> {
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
          JSON.stringify(switches),
          locale !== undefined,
          locale ?? null,
          scope.programId,
        ],
      ),
    );
    return rows[0] ?? null;
  }

  /** The partner's switches, for a re-check right before sending. */
  async switches(
    companyId: string,
    partnerId: string,
  ): Promise<{ preferences: NotificationPreferences | null } | null> {
    const rows: { notification_preferences: NotificationPreferences | null }[] =
      await this.db.query(
        `SELECT notification_preferences FROM partners WHERE company_id = $1 AND id = $2`,
        [companyId, partnerId],
      );
    const row = rows[0];
    return row ? { preferences: row.notification_preferences } : null;
  }

  /** Who an unsubscribe token names; null when none. */
  async findByUnsubscribeToken(token: string): Promise<UnsubscribeRow | null> {
    const rows: UnsubscribeRow[] = await this.db.query(
      `SELECT c.name AS company_name, ${LOCALE} AS locale
         FROM partners p JOIN companies c ON c.id = p.company_id
      WHERE p.unsubscribe_token = $1`,
      [token],
    );
    return rows[0] ?? null;
  }

  /** Switches `kind` off for the partner the token names; null when none. */
  async unsubscribe(token: string, kind: string): Promise<UnsubscribeRow | null> {
    const rows = returnedRows<UnsubscribeRow>(
      await this.db.query(
        `UPDATE partners p
          SET notification_preferences = p.notification_preferences || jsonb_build_object($2::text, false),
              updated_at = now()
         FROM companies c
        WHERE p.unsubscribe_token = $1 AND c.id = p.company_id
        RETURNING c.name AS company_name, ${LOCALE} AS locale`,
        [token, kind],
      ),
    );
    return rows[0] ?? null;
  }
}
