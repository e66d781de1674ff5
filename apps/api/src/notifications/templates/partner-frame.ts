import type { EmailBlock, EmailContent } from './email-layout';
import { renderEmail } from './email-layout';

/** What every email to a partner shows around its content. */
export interface PartnerEmailFrame {
  partnerName: string;
  companyName: string;
  programName: string;
  /** The company's page where the partner follows their leads (null when not configured). */
  portalUrl: string | null;
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
    greeting: `Hi ${frame.partnerName},`,
    blocks,
    footer: `You get ${frame.kindName} as a partner of ${frame.companyName} (${frame.programName}).`,
    unsubscribe: { label: `Unsubscribe from ${frame.kindName}`, url: frame.unsubscribeUrl },
  });
}
