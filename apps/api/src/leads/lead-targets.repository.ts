import type { DedupePolicy, LeadFormSchema, StageLabels } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** The program rules a lead is written under. */
export interface LeadProgramRules {
  programId: string;
  formSchema: LeadFormSchema;
  stageLabels: StageLabels | null;
  dedupePolicy: DedupePolicy;
  currency: string;
  /** As stored; the commissions listener validates it (a new lead may earn a flat `new` rule). */
  offer: unknown;
  leadSubmissionEnabled: boolean;
  archived: boolean;
  /** The rules as JSON, made once per read: the lead insert compares them with the stored ones. */
  json: { formSchema: string; stageLabels: string; offer: string };
}

/** Where a new lead goes: a program, and the partner it is registered for. */
export interface SubmissionTarget {
  program: LeadProgramRules | null;
  /** null when the program has no active, unarchived partner with that id or key. */
  partner: { id: string; name: string } | null;
}

interface ProgramRow {
  id: string;
  form_schema: LeadFormSchema;
  stage_labels: StageLabels | null;
  dedupe_policy: DedupePolicy;
  currency: string;
  offer: unknown;
  lead_submission_enabled: boolean;
  archived: boolean;
}

const PROGRAM_COLUMNS = `g.id, g.form_schema, g.stage_labels, g.dedupe_policy, g.currency, g.offer,
  g.lead_submission_enabled, g.archived_at IS NOT NULL AS archived`;

function rulesFromRow(row: ProgramRow): LeadProgramRules {
  return {
    programId: row.id,
    formSchema: row.form_schema,
    stageLabels: row.stage_labels,
    dedupePolicy: row.dedupe_policy,
    currency: row.currency,
    offer: row.offer,
    leadSubmissionEnabled: row.lead_submission_enabled,
    archived: row.archived,
    json: {
      formSchema: JSON.stringify(row.form_schema),
      stageLabels: JSON.stringify(row.stage_labels ?? {}),
      offer: JSON.stringify(row.offer),
    },
  };
}

/**
 * Reads programs and partnerships for the lead use cases. The programs module owns writing
 * them; leads only need a program's rules, read fresh on every write so that switching lead
 * submission off takes effect at once.
 */
/** Programs whose rules are kept in memory (a bound, not a tuning knob). */
const CACHED_PROGRAMS = 1000;

@Injectable()
export class LeadTargetsRepository {
  /**
   * Rules of recently used programs, for the submission hot path. Never trusted blindly: the
   * lead insert re-checks them against the stored program in the same statement (see
   * LeadsService), so a program switched off or re-configured takes effect on the next lead.
   */
  private readonly cache = new Map<string, LeadProgramRules>();

  constructor(private readonly db: DataSource) {}

  async cachedRules(companyId: string, programId: string): Promise<LeadProgramRules | null> {
    const key = `${companyId}:${programId}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const rules = await this.rules(null, companyId, programId);
    if (rules) {
      if (this.cache.size >= CACHED_PROGRAMS) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
      this.cache.set(key, rules);
    }
    return rules;
  }

  forget(companyId: string, programId: string): void {
    this.cache.delete(`${companyId}:${programId}`);
  }

  async rules(
    manager: EntityManager | null,
    companyId: string,
    programId: string,
  ): Promise<LeadProgramRules | null> {
    const rows: ProgramRow[] = await (manager ?? this.db.manager).query(
      `SELECT ${PROGRAM_COLUMNS} FROM programs g WHERE g.company_id = $1 AND g.id = $2`,
      [companyId, programId],
    );
    return rows[0] ? rulesFromRow(rows[0]) : null;
  }

  /** One round trip: the program and, in it, the active partner named by id and/or key. */
  async forCompany(
    companyId: string,
    programId: string,
    partner: { id?: string; key?: string },
  ): Promise<SubmissionTarget> {
    const rows: (ProgramRow & { partner_id: string | null; partner_name: string | null })[] =
      await this.db.query(
        `SELECT ${PROGRAM_COLUMNS}, p.id AS partner_id, p.name AS partner_name
           FROM programs g
           LEFT JOIN partnerships ps
             ON ps.company_id = g.company_id AND ps.program_id = g.id AND ps.status = 'active'
            AND ($3::uuid IS NULL OR ps.partner_id = $3::uuid)
            AND ($4::text IS NULL OR ps.partner_key = $4::text)
           LEFT JOIN partners p
             ON p.company_id = ps.company_id AND p.id = ps.partner_id AND p.status <> 'archived'
          WHERE g.company_id = $1 AND g.id = $2
          ORDER BY p.id NULLS LAST
          LIMIT 1`,
        [companyId, programId, partner.id ?? null, partner.key ?? null],
      );
    const row = rows[0];
    if (!row) return { program: null, partner: null };
    return {
      program: rulesFromRow(row),
      partner:
        row.partner_id && row.partner_name ? { id: row.partner_id, name: row.partner_name } : null,
    };
  }
}
