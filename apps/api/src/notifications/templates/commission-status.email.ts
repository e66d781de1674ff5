import type { EmailContent } from './email-layout';
import { type PartnerEmailFrame, renderPartnerEmail } from './partner-frame';

export interface CommissionStatusEmail {
  status: 'approved' | 'paid';
  /** Formatted, e.g. "$120.00". */
  amount: string;
  description: string;
  leadName: string;
}

/** A commission of the partner's was approved or paid. */
export function commissionStatusEmail(
  frame: PartnerEmailFrame,
  email: CommissionStatusEmail,
): EmailContent {
  const verb = email.status === 'paid' ? 'paid' : 'approved';
  return renderPartnerEmail(
    frame,
    `Commission ${verb}: ${email.amount} for ${email.leadName} – ${frame.programName}`,
    [
      {
        kind: 'paragraph',
        text:
          email.status === 'paid'
            ? `${frame.companyName} has paid you a commission of ${email.amount}.`
            : `${frame.companyName} approved a commission of ${email.amount}. It will be paid out according to the program's terms.`,
      },
      {
        kind: 'facts',
        rows: [
          ['Lead', email.leadName],
          ['Commission', email.description],
          ['Amount', email.amount],
        ],
      },
      { kind: 'action', label: 'View your commissions', url: frame.portalUrl },
    ],
  );
}
