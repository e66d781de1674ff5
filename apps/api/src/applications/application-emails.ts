import type { EmailText } from '../notifications/i18n/email-text';
import type { OutgoingEmail } from '../notifications/mail-outbox.service';
import { type EmailBrand, renderEmail } from '../notifications/templates/email-layout';

interface ApplicantEmailInput {
  companyId: string;
  to: string;
  applicantName: string;
  programName: string;
  /** The program's company name, logo and colour. */
  brand: EmailBrand;
  /** The language the applicant applied in. */
  text: EmailText;
  dedupeKey: string;
}

/** The one-time code that confirms an applicant's email. */
export function applicationCodeEmail(
  input: ApplicantEmailInput & { code: string; minutes: number },
): OutgoingEmail {
  const { t } = input.text;
  const program = input.programName;
  const content = renderEmail({
    subject: t('apply.subject', { code: input.code, program }),
    lang: input.text.locale,
    brand: input.brand,
    greeting: t('frame.greeting', { name: input.applicantName }),
    blocks: [
      { kind: 'paragraph', text: t('apply.body', { program }) },
      { kind: 'code', text: input.code },
      { kind: 'paragraph', text: t('signIn.expires', { count: input.minutes }) },
    ],
    footer: t('apply.footer', { program, company: input.brand.name }),
  });
  return {
    companyId: input.companyId,
    dedupeKey: input.dedupeKey,
    kind: 'application_code',
    to: input.to,
    ...content,
  };
}

/** A polite no, with the company's reason when it gave one. */
export function applicationDeclinedEmail(
  input: ApplicantEmailInput & { reason: string | null },
): OutgoingEmail {
  const { t } = input.text;
  const program = input.programName;
  const company = input.brand.name;
  const content = renderEmail({
    subject: t('declined.subject', { program }),
    lang: input.text.locale,
    brand: input.brand,
    greeting: t('frame.greeting', { name: input.applicantName }),
    blocks: [
      { kind: 'paragraph', text: t('declined.body', { program, company }) },
      ...(input.reason ? [{ kind: 'quote' as const, text: input.reason }] : []),
      { kind: 'paragraph', text: t('declined.closing', { company }) },
    ],
    footer: t('apply.footer', { program, company }),
  });
  return {
    companyId: input.companyId,
    dedupeKey: input.dedupeKey,
    kind: 'application_declined',
    to: input.to,
    ...content,
  };
}
