import { escapeHtml } from '../auth/html';
import type { OutgoingEmail } from '../notifications/mail-outbox.service';

export interface SignInCodeEmailInput {
  companyId: string;
  codeId: string;
  to: string;
  partnerName: string;
  programName: string;
  code: string;
  minutes: number;
}

export function signInCodeEmail(input: SignInCodeEmailInput): OutgoingEmail {
  const text = [
    `Hi ${input.partnerName},`,
    '',
    `Your code to sign in to ${input.programName} is:`,
    '',
    `    ${input.code}`,
    '',
    `It expires in ${input.minutes} minutes and works once. If you did not ask for it, ignore this email: nobody can sign in without the code.`,
  ].join('\n');
  const html = `<p>Hi ${escapeHtml(input.partnerName)},</p>
<p>Your code to sign in to <strong>${escapeHtml(input.programName)}</strong> is:</p>
<p style="font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace">${input.code}</p>
<p style="color:#666">It expires in ${input.minutes} minutes and works once. If you did not ask for it, ignore this email: nobody can sign in without the code.</p>`;
  return {
    companyId: input.companyId,
    dedupeKey: `sign-in-code:${input.codeId}`,
    kind: 'sign_in_code',
    to: input.to,
    subject: `${input.code} is your sign-in code for ${input.programName}`,
    text,
    html,
  };
}
