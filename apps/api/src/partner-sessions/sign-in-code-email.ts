import type { EmailText } from '../notifications/i18n/email-text';
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
  /** The language to write in. */
  text: EmailText;
}

export function signInCodeEmail(input: SignInCodeEmailInput): OutgoingEmail {
  const { t } = input.text;
  const program = input.programName;
  const content = renderEmail({
    subject: t('signIn.subject', { code: input.code, program }),
    lang: input.text.locale,
    brand: input.brand,
    greeting: t('frame.greeting', { name: input.partnerName }),
    blocks: [
      { kind: 'paragraph', text: t('signIn.body', { program }) },
      { kind: 'code', text: input.code },
      { kind: 'paragraph', text: t('signIn.expires', { count: input.minutes }) },
    ],
    footer: t('signIn.footer', { program, company: input.brand.name }),
  });
  return {
    companyId: input.companyId,
    dedupeKey: `sign-in-code:${input.codeId}`,
    kind: 'sign_in_code',
    to: input.to,
    ...content,
  };
}
