import type { EmailText } from '../i18n/email-text';
import type { PartnerEmailKind } from '../notification-kinds';
import type { EmailBlock, EmailBrand, EmailContent } from './email-layout';
import { renderEmail } from './email-layout';

/** What every email to a partner shows around its content. */
export interface PartnerEmailFrame {
  partnerName: string;
  companyName: string;
  programName: string;
  /** Where the partner follows their leads: the company's own page, else the hosted portal. */
  portalUrl: string | null;
  /** The company's name, logo and colour, from the program. */
  brand: EmailBrand;
  unsubscribeUrl: string;
  /** Names what the unsubscribe link stops. */
  kind: PartnerEmailKind;
  /** The partner's language: their own choice, else the program's default. */
  text: EmailText;
}

export function renderPartnerEmail(
  frame: PartnerEmailFrame,
  subject: string,
  blocks: EmailBlock[],
): EmailContent {
  const { t } = frame.text;
  const kind = t(`kind.${frame.kind}`);
  return renderEmail({
    subject,
    lang: frame.text.locale,
    brand: frame.brand,
    greeting: t('frame.greeting', { name: frame.partnerName }),
    blocks,
    footer: t('frame.footer', { kind, company: frame.companyName, program: frame.programName }),
    unsubscribe: { label: t('frame.unsubscribe', { kind }), url: frame.unsubscribeUrl },
  });
}
