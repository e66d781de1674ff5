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
  /** e.g. "lead status updates": names what the unsubscribe link stops. */
  kindName: string;
}

export function renderPartnerEmail(
  frame: PartnerEmailFrame,
  subject: string,
  blocks: EmailBlock[],
): EmailContent {
  return renderEmail({
    subject,
    brand: frame.brand,
    greeting: `Hi ${frame.partnerName},`,
    blocks,
    footer: `You get ${frame.kindName} as a partner of ${frame.companyName} (${frame.programName}).`,
    unsubscribe: { label: `Unsubscribe from ${frame.kindName}`, url: frame.unsubscribeUrl },
  });
}
