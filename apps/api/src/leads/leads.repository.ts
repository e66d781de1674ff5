import {
  type CustomerStatus,
  LEAD_STAGES,
  type LeadFieldValue,
  type LeadStage,
  type StageLabels,
} from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/principal';
import { isoTimestamp } from '../common/database/iso-timestamp';
import { afterCursor, decodeTimeIdCursor, keysetTimestamp } from '../common/database/keyset';
import { returnedRows } from '../common/database/returned-rows';
import type { RowOf } from '../common/database/row-of';
import { tenantCondition } from '../common/database/tenant-condition';
import { type Page, pageLimit, toPage } from '../common/pagination/cursor';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import {
  type LeadCustomerSummary,
  type LeadDto,
  type LeadEventDto,
  type LeadJsonProperty,
  type LeadRecord,
  toLeadDto,
} from './lead.dto';
import type { Lead } from './lead.entity';
import type { LeadSort } from './leads.dto';

/** Columns of `leads` every read needs (not search_text: it is only filtered on). */
const LEAD_COLUMNS = `l.id, l.company_id, l.program_id, l.partner_id, l.stage, l.email, l.email_normalized,
  l.first_name, l.last_name, l.company_name, l.company_domain, l.fields, l.source, l.import_id,
  l.version, l.created_at, l.updated_at, l.stage_changed_at, l.won_at`;

/** What a lead's JSON needs beyond the lead: partner name, stage labels, its customer. */
const CONTEXT_COLUMNS = `p.name AS partner_name, g.stage_labels,
  c.id AS customer_id, c.status AS customer_status, c.revenue_amount AS customer_revenue,
  c.currency AS customer_currency`;

const CONTEXT_JOINS = `JOIN partners p ON p.id = l.partner_id
    JOIN programs g ON g.id = l.program_id
    LEFT JOIN customers c ON c.lead_id = l.id`;

/** A lead with what its JSON needs, for the services that work with it. */
function viewSelect(source: string): string {
  return `SELECT ${LEAD_COLUMNS}, g.currency AS program_currency, ${CONTEXT_COLUMNS}
    FROM ${source} ${CONTEXT_JOINS}`;
}

/**
 * A list page: only what the JSON shows, timestamps already as its ISO text, and the keyset
 * key of the sort column.
 */
function pageSelect(source: string, keyColumn: string): string {
  return `SELECT l.id, l.program_id, l.partner_id, l.stage, l.email, l.first_name, l.last_name,
      l.company_name, l.fields, l.source, l.import_id, l.version,
      ${isoTimestamp('l.created_at')} AS created_at, ${isoTimestamp('l.updated_at')} AS updated_at,
      ${isoTimestamp('l.stage_changed_at')} AS stage_changed_at, ${isoTimestamp('l.won_at')} AS won_at,
      ${keysetTimestamp(keyColumn)} AS cursor_key, ${CONTEXT_COLUMNS}
    FROM ${source} ${CONTEXT_JOINS}`;
}

/** The columns of a lead every JSON needs; timestamps as Dates, or as ISO text in lists. */
type LeadJsonRow<Time extends Date | string> = RowOf<Lead, LeadJsonProperty> & {
  created_at: Time;
  updated_at: Time;
  stage_changed_at: Time;
  won_at: Time | null;
};

export type LeadRow = LeadJsonRow<Date> &
  RowOf<Lead, 'companyId' | 'emailNormalized' | 'companyDomain'>;

interface ContextRow {
  partner_name: string;
  stage_labels: StageLabels | null;
  customer_id: string | null;
  customer_status: CustomerStatus | null;
  customer_revenue: string | null;
  customer_currency: string | null;
}

interface LeadViewRow extends LeadRow, ContextRow {
  program_currency: string;
}

/** A list row (pageSelect): timestamps are ISO text. */
interface LeadPageRow extends LeadJsonRow<string>, ContextRow {
  cursor_key: string;
}

/** A lead row with the context of its JSON: what services work with. */
export interface LeadView {
  lead: LeadRecord & { companyId: string; emailNormalized: string; companyDomain: string | null };
  partnerName: string;
  stageLabels: StageLabels | null;
  programCurrency: string;
  customer: LeadCustomerSummary | null;
}

function recordFromRow<Time extends Date | string>(row: LeadJsonRow<Time>) {
  return {
    id: row.id,
    programId: row.program_id,
    partnerId: row.partner_id,
    stage: row.stage,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    companyName: row.company_name,
    fields: row.fields ?? {},
    source: row.source,
    importId: row.import_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    stageChangedAt: row.stage_changed_at,
    wonAt: row.won_at,
  };
}

export function leadRecordFromRow(row: LeadRow): LeadView['lead'] {
  return {
    ...recordFromRow(row),
    companyId: row.company_id,
    emailNormalized: row.email_normalized,
    companyDomain: row.company_domain,
  };
}

function customerFromRow(row: ContextRow): LeadCustomerSummary | null {
  return row.customer_id && row.customer_status && row.customer_currency
    ? {
        id: row.customer_id,
        status: row.customer_status,
        revenueAmount: Number(row.customer_revenue ?? 0),
        currency: row.customer_currency,
      }
    : null;
}

function viewFromRow(row: LeadViewRow): LeadView {
  return {
    lead: leadRecordFromRow(row),
    partnerName: row.partner_name,
    stageLabels: row.stage_labels,
    programCurrency: row.program_currency,
    customer: customerFromRow(row),
  };
}

function pageRowToDto(row: LeadPageRow): LeadDto {
  return toLeadDto(recordFromRow(row), {
    partnerName: row.partner_name,
    stageLabels: row.stage_labels,
    customer: customerFromRow(row),
  });
}

export function viewToDto(view: LeadView): LeadDto {
  return toLeadDto(view.lead, view);
}

export interface LeadListFilters {
  stages: LeadStage[];
  partnerId?: string;
  programId?: string;
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  sort: LeadSort;
  limit?: number;
  cursor?: string;
}

export interface LeadEventInsert {
  companyId: string;
  leadId: string;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
}

/** The columns an `UPDATE leads … RETURNING` answers, for `leadRecordFromRow`. */
const RETURNED_LEAD_COLUMNS = `id, company_id, program_id, partner_id, stage, email, email_normalized,
  first_name, last_name, company_name, company_domain, fields, source, import_id,
  version, created_at, updated_at, stage_changed_at, won_at`;

/** The editable columns of a lead, as `update` writes them. */
export interface LeadEdit {
  email: string;
  emailNormalized: string;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
  companyDomain: string | null;
  fields: Record<string, LeadFieldValue>;
}

/** Every query on leads, each scoped by the caller's TenantScope. */
@Injectable()
export class LeadsRepository {
  constructor(private readonly db: DataSource) {}

  /** One lead the scope may see, or null; `lock` takes the row lock for a write. */
  async findView(
    manager: EntityManager | null,
    scope: TenantScope,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<LeadView | null> {
    const params: unknown[] = [id];
    const where = `l.id = $1 AND ${tenantCondition(scope, 'l', params)}`;
    const rows: LeadViewRow[] = await (manager ?? this.db.manager).query(
      `${viewSelect('leads l')} WHERE ${where}${options.lock ? ' FOR UPDATE OF l' : ''}`,
      params,
    );
    const row = rows[0];
    return row ? viewFromRow(row) : null;
  }

  /** Several leads the scope may see (in no particular order); missing ids are skipped. */
  async findViews(
    manager: EntityManager | null,
    scope: TenantScope,
    ids: readonly string[],
  ): Promise<LeadView[]> {
    if (ids.length === 0) return [];
    const params: unknown[] = [ids];
    const where = `l.id = ANY($1::uuid[]) AND ${tenantCondition(scope, 'l', params)}`;
    const rows: LeadViewRow[] = await (manager ?? this.db.manager).query(
      `${viewSelect('leads l')} WHERE ${where}`,
      params,
    );
    return rows.map(viewFromRow);
  }

  /** Keyset page over the scope's leads; never OFFSET, never COUNT. */
  async list(scope: TenantScope, filters: LeadListFilters): Promise<Page<LeadDto>> {
    const limit = pageLimit(filters.limit);
    const descending = filters.sort.startsWith('-');
    const column = filters.sort.endsWith('updatedAt') ? 'updated_at' : 'created_at';
    const direction = descending ? 'DESC' : 'ASC';
    const params: unknown[] = [];
    const conditions = [tenantCondition(scope, 'l', params)];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filters.partnerId) add((p) => `l.partner_id = ${p}`, filters.partnerId);
    if (filters.programId) add((p) => `l.program_id = ${p}`, filters.programId);
    const q = filters.q?.trim().toLowerCase();
    if (q) {
      conditions.push(
        leadSearchCondition('l.search_text', q, (value) => {
          params.push(value);
          return `$${params.length}`;
        }),
      );
    }
    if (filters.createdFrom) add((p) => `l.created_at >= ${p}`, filters.createdFrom);
    if (filters.createdTo) add((p) => `l.created_at < ${p}`, filters.createdTo);
    if (filters.cursor) {
      conditions.push(
        afterCursor(
          decodeTimeIdCursor(filters.cursor),
          { time: `l.${column}`, id: 'l.id' },
          params,
          direction,
        ),
      );
    }
    params.push(limit + 1);
    const limitParam = `$${params.length}`;
    const order = `ORDER BY l.${column} ${direction}, l.id ${direction}`;
    const where = conditions.join(' AND ');
    const stages = filters.stages.length === LEAD_STAGES.length ? [] : filters.stages;
    const select = (extra: string) =>
      `SELECT ${LEAD_COLUMNS} FROM leads l WHERE ${where}${extra} ${order} LIMIT ${limitParam}`;
    let inner: string;
    if (stages.length <= 1) {
      // Stage names come from core's closed list (validated), so inlining them is safe.
      inner = select(stages[0] ? ` AND l.stage = '${stages[0]}'` : '');
    } else {
      // One index range per stage, merged: `stage = ANY(…)` would read every matching row and
      // sort them all, which at a million leads is far more than a page's worth of work.
      const parts = stages.map((stage) => `(${select(` AND l.stage = '${stage}'`)})`);
      inner = `SELECT * FROM (${parts.join(' UNION ALL ')}) l ${order} LIMIT ${limitParam}`;
    }
    const rows: LeadPageRow[] = await this.db.query(
      `${pageSelect(`(${inner}) l`, `l.${column}`)} ${order}`,
      params,
    );
    return toPage(rows, limit, pageRowToDto, (row) => [row.cursor_key, row.id]);
  }

  async insertEvent(manager: EntityManager, event: LeadEventInsert): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO lead_events (company_id, lead_id, type, actor_type, actor_id, actor_name, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        event.companyId,
        event.leadId,
        event.type,
        event.actor.type,
        event.actor.id,
        event.actor.name,
        JSON.stringify(event.data),
      ],
    );
    return (rows[0] as { id: string }).id;
  }

  /** A lead's history, oldest first (keyset on created_at, id). */
  async listEvents(
    leadId: string,
    companyId: string,
    page: { limit?: number; cursor?: string },
  ): Promise<Page<LeadEventDto>> {
    const limit = pageLimit(page.limit);
    const params: unknown[] = [companyId, leadId];
    let keyset = '';
    if (page.cursor) {
      const after = afterCursor(
        decodeTimeIdCursor(page.cursor),
        { time: 'e.created_at', id: 'e.id' },
        params,
        'ASC',
      );
      keyset = `AND ${after}`;
    }
    params.push(limit + 1);
    const rows: {
      id: string;
      type: string;
      actor_type: LeadEventDto['actor']['type'];
      actor_name: string | null;
      data: Record<string, unknown>;
      created_at: Date;
      created_key: string;
    }[] = await this.db.query(
      // `request` is the submission's idempotency digest (LeadInsert.requestRef), not history.
      `SELECT e.id, e.type, e.actor_type, e.actor_name, e.data - 'request' AS data, e.created_at,
              ${keysetTimestamp('e.created_at')} AS created_key
         FROM lead_events e
        WHERE e.company_id = $1 AND e.lead_id = $2 ${keyset}
        ORDER BY e.created_at, e.id LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (row) => ({
        id: row.id,
        type: row.type,
        actor: { type: row.actor_type, name: row.actor_name },
        data: row.data ?? {},
        createdAt: row.created_at.toISOString(),
      }),
      (row) => [row.created_key, row.id],
    );
  }

  /** The lead an earlier run of a keyed create request wrote (its `created` event's digest). */
  async findIdByRequest(
    companyId: string,
    programId: string,
    emailNormalized: string,
    requestRef: string,
  ): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT l.id FROM leads l
         JOIN lead_events e ON e.company_id = l.company_id AND e.lead_id = l.id AND e.type = 'created'
        WHERE l.company_id = $1 AND l.program_id = $2 AND l.email_normalized = $3
          AND e.data->>'request' = $4`,
      [companyId, programId, emailNormalized, requestRef],
    );
    return rows[0]?.id ?? null;
  }

  /** Writes a lead's editable columns and bumps its version. */
  async update(
    manager: EntityManager,
    companyId: string,
    id: string,
    edit: LeadEdit,
  ): Promise<LeadView['lead']> {
    const rows = returnedRows<LeadRow>(
      await manager.query(
        `UPDATE leads SET email = $3, email_normalized = $4, first_name = $5, last_name = $6,
              company_name = $7, company_domain = $8, fields = $9,
              version = version + 1, updated_at = now()
        WHERE company_id = $1 AND id = $2
       RETURNING ${RETURNED_LEAD_COLUMNS}`,
        [
          companyId,
          id,
          edit.email,
          edit.emailNormalized,
          edit.firstName,
          edit.lastName,
          edit.companyName,
          edit.companyDomain,
          JSON.stringify(edit.fields),
        ],
      ),
    );
    return leadRecordFromRow(rows[0] as LeadRow);
  }

  /** Moves a lead to `stage` (stamping `won_at` on a win) and bumps its version. */
  async changeStage(
    manager: EntityManager,
    companyId: string,
    id: string,
    stage: LeadStage,
  ): Promise<LeadView['lead']> {
    const rows = returnedRows<LeadRow>(
      await manager.query(
        `UPDATE leads SET stage = $3, stage_changed_at = now(),
              won_at = CASE WHEN $3 = 'closed_won' THEN now() ELSE won_at END,
              version = version + 1, updated_at = now()
        WHERE company_id = $1 AND id = $2
       RETURNING ${RETURNED_LEAD_COLUMNS}`,
        [companyId, id, stage],
      ),
    );
    return leadRecordFromRow(rows[0] as LeadRow);
  }

  /**
   * Serialises, until the transaction ends, every check-then-write on one (program, company
   * domain): no unique index can say "one lead per domain".
   */
  async lockDomain(
    manager: EntityManager,
    programId: string,
    domain: string | null,
  ): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `lead-domain:${programId}:${domain}`,
    ]);
  }

  /**
   * The earliest lead of the program with this email or company domain (the same email
   * first), other than `exceptLeadId`.
   */
  async firstWithIdentity(
    manager: EntityManager,
    programId: string,
    identity: { email: string; domain: string | null },
    exceptLeadId: string | null,
  ): Promise<{ createdAt: Date; sameEmail: boolean } | null> {
    const rows: { created_at: Date; same_email: boolean }[] = await manager.query(
      `SELECT created_at, email_normalized = $2 AS same_email FROM leads
        WHERE program_id = $1 AND (email_normalized = $2 OR company_domain = $3)
          AND ($4::uuid IS NULL OR id <> $4::uuid)
        ORDER BY (email_normalized = $2) DESC, created_at LIMIT 1`,
      [programId, identity.email, identity.domain, exceptLeadId],
    );
    const row = rows[0];
    return row ? { createdAt: row.created_at, sameEmail: row.same_email } : null;
  }

  /** When the program's lead with this (normalized) email was registered, if there is one. */
  async registeredAt(
    manager: EntityManager,
    programId: string,
    emailNormalized: string,
  ): Promise<Date | null> {
    const rows: { created_at: Date }[] = await manager.query(
      `SELECT created_at FROM leads WHERE program_id = $1 AND email_normalized = $2`,
      [programId, emailNormalized],
    );
    return rows[0]?.created_at ?? null;
  }
}

/**
 * `?q=` on the leads list: a case-insensitive substring of the lead's name, email or company
 * (`leads.search_text`, served by the trigram index `leads_search_trgm_idx`).
 *
 * The trigram index reads one posting list per trigram of the pattern, so a phrase with very
 * common trigrams ("company 1234", "lead500000.c0@") makes PostgreSQL read most of the index
 * even when a handful of rows match (30–150 ms at 1,000,000 leads). Instead, the index is
 * asked only for the query's most distinctive run of letters or digits — digits first, then
 * the longest run, at least 3 characters — and the whole query is checked exactly on the rows
 * it returns (`strpos`): same results, ~1 ms. A query without such a run ("li", "%%") has no
 * trigram to look up; it filters the inbox's keyset index instead, which is quick when matches
 * are common and reads the tenant's whole inbox when they are rare (clients should search from
 * three characters).
 */
export function leadSearchCondition(
  column: string,
  q: string,
  param: (value: unknown) => string,
): string {
  const fragment = distinctiveRun(q);
  if (!fragment || fragment === q) return `${column} LIKE ${param(`%${escapeLike(q)}%`)}`;
  return `${column} LIKE ${param(`%${fragment}%`)} AND strpos(${column}, ${param(q)}) > 0`;
}

const RUNS = /\p{L}+|\p{N}+/gu;
/** Numbers are usually rarer than words in names, emails and companies. */
const DIGIT_BONUS = 4;
const MIN_TRIGRAM_RUN = 3;

/** The run of letters or digits in `q` most likely to be rare; null when none has 3 characters. */
export function distinctiveRun(q: string): string | null {
  let best: string | null = null;
  let bestScore = 0;
  for (const [run] of q.matchAll(RUNS)) {
    if (run.length < MIN_TRIGRAM_RUN) continue;
    const score = run.length + (/\p{N}/u.test(run) ? DIGIT_BONUS : 0);
    if (score > bestScore) {
      best = run;
      bestScore = score;
    }
  }
  return best;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
