import type { UserRole } from '../common/auth/user-role';
import type { OutgoingEmail } from '../notifications/mail-outbox.service';
import { escapeHtml } from './html';

export interface InvitationEmailInput {
  companyId: string;
  invitationId: string;
  to: string;
  role: UserRole;
  companyName: string;
  inviterName: string | null;
  acceptUrl: string;
  expiresAt: Date;
}

const ROLE_WORDS: Record<UserRole, string> = {
  owner: 'an owner',
  admin: 'an admin',
  member: 'a member (read-only)',
};

export function invitationEmail(input: InvitationEmailInput): OutgoingEmail {
  const who = input.inviterName ?? 'Someone';
  const role = ROLE_WORDS[input.role];
  const expires = input.expiresAt.toUTCString();
  const text = [
    `${who} invited you to join ${input.companyName} on Leadbridge as ${role}.`,
    '',
    `Accept the invitation and choose your password:`,
    input.acceptUrl,
    '',
    `This link works once and expires ${expires}. If you did not expect it, ignore this email.`,
  ].join('\n');
  const html = `<p>${escapeHtml(who)} invited you to join <strong>${escapeHtml(input.companyName)}</strong> on Leadbridge as ${role}.</p>
<p><a href="${escapeHtml(input.acceptUrl)}">Accept the invitation</a> and choose your password.</p>
<p style="color:#666">This link works once and expires ${escapeHtml(expires)}. If you did not expect it, ignore this email.</p>`;
  return {
    companyId: input.companyId,
    dedupeKey: `invitation:${input.invitationId}`,
    kind: 'invitation',
    to: input.to,
    subject: `${who} invited you to ${input.companyName} on Leadbridge`,
    text,
    html,
  };
}
