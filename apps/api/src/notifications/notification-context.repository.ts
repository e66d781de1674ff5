import { type Offer, offerSchema, type StageLabels } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationPreferences } from '../partners/partner.entity';

export interface PartnerRecipient {
  id: string;
  name: string;
  email: string;
  archived: boolean;
  preferences: NotificationPreferences;
  unsubscribeToken: string;
  /** The language the partner chose for emails; null = the program's default. */
  emailLocale: string | null;
}

export interface ProgramContext {
  id: string;
  name: string;
  companyName: string;
  stageLabels: StageLabels;
  /** The company's own page embedding `<lead-form>`, if set (else partners use the hosted portal). */
  portalUrl: string | null;
  slug: string;
  brandColor: string | null;
  logoVersion: string | null;
  /** The language of emails to partners who have not chosen one. */
  defaultLocale: string;
  /** What partners earn; an unreadable stored offer reads as none. */
  offer: Offer;
}

export interface CommissionContext {
  id: string;
  program_id: string;
  partner_id: string;
  amount: string;
  currency: string;
  description: string;
  rule: unknown;
  payment_amount: string | null;
  payment_currency: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string;
}

export interface MessageContext {
  id: string;
  thread_id: string;
  author_type: string;
  author_name: string | null;
  body: string;
  subject: string;
  program_id: string;
  partner_id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
}

export interface LeadContext {
  id: string;
  programId: string;
  partnerId: string;
  name: string;
  email: string;
  companyName: string | null;
}

export interface ImportContext {
  id: string;
  programId: string;
  partnerId: string;
  fileName: string;
  status: string;
  rowsTotal: number | null;
  rowsImported: number;
  rowsFailed: number;
  rowsDuplicate: number;
  error: string | null;
}

export interface CompanyRecipient {
  id: string;
  name: string;
  email: string;
}

/** "Jane Doe", or the email when the lead has no name. */
export function leadDisplayName(row: {
  first_name: string | null;
  last_name: string | null;
  email: string;
}): string {
  const name = [row.first_name, row.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
  return name || row.email;
}

/**
 * What emails need to know, read with the emitting transaction's manager so they see the change
 * that is being committed. Every query is scoped by the event's company.
 */
@Injectable()
export class NotificationContextRepository {
  async partner(
    manager: EntityManager,
    companyId: string,
    partnerId: string,
  ): Promise<PartnerRecipient | null> {
    const rows: {
      id: string;
      name: string;
      email: string;
      status: string;
      notification_preferences: NotificationPreferences | null;
      unsubscribe_token: string;
      email_locale: string | null;
    }[] = await manager.query(
      `SELECT id, name, email, status, notification_preferences, unsubscribe_token, email_locale
         FROM partners WHERE company_id = $1 AND id = $2`,
      [companyId, partnerId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      archived: row.status === 'archived',
      preferences: row.notification_preferences ?? {},
      unsubscribeToken: row.unsubscribe_token,
      emailLocale: row.email_locale,
    };
  }

  async program(
    manager: EntityManager,
    companyId: string,
    programId: string,
  ): Promise<ProgramContext | null> {
    // to_jsonb: columns other features add arrive without a change here (the logo's bytes stay out).
    const rows: { program: Record<string, unknown>; company_name: string }[] = await manager.query(
      `SELECT to_jsonb(g) - 'logo' AS program, c.name AS company_name
         FROM programs g JOIN companies c ON c.id = g.company_id
        WHERE g.company_id = $1 AND g.id = $2`,
      [companyId, programId],
    );
    const row = rows[0];
    if (!row) return null;
    const portalUrl = row.program.portal_url;
    const text = (key: string) => {
      const value = row.program[key];
      return typeof value === 'string' && value ? value : null;
    };
    const offer = offerSchema.safeParse(row.program.offer);
    return {
      id: programId,
      name: String(row.program.name ?? ''),
      companyName: row.company_name,
      stageLabels: (row.program.stage_labels as StageLabels | null) ?? {},
      portalUrl: typeof portalUrl === 'string' && portalUrl ? portalUrl : null,
      slug: text('slug') ?? programId,
      brandColor: text('brand_color'),
      logoVersion: text('logo_version'),
      defaultLocale: text('default_locale') ?? 'en',
      offer: offer.success ? offer.data : { rules: [] },
    };
  }

  async lead(
    manager: EntityManager,
    companyId: string,
    leadId: string,
  ): Promise<LeadContext | null> {
    const rows: {
      id: string;
      program_id: string;
      partner_id: string;
      first_name: string | null;
      last_name: string | null;
      email: string;
      company_name: string | null;
    }[] = await manager.query(
      `SELECT id, program_id, partner_id, first_name, last_name, email, company_name
         FROM leads WHERE company_id = $1 AND id = $2`,
      [companyId, leadId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      programId: row.program_id,
      partnerId: row.partner_id,
      name: leadDisplayName(row),
      email: row.email,
      companyName: row.company_name,
    };
  }

  async import(
    manager: EntityManager,
    companyId: string,
    importId: string,
  ): Promise<ImportContext | null> {
    const rows: {
      id: string;
      program_id: string;
      partner_id: string;
      file_name: string;
      status: string;
      rows_total: number | null;
      rows_imported: number;
      rows_failed: number;
      rows_duplicate: number;
      error: string | null;
    }[] = await manager.query(
      `SELECT id, program_id, partner_id, file_name, status, rows_total, rows_imported,
              rows_failed, rows_duplicate, error
         FROM imports WHERE company_id = $1 AND id = $2`,
      [companyId, importId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      programId: row.program_id,
      partnerId: row.partner_id,
      fileName: row.file_name,
      status: row.status,
      rowsTotal: row.rows_total,
      rowsImported: row.rows_imported,
      rowsFailed: row.rows_failed,
      rowsDuplicate: row.rows_duplicate,
      error: row.error,
    };
  }

  /** Owners and admins: the people who answer partners. */
  async companyManagers(manager: EntityManager, companyId: string): Promise<CompanyRecipient[]> {
    return manager.query(
      `SELECT id, name, email FROM users
        WHERE company_id = $1 AND role IN ('owner', 'admin') ORDER BY created_at, id`,
      [companyId],
    );
  }

  /** A commission with its payment and lead, for the partner's commission email. */
  async commission(
    manager: EntityManager,
    companyId: string,
    id: string,
  ): Promise<CommissionContext | null> {
    const rows: CommissionContext[] = await manager.query(
      `SELECT c.id, c.program_id, c.partner_id, c.amount, c.currency, c.description, c.rule,
              t.amount AS payment_amount, t.currency AS payment_currency,
              l.first_name, l.last_name, l.email
         FROM commissions c JOIN leads l ON l.id = c.lead_id AND l.company_id = c.company_id
         LEFT JOIN transactions t ON t.id = c.transaction_id AND t.company_id = c.company_id
        WHERE c.company_id = $1 AND c.id = $2`,
      [companyId, id],
    );
    return rows[0] ?? null;
  }

  /** A message with its thread and the thread's lead, for the message email. */
  async message(
    manager: EntityManager,
    companyId: string,
    id: string,
  ): Promise<MessageContext | null> {
    const rows: MessageContext[] = await manager.query(
      `SELECT m.id, m.thread_id, m.author_type, m.author_name, m.body, t.subject, t.program_id,
              t.partner_id, l.first_name, l.last_name, l.email
         FROM messages m
         JOIN message_threads t ON t.id = m.thread_id AND t.company_id = m.company_id
         LEFT JOIN leads l ON l.id = t.lead_id AND l.company_id = t.company_id
        WHERE m.company_id = $1 AND m.id = $2`,
      [companyId, id],
    );
    return rows[0] ?? null;
  }
}
