import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common/database/returned-rows';
import { type EmailText, emailLocaleFor, emailText } from './i18n/email-text';
import { isPartnerEmailKind, type PartnerEmailKind } from './notification-kinds';
import { parseUnsubscribeToken } from './unsubscribe-links';

export interface UnsubscribeTarget {
  companyName: string;
  kind: PartnerEmailKind;
  /** The partner's email language, so the page speaks as the email did. */
  text: EmailText;
}

// The partner's own language, else the default of the program they joined first.
const LOCALE = `COALESCE(p.email_locale, (
  SELECT g.default_locale FROM partnerships s
    JOIN programs g ON g.company_id = s.company_id AND g.id = s.program_id
   WHERE s.company_id = p.company_id AND s.partner_id = p.id
   ORDER BY s.created_at, s.id LIMIT 1))`;

/**
 * Unsubscribe links work without signing in: the token is the credential. It names one partner
 * (by their random, unique unsubscribe token) and one kind of email.
 */
@Injectable()
export class UnsubscribeService {
  constructor(private readonly db: DataSource) {}

  /** What the link would unsubscribe from; null for a token that names nothing. */
  async describe(token: string): Promise<UnsubscribeTarget | null> {
    return this.apply(token, false);
  }

  /** Opts the partner out of the token's kind (idempotent). */
  async unsubscribe(token: string): Promise<UnsubscribeTarget | null> {
    return this.apply(token, true);
  }

  private async apply(token: string, write: boolean): Promise<UnsubscribeTarget | null> {
    const parsed = parseUnsubscribeToken(token);
    if (!parsed || !isPartnerEmailKind(parsed.kind)) return null;
    const rows = returnedRows<{ company_name: string; locale: string | null }>(
      write
        ? await this.db.query(
            `UPDATE partners p
              SET notification_preferences = p.notification_preferences || jsonb_build_object($2::text, false),
                  updated_at = now()
             FROM companies c
            WHERE p.unsubscribe_token = $1 AND c.id = p.company_id
            RETURNING c.name AS company_name, ${LOCALE} AS locale`,
            [parsed.partnerToken, parsed.kind],
          )
        : await this.db.query(
            `SELECT c.name AS company_name, ${LOCALE} AS locale
               FROM partners p JOIN companies c ON c.id = p.company_id
            WHERE p.unsubscribe_token = $1`,
            [parsed.partnerToken],
          ),
    );
    const row = rows[0];
    return row
      ? {
          companyName: row.company_name,
          kind: parsed.kind,
          text: emailText(emailLocaleFor(row.locale, null)),
        }
      : null;
  }
}
