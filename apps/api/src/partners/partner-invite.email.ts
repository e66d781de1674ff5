import { describeOffer, type Offer, type StageLabels } from '@leadbridge/core';
import type { OutgoingEmail } from '../notifications/mail-outbox.service';

export interface InvitedProgram {
  name: string;
  portalUrl: string | null;
  offer: Offer;
  stageLabels: StageLabels;
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Company, program and partner names are typed by people; in HTML they must stay text.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

interface Paragraph {
  text: string;
  html: string;
}

function plain(text: string): Paragraph {
  return { text, html: `<p>${escapeHtml(text)}</p>` };
}

function programParagraphs(program: InvitedProgram, companyName: string): Paragraph[] {
  const where = program.portalUrl
    ? {
        text: `Submit leads to ${program.name} here: ${program.portalUrl}`,
        html: `<p>Submit leads to <strong>${escapeHtml(program.name)}</strong> here: <a href="${escapeHtml(program.portalUrl)}">${escapeHtml(program.portalUrl)}</a></p>`,
      }
    : plain(
        `${companyName} will send you the link to the page where you submit leads to ${program.name}.`,
      );
  const offer = describeOffer(program.offer, { labels: program.stageLabels });
  return offer.length > 0
    ? [where, plain(`What you earn in ${program.name}: ${offer.join(' ')}`)]
    : [where];
}

/** The email telling a new partner it is enrolled, and where to submit leads. */
export function partnerInviteEmail(input: {
  companyId: string;
  companyName: string;
  partnerName: string;
  partnerEmail: string;
  programs: InvitedProgram[];
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
  const paragraphs: Paragraph[] = [
    plain(`Hi ${input.partnerName},`),
    plain(intro),
    ...programs.flatMap((program) => programParagraphs(program, companyName)),
    plain(
      'There you can submit leads one by one or import a CSV file, follow the status of every lead you submitted, and see the customers and commissions they bring you. We will email you when a lead you submitted moves forward.',
    ),
    plain(`— ${companyName}`),
  ];
  return {
    companyId: input.companyId,
    dedupeKey: input.dedupeKey,
    kind: 'partner_invitation',
    to: input.partnerEmail,
    subject,
    text: `${paragraphs.map((p) => p.text).join('\n\n')}\n`,
    html: `<!doctype html><html><body>${paragraphs.map((p) => p.html).join('')}</body></html>`,
  };
}
