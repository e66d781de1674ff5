import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { logoUrl, partnerPortalUrl } from '../programs/portal-links';
import { emailLocaleFor, emailText } from './i18n/email-text';
import { MailOutboxService } from './mail-outbox.service';
import { type PartnerRecipient, type ProgramContext } from './notification-context.repository';
import { type PartnerEmailKind, wantsEmail } from './notification-kinds';
import type { EmailContent } from './templates/email-layout';
import type { PartnerEmailFrame } from './templates/partner-frame';
import { listUnsubscribeHeaders, unsubscribeToken, unsubscribeUrl } from './unsubscribe-links';

/**
 * Queues one email to a partner, framed with the program's name and portal link and an
 * unsubscribe link for its kind. An opted-out partner's email is recorded as suppressed.
 */
@Injectable()
export class PartnerEmailsService {
  constructor(
    private readonly outbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  frame(
    partner: PartnerRecipient,
    program: ProgramContext,
    kind: PartnerEmailKind,
  ): PartnerEmailFrame {
    return {
      partnerName: partner.name,
      companyName: program.companyName,
      programName: program.name,
      portalUrl: partnerPortalUrl(this.config.publicUrl, program),
      brand: {
        name: program.companyName,
        logoUrl: logoUrl(this.config.publicUrl, program),
        accent: program.brandColor,
      },
      unsubscribeUrl: unsubscribeUrl(
        this.config.publicUrl,
        unsubscribeToken(kind, partner.unsubscribeToken),
      ),
      kind,
      text: emailText(emailLocaleFor(partner.emailLocale, program.defaultLocale)),
    };
  }

  /** False when nothing was queued (archived partner, opted out, or already queued). */
  async queue(
    manager: EntityManager,
    companyId: string,
    partner: PartnerRecipient,
    program: ProgramContext,
    kind: PartnerEmailKind,
    dedupeKey: string,
    render: (frame: PartnerEmailFrame) => EmailContent,
  ): Promise<boolean> {
    if (partner.archived) return false;
    const frame = this.frame(partner, program, kind);
    const content = render(frame);
    return this.outbox.enqueue(manager, {
      companyId,
      dedupeKey,
      kind,
      to: partner.email,
      subject: content.subject,
      text: content.text,
      html: content.html,
      headers: listUnsubscribeHeaders(frame.unsubscribeUrl),
      partnerId: partner.id,
      suppressed: !wantsEmail(partner.preferences, kind),
    });
  }
}
