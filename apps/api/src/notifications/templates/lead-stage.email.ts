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
  const { t } = frame.text;
  const facts: [string, string][] = [
    [t('fact.lead'), email.leadName],
    [t('fact.email'), email.leadEmail],
  ];
  if (email.leadCompany) facts.push([t('fact.company'), email.leadCompany]);
  if (email.fromLabel) facts.push([t('leadStage.previous'), email.fromLabel]);
  facts.push([t('leadStage.new'), email.toLabel]);
  const program = frame.programName;
  return renderPartnerEmail(
    frame,
    t('leadStage.subject', { lead: email.leadName, status: email.toLabel, program }),
    [
      { kind: 'paragraph', text: t('leadStage.body', { program, status: email.toLabel }) },
      { kind: 'facts', rows: facts },
      ...email.earned.map((text) => ({ kind: 'paragraph' as const, text })),
      ...(email.reason ? [{ kind: 'quote' as const, text: email.reason }] : []),
      { kind: 'action', label: t('leadStage.action'), url: frame.portalUrl },
    ],
  );
}
