import { describeOffer, type Offer, type StageLabels } from '@leadbridge/core';
import type { OutgoingEmail } from '../notifications/mail-outbox.service';
import {
  type EmailBlock,
  type EmailBrand,
  renderEmail,
} from '../notifications/templates/email-layout';

export interface InvitedProgram {
  name: string;
  /** Where the partner submits leads: the company's page, else the program's hosted portal. */
  portalUrl: string;
  offer: Offer;
  stageLabels: StageLabels;
}

function programBlocks(program: InvitedProgram): EmailBlock[] {
  const offer = describeOffer(program.offer, { labels: program.stageLabels });
  return [
    { kind: 'link', text: `Submit leads to ${program.name} here:`, url: program.portalUrl },
    ...(offer.length > 0
      ? [
          {
            kind: 'paragraph' as const,
            text: `What you earn in ${program.name}: ${offer.join(' ')}`,
          },
        ]
      : []),
  ];
}

/** The email telling a new partner it is enrolled, where to submit leads and how to sign in. */
export function partnerInviteEmail(input: {
  companyId: string;
  companyName: string;
  partnerName: string;
  partnerEmail: string;
  programs: InvitedProgram[];
  /** The (first) program's company name, logo and colour. */
  brand: EmailBrand;
  dedupeKey: string;
}): OutgoingEmail {
  const { companyName, programs } = input;
  const subject =
    programs.length === 1 && programs[0]
      ? `You're now a partner in ${programs[0].name}`
      : `${companyName} added you as a partner`;
  const intro =
    programs.length > 0
      ? `${companyName} has enrolled you in ${programs.map((p) => p.name).join(', ')}.`
      : `${companyName} has added you as a partner.`;
  const content = renderEmail({
    subject,
    brand: input.brand,
    greeting: `Hi ${input.partnerName},`,
    blocks: [
      { kind: 'paragraph', text: intro },
      ...programs.flatMap(programBlocks),
      ...(programs.length > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: `Sign in there with this email address (${input.partnerEmail}): you will get a one-time code by email, no password needed.`,
            },
          ]
        : []),
      {
        kind: 'paragraph',
        text: 'There you can submit leads one by one or import a CSV file, follow the status of every lead you submitted, and see the customers and commissions they bring you. We will email you when a lead you submitted moves forward.',
      },
      { kind: 'paragraph', text: `— ${companyName}` },
    ],
    footer: `You get this email because ${companyName} added you as a partner.`,
  });
  return {
    companyId: input.companyId,
    dedupeKey: input.dedupeKey,
    kind: 'partner_invitation',
    to: input.partnerEmail,
    ...content,
  };
}
