import type { NotificationPreferences } from '../partners/partner.entity';

/** Kinds of email a partner gets; each can be switched off on its own (unsubscribe link). */
export const PARTNER_EMAIL_KINDS = [
  'lead_stage',
  'import_completed',
  'commission',
  'message',
] as const;

export type PartnerEmailKind = (typeof PARTNER_EMAIL_KINDS)[number];

/** Company users are emailed about partner messages; they cannot opt out per kind (yet). */
export const COMPANY_EMAIL_KINDS = ['partner_message'] as const;

export function isPartnerEmailKind(value: unknown): value is PartnerEmailKind {
  return typeof value === 'string' && (PARTNER_EMAIL_KINDS as readonly string[]).includes(value);
}

/** Absent = subscribed: a partner gets every kind until they say otherwise. */
export function wantsEmail(preferences: NotificationPreferences | null, kind: string): boolean {
  return preferences?.[kind] !== false;
}
