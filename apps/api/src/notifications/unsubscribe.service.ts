import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { returnedRows } from '../common/database/returned-rows';
import { isPartnerEmailKind, PARTNER_EMAIL_KIND_NAMES } from './notification-kinds';
import { parseUnsubscribeToken } from './unsubscribe-links';

export interface UnsubscribeTarget {
  companyName: string;
  kindName: string;
}

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
    const rows = returnedRows<{ company_name: string }>(
      write
        ? await this.db.query(
            `UPDATE partners p
              SET notification_preferences = p.notification_preferences || jsonb_build_object($2::text, false),
                  updated_at = now()
             FROM companies c
            WHERE p.unsubscribe_token = $1 AND c.id = p.company_id
            RETURNING c.name AS company_name`,
            [parsed.partnerToken, parsed.kind],
          )
        : await this.db.query(
            `SELECT c.name AS company_name FROM partners p JOIN companies c ON c.id = p.company_id
            WHERE p.unsubscribe_token = $1`,
            [parsed.partnerToken],
          ),
    );
    const row = rows[0];
    return row
      ? { companyName: row.company_name, kindName: PARTNER_EMAIL_KIND_NAMES[parsed.kind] }
      : null;
  }
}
