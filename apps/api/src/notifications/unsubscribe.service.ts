import { Injectable } from '@nestjs/common';
import { type EmailText, emailLocaleFor, emailText } from './i18n/email-text';
import { isPartnerEmailKind, type PartnerEmailKind } from './notification-kinds';
import { PartnerPreferencesRepository } from './partner-preferences.repository';
import { parseUnsubscribeToken } from './unsubscribe-links';

export interface UnsubscribeTarget {
  companyName: string;
  kind: PartnerEmailKind;
  /** The partner's email language, so the page speaks as the email did. */
  text: EmailText;
}

/**
 * Unsubscribe links work without signing in: the token is the credential. It names one partner
 * (by their random, unique unsubscribe token) and one kind of email.
 */
@Injectable()
export class UnsubscribeService {
  constructor(private readonly preferences: PartnerPreferencesRepository) {}

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
    const row = write
      ? await this.preferences.unsubscribe(parsed.partnerToken, parsed.kind)
      : await this.preferences.findByUnsubscribeToken(parsed.partnerToken);
    return row
      ? {
          companyName: row.company_name,
          kind: parsed.kind,
          text: emailText(emailLocaleFor(row.locale, null)),
        }
      : null;
  }
}
