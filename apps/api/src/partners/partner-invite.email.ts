import { describeOffer, type Offer, type StageLabels } from '@leadbridge/core';
import type { EmailText } from '../notifications/i18n/email-text';
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

function programBlocks(program: InvitedProgram, text: EmailText): EmailBlock[] {
  const { t, locale } = text;
  const offer = describeOffer(program.offer, { labels: program.stageLabels, locale });
  return [
    {
      kind: 'link',
      text: t('invite.submitHere', { program: program.name }),
      url: program.portalUrl,
    },
    ...(offer.length > 0
      ? [
          {
            kind: 'paragraph' as const,
            text: t('invite.offer', { program: program.name, offer: offer.join(' ') }),
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
  /** The partner's language, else the (first) program's default. */
  text: EmailText;
  dedupeKey: string;
  /** Enrolled because the company approved the partner's application: says so. */
  approved?: boolean;
}): OutgoingEmail {
  const { companyName, programs, text } = input;
  const { t } = text;
  const company = companyName;
  const names = text.list(programs.map((p) => p.name));
  const subject = input.approved
    ? t('approved.subject', { program: names })
    : programs.length === 1 && programs[0]
      ? t('invite.subjectOne', { program: programs[0].name })
      : t('invite.subject', { company });
  const intro = input.approved
    ? t('approved.intro', { company, programs: names })
    : programs.length > 0
      ? t('invite.enrolled', { company, programs: names })
      : t('invite.added', { company });
  const content = renderEmail({
    subject,
    lang: text.locale,
    brand: input.brand,
    greeting: t('frame.greeting', { name: input.partnerName }),
    blocks: [
      { kind: 'paragraph', text: intro },
      ...programs.flatMap((program) => programBlocks(program, text)),
      ...(programs.length > 0
        ? [{ kind: 'paragraph' as const, text: t('invite.signIn', { email: input.partnerEmail }) }]
        : []),
      { kind: 'paragraph', text: t('invite.about') },
      { kind: 'paragraph', text: t('invite.signature', { company }) },
    ],
    footer: input.approved
      ? t('apply.footer', { program: names, company })
      : t('invite.footer', { company }),
  });
  return {
    companyId: input.companyId,
    dedupeKey: input.dedupeKey,
    kind: input.approved ? 'application_approved' : 'partner_invitation',
    to: input.partnerEmail,
    ...content,
  };
}
