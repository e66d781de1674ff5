import type { OutgoingEmail } from '../notifications/mail-outbox.service';
import { type EmailBrand, renderEmail } from '../notifications/templates/email-layout';

export interface SignInCodeEmailInput {
  companyId: string;
  codeId: string;
  to: string;
  partnerName: string;
  programName: string;
  code: string;
  minutes: number;
  /** The program's company name, logo and colour. */
  brand: EmailBrand;
}

export function signInCodeEmail(input: SignInCodeEmailInput): OutgoingEmail {
  const content = renderEmail({
    subject: `${input.code} is your sign-in code for ${input.programName}`,
    brand: input.brand,
    greeting: `Hi ${input.partnerName},`,
    blocks: [
      { kind: 'paragraph', text: `Your code to sign in to ${input.programName} is:` },
      { kind: 'code', text: input.code },
      {
        kind: 'paragraph',
        text: `It expires in ${input.minutes} minutes and works once. If you did not ask for it, ignore this email: nobody can sign in without the code.`,
      },
    ],
    footer: `You get this email because someone asked to sign in to ${input.programName} (${input.brand.name}) with this address.`,
  });
  return {
    companyId: input.companyId,
    dedupeKey: `sign-in-code:${input.codeId}`,
    kind: 'sign_in_code',
    to: input.to,
    ...content,
  };
}
