import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/principal';
import { queryPrepared } from '../common/database/prepared-statement';
import { type RateLimitCount, rateLimitHitSql } from '../common/rate-limit/rate-limits.repository';
import type { LeadSource } from './lead.entity';
import type { LeadProgramRules } from './lead-targets.repository';
import type { LeadRow } from './leads.repository';

export interface LeadInsert {
  companyId: string;
  program: LeadProgramRules;
  partnerId: string;
  lead: {
    email: string;
    firstName: string | null;
    lastName: string | null;
    company: string | null;
    fields: Record<string, unknown>;
  };
  emailNormalized: string;
  companyDomain: string | null;
  source: LeadSource;
  actor: Actor;
  rateLimit: { key: string; limit: number; windowSeconds: number };
  /**
   * Digest of the request's principal and `Idempotency-Key`, kept on the `created` history
   * event: a retry whose first run committed but never answered finds its lead by it.
   */
  requestRef: string | null;
}

export type InsertedLeadRow = Partial<LeadRow> &
  RateLimitCount & {
    /** The program still has the rules the lead was validated under. */
    rules_current: boolean;
    /** The partner is still actively enrolled (its session may have been cached). */
    partner_active: boolean;
    /** As stored now, for the lead's JSON and to re-confirm a cached partner session. */
    partner_name: string | null;
    /** The program's allowed origins as stored now (null when the rules check failed). */
    allowed_origins: string[] | null;
    event_id: string | null;
  };

/**
 * The API's busiest write as ONE statement: count the submission against the principal's rate
 * limit, check that the program still has the rules the lead was validated under and that the
 * partner is still enrolled, insert the lead unless its email is taken, and write its `created`
 * history line. A program switched off or re-configured a moment ago, or a partner archived on
 * another replica, is never written under its old state; `ON CONFLICT` leaves duplicates to the
 * unique index. Nothing is inserted unless every check holds; the row says which one failed.
 * Prepared once per connection (`prepared`, DATABASE_PREPARED_STATEMENTS): planning this
 * statement costs more than running it.
 */
export async function insertLead(
  db: DataSource | EntityManager,
  input: LeadInsert,
  prepared: boolean,
): Promise<InsertedLeadRow> {
  const { program, lead, actor, rateLimit } = input;
  const rows = await queryPrepared<InsertedLeadRow>(
    db,
    prepared ? 'leadbridge_lead_insert' : null,
    `WITH rl AS (${rateLimitHitSql('$20', '$21')}
     ), g AS (
       SELECT allowed_origins FROM programs
        WHERE company_id = $1 AND id = $2 AND archived_at IS NULL AND lead_submission_enabled
          AND form_schema = $16::jsonb AND dedupe_policy = $17 AND stage_labels = $18::jsonb
          AND currency = $19 AND offer = $23::jsonb
     ), p AS (
       SELECT pa.name FROM partnerships ps
         JOIN partners pa ON pa.id = ps.partner_id AND pa.company_id = ps.company_id
        WHERE ps.company_id = $1 AND ps.program_id = $2 AND ps.partner_id = $3
          AND ps.status = 'active' AND pa.status <> 'archived'
     ), l AS (
       INSERT INTO leads (company_id, program_id, partner_id, email, email_normalized,
                          first_name, last_name, company_name, company_domain, fields, source)
       SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::text, $7::text, $8::text,
              $9::text, $10::jsonb, $11::text
        WHERE EXISTS (SELECT 1 FROM g) AND EXISTS (SELECT 1 FROM p)
          AND (SELECT hits FROM rl) <= $22
       ON CONFLICT (program_id, email_normalized, company_id) DO NOTHING
       RETURNING id, company_id, program_id, partner_id, stage, email, email_normalized,
                 first_name, last_name, company_name, company_domain, fields, source,
                 import_id, version, created_at, updated_at, stage_changed_at, won_at
     ), e AS (
       INSERT INTO lead_events (company_id, lead_id, type, actor_type, actor_id, actor_name, data)
       SELECT company_id, id, 'created', $12, $13, $14, $15 FROM l RETURNING id
     )
     SELECT EXISTS (SELECT 1 FROM g) AS rules_current, EXISTS (SELECT 1 FROM p) AS partner_active,
            (SELECT name FROM p) AS partner_name, (SELECT allowed_origins FROM g) AS allowed_origins,
            rl.hits, rl.window_start, l.*, e.id AS event_id
       FROM rl LEFT JOIN l ON true LEFT JOIN e ON true`,
    [
      input.companyId,
      program.programId,
      input.partnerId,
      lead.email,
      input.emailNormalized,
      lead.firstName,
      lead.lastName,
      lead.company,
      input.companyDomain,
      JSON.stringify(lead.fields),
      input.source,
      actor.type,
      actor.id,
      actor.name,
      JSON.stringify(
        input.requestRef
          ? { source: input.source, request: input.requestRef }
          : { source: input.source },
      ),
      program.json.formSchema,
      program.dedupePolicy,
      program.json.stageLabels,
      program.currency,
      rateLimit.key,
      rateLimit.windowSeconds,
      rateLimit.limit,
      program.json.offer,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('the lead insert returned no row');
  return row;
}
