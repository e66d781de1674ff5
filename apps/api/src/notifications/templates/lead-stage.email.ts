import type { EmailContent } from './email-layout';
import { type PartnerEmailFrame, renderPartnerEmail } from './partner-frame';

export interface LeadStageEmail {
  leadName: string;
  leadEmail: string;
  leadCompany: string | null;
  /** The program's labels (a program may rename stages), not the canonical keys. */
  fromLabel: string | null;
  toLabel: string;
  reason: string | null;
  /** For a win: what the partner earns by it, one sentence each (empty when the offer pays nothing). */
  earned: string[];
}

/** A lead the partner submitted reached qualified, closed_won or closed_lost. */
export function leadStageEmail(frame: PartnerEmailFrame, email: LeadStageEmail): EmailContent {
  const facts: [string, string][] = [
    ['Lead', email.leadName],
    ['Email', email.leadEmail],
  ];
  if (email.leadCompany) facts.push(['Company', email.leadCompany]);
  if (email.fromLabel) facts.push(['Previous status', email.fromLabel]);
  facts.push(['New status', email.toLabel]);
  return renderPartnerEmail(
    frame,
    `${email.leadName} is now ${email.toLabel} – ${frame.programName}`,
    [
      {
        kind: 'paragraph',
        text: `The status of a lead you submitted to ${frame.programName} changed to ${email.toLabel}.`,
      },
      { kind: 'facts', rows: facts },
      ...email.earned.map((text) => ({ kind: 'paragraph' as const, text })),
      ...(email.reason ? [{ kind: 'quote' as const, text: email.reason }] : []),
      { kind: 'action', label: 'View your leads', url: frame.portalUrl },
    ],
  );
}
