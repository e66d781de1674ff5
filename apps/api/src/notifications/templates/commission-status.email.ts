import type { EmailContent } from './email-layout';
import { type PartnerEmailFrame, renderPartnerEmail } from './partner-frame';

export interface CommissionStatusEmail {
  status: 'approved' | 'paid';
  /** Formatted in the email's language, e.g. "120,00 €". */
  amount: string;
  description: string;
  leadName: string;
}

/** A commission of the partner's was approved or paid. */
export function commissionStatusEmail(
  frame: PartnerEmailFrame,
  email: CommissionStatusEmail,
): EmailContent {
  const { t } = frame.text;
  const params = {
    amount: email.amount,
    lead: email.leadName,
    program: frame.programName,
    company: frame.companyName,
  };
  const paid = email.status === 'paid';
  return renderPartnerEmail(
    frame,
    t(paid ? 'commission.subjectPaid' : 'commission.subjectApproved', params),
    [
      { kind: 'paragraph', text: t(paid ? 'commission.paid' : 'commission.approved', params) },
      {
        kind: 'facts',
        rows: [
          [t('fact.lead'), email.leadName],
          [t('commission.fact.commission'), email.description],
          [t('commission.fact.amount'), email.amount],
        ],
      },
      { kind: 'action', label: t('commission.action'), url: frame.portalUrl },
    ],
  );
}
