import { type EmailContent, renderEmail } from './email-layout';
import { type PartnerEmailFrame, renderPartnerEmail } from './partner-frame';

export interface MessageEmail {
  authorName: string;
  subject: string;
  body: string;
  leadName: string | null;
}

const EXCERPT = 2000;

function excerpt(body: string): string {
  return body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body;
}

/** A partner wrote to the company: to the company's owners and admins. */
export function partnerMessageEmail(
  recipientName: string,
  companyName: string,
  programName: string,
  threadUrl: string,
  email: MessageEmail,
): EmailContent {
  return renderEmail({
    subject: `New message from ${email.authorName}: ${email.subject}`,
    greeting: `Hi ${recipientName},`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${email.authorName}, a partner in ${programName}, sent a message${email.leadName ? ` about the lead ${email.leadName}` : ''}.`,
      },
      { kind: 'quote', text: excerpt(email.body) },
      { kind: 'action', label: 'Reply', url: threadUrl },
    ],
    footer: `You get this email as an owner or admin of ${companyName} on Leadbridge.`,
  });
}

/** The company wrote to a partner. */
export function companyMessageEmail(frame: PartnerEmailFrame, email: MessageEmail): EmailContent {
  const { t } = frame.text;
  const params = {
    author: email.authorName,
    company: frame.companyName,
    subject: email.subject,
    lead: email.leadName ?? '',
  };
  return renderPartnerEmail(frame, t('message.subject', params), [
    {
      kind: 'paragraph',
      text: t(email.leadName ? 'message.bodyAboutLead' : 'message.body', params),
    },
    { kind: 'quote', text: excerpt(email.body) },
    { kind: 'action', label: t('message.action'), url: frame.portalUrl },
  ]);
}
