import type { DedupePolicy } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/principal';
import type { BatchCounts, CreatedLead, ErrorRow, ImportBatch, LeadRow } from './import-batch';
import { EXISTING_DOMAIN_MESSAGE, EXISTING_EMAIL_MESSAGE } from './row-messages';

/** Who and what a batch writes for. */
export interface ImportContext {
  importId: string;
  companyId: string;
  programId: string;
  partnerId: string;
  dedupePolicy: DedupePolicy;
  actor: Actor;
}

// Rows are sorted by email so concurrent imports into one program take unique-index locks in
// the same order (no deadlocks). ON CONFLICT without a target covers both the program's email
// identity and (import_id, import_row), so a resumed batch inserts nothing twice.
const INSERT_LEADS = `
  WITH input AS (
    SELECT * FROM unnest($5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                         $11::text[], $12::text[])
      AS t(import_row, email, email_normalized, first_name, last_name, company_name,
           company_domain, fields)
    ORDER BY email_normalized
  ), inserted AS (
    INSERT INTO leads (company_id, program_id, partner_id, stage, email, email_normalized,
                       first_name, last_name, company_name, company_domain, fields, source,
                       import_id, import_row)
    SELECT $1, $2, $3, 'new', email, email_normalized, first_name, last_name, company_name,
           company_domain, fields::jsonb, 'import', $4, import_row
      FROM input
    ON CONFLICT DO NOTHING
    RETURNING id, import_row
  ), events AS (
    INSERT INTO lead_events (company_id, lead_id, type, actor_type, actor_id, actor_name, data)
    SELECT $1, id, 'imported', $13, $14, $15, jsonb_build_object('importId', $4::uuid, 'row', import_row)
      FROM inserted
    RETURNING id, lead_id
  )
  SELECT i.import_row, i.id AS lead_id, e.id AS event_id
    FROM inserted i JOIN events e ON e.lead_id = i.id`;

const INSERT_ERRORS = `
  INSERT INTO import_errors (company_id, import_id, row_number, cells, error)
  SELECT $1, $2, row_number, cells::jsonb, error
    FROM unnest($3::int[], $4::text[], $5::text[]) AS t(row_number, cells, error)
  ON CONFLICT DO NOTHING
  RETURNING row_number`;

/** The bulk writes of an import job: its rows as leads, events, error rows and counters. */
@Injectable()
export class ImportRowsRepository {
  private async insertLeads(
    manager: EntityManager,
    context: ImportContext,
    leads: readonly LeadRow[],
  ): Promise<Map<number, CreatedLead>> {
    if (leads.length === 0) return new Map();
    const rows: { import_row: number; lead_id: string; event_id: string }[] = await manager.query(
      INSERT_LEADS,
      [
        context.companyId,
        context.programId,
        context.partnerId,
        context.importId,
        leads.map((lead) => lead.row),
        leads.map((lead) => lead.data.email),
        leads.map((lead) => lead.emailNormalized),
        leads.map((lead) => lead.data.firstName),
        leads.map((lead) => lead.data.lastName),
        leads.map((lead) => lead.data.company),
        leads.map((lead) => lead.companyDomain),
        leads.map((lead) => JSON.stringify(lead.data.fields)),
        context.actor.type,
        context.actor.id,
        context.actor.name,
      ],
    );
    return new Map(
      rows.map((row) => [row.import_row, { leadId: row.lead_id, eventId: row.event_id }]),
    );
  }

  /** Rows of this batch that an earlier run of the same import already inserted. */
  private async alreadyImported(
    manager: EntityManager,
    context: ImportContext,
    rows: readonly number[],
  ): Promise<Set<number>> {
    if (rows.length === 0) return new Set();
    const found: { import_row: number }[] = await manager.query(
      `SELECT import_row FROM leads WHERE import_id = $1 AND import_row = ANY($2::int[])`,
      [context.importId, rows],
    );
    return new Set(found.map((row) => row.import_row));
  }

  /**
   * Under the email-or-domain policy a lead is also a duplicate when a lead with its company
   * domain exists; no unique index can say that, so the batch asks before inserting.
   */
  private async takenByDomain(
    manager: EntityManager,
    context: ImportContext,
    leads: readonly LeadRow[],
  ): Promise<Map<number, string>> {
    const duplicates = new Map<number, string>();
    const domains = [
      ...new Set(leads.flatMap((lead) => (lead.companyDomain ? [lead.companyDomain] : []))),
    ];
    if (domains.length === 0) return duplicates;
    const existing: {
      email_normalized: string;
      company_domain: string;
      import_id: string | null;
    }[] = await manager.query(
      `SELECT email_normalized, company_domain, import_id FROM leads
          WHERE program_id = $1 AND company_domain = ANY($2::text[])`,
      [context.programId, domains],
    );
    const others = existing.filter((lead) => lead.import_id !== context.importId);
    const emails = new Set(others.map((lead) => lead.email_normalized));
    const taken = new Set(others.map((lead) => lead.company_domain));
    for (const lead of leads) {
      if (emails.has(lead.emailNormalized)) duplicates.set(lead.row, EXISTING_EMAIL_MESSAGE);
      else if (lead.companyDomain && taken.has(lead.companyDomain)) {
        duplicates.set(lead.row, EXISTING_DOMAIN_MESSAGE);
      }
    }
    return duplicates;
  }

  private async insertErrors(
    manager: EntityManager,
    context: ImportContext,
    errors: readonly ErrorRow[],
  ): Promise<Set<number>> {
    if (errors.length === 0) return new Set();
    const rows: { row_number: number }[] = await manager.query(INSERT_ERRORS, [
      context.companyId,
      context.importId,
      errors.map((error) => error.row),
      errors.map((error) => JSON.stringify(error.cells)),
      errors.map((error) => error.error),
    ]);
    return new Set(rows.map((row) => row.row_number));
  }

  /**
   * Writes one batch inside the caller's transaction: new leads with their `imported` events
   * (returned, so the caller can announce them as `lead.created`),
   * failed and duplicate rows with their original cells, and the import's counters. Counts only
   * what this call wrote, so a batch replayed after a crash changes nothing.
   */
  async writeBatch(
    manager: EntityManager,
    context: ImportContext,
    batch: ImportBatch,
  ): Promise<BatchCounts> {
    // The import's row lock orders this batch and a cancellation: a batch either commits before
    // the cancel (its rows stay) or sees the import cancelled and writes nothing.
    const state: { status: string }[] = await manager.query(
      `SELECT status FROM imports WHERE id = $1 FOR UPDATE`,
      [context.importId],
    );
    if (state[0]?.status !== 'processing') throw new ImportStopped(state[0]?.status ?? 'missing');
    let leads: readonly LeadRow[] = batch.leads;
    const duplicates: ErrorRow[] = [];
    if (context.dedupePolicy === 'email_or_domain') {
      const taken = await this.takenByDomain(manager, context, leads);
      if (taken.size > 0) {
        for (const lead of leads) {
          const message = taken.get(lead.row);
          if (message)
            duplicates.push({
              row: lead.row,
              cells: lead.cells,
              error: message,
              kind: 'duplicate',
            });
        }
        leads = leads.filter((lead) => !taken.has(lead.row));
      }
    }
    const inserted = await this.insertLeads(manager, context, leads);
    const missing = leads.filter((lead) => !inserted.has(lead.row));
    const mine = await this.alreadyImported(
      manager,
      context,
      missing.map((lead) => lead.row),
    );
    for (const lead of missing) {
      if (mine.has(lead.row)) continue;
      duplicates.push({
        row: lead.row,
        cells: lead.cells,
        error: EXISTING_EMAIL_MESSAGE,
        kind: 'duplicate',
      });
    }
    const errors = [...batch.errors, ...duplicates];
    const written = await this.insertErrors(manager, context, errors);
    const counts: BatchCounts = {
      imported: inserted.size,
      created: [...inserted.values()],
      failed: errors.filter((error) => error.kind === 'failed' && written.has(error.row)).length,
      duplicate: errors.filter((error) => error.kind === 'duplicate' && written.has(error.row))
        .length,
    };
    const processed = counts.imported + counts.failed + counts.duplicate;
    if (processed > 0) {
      await manager.query(
        `UPDATE imports SET rows_processed = rows_processed + $2, rows_imported = rows_imported + $3,
                            rows_failed = rows_failed + $4, rows_duplicate = rows_duplicate + $5
          WHERE id = $1`,
        [context.importId, processed, counts.imported, counts.failed, counts.duplicate],
      );
    }
    return counts;
  }
}

/** The import is no longer processing (cancelled while its job ran): stop without writing. */
export class ImportStopped extends Error {
  constructor(readonly status: string) {
    super(`import is ${status}`);
  }
}
