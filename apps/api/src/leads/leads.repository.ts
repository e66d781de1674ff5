import { LEAD_STAGES, type LeadStage, type StageLabels } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/principal';
import { decodeCursor, type Page, pageLimit, toPage } from '../common/pagination/cursor';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { CustomerStatus } from '../customers/customer.entity';
import {
  type LeadCustomerSummary,
  type LeadDto,
  type LeadEventDto,
  type LeadRecord,
  toLeadDto,
} from './lead.dto';
import type { LeadFieldValue, LeadSource } from './lead.entity';
import type { LeadSort } from './leads.dto';

/** Columns of `leads` every read needs (not search_text: it is only filtered on). */
const LEAD_COLUMNS = `l.id, l.company_id, l.program_id, l.partner_id, l.stage, l.email, l.email_normalized,
  l.first_name, l.last_name, l.company_name, l.company_domain, l.fields, l.source, l.import_id,
  l.version, l.created_at, l.updated_at, l.stage_changed_at, l.won_at`;

// Microsecond keys: JS Dates stop at milliseconds, and a truncated key would skip or repeat
// rows that share a millisecond.
const KEY_FORMAT = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** A lead with what its JSON needs: partner name, the program's stage labels, its customer. */
function viewSelect(source: string): string {
  return `SELECT ${LEAD_COLUMNS},
      to_char(l.created_at AT TIME ZONE 'UTC', ${KEY_FORMAT}) AS created_key,
      to_char(l.updated_at AT TIME ZONE 'UTC', ${KEY_FORMAT}) AS updated_key,
      p.name AS partner_name, g.stage_labels, g.currency AS program_currency,
      c.id AS customer_id, c.status AS customer_status, c.revenue_amount AS customer_revenue,
      c.currency AS customer_currency
    FROM ${source}
    JOIN partners p ON p.id = l.partner_id
    JOIN programs g ON g.id = l.program_id
    LEFT JOIN customers c ON c.lead_id = l.id`;
}

interface LeadRow {
  id: string;
  company_id: string;
  program_id: string;
  partner_id: string;
  stage: LeadStage;
  email: string;
  email_normalized: string;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  company_domain: string | null;
  fields: Record<string, LeadFieldValue>;
  source: LeadSource;
  import_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  stage_changed_at: Date;
  won_at: Date | null;
}

interface LeadViewRow extends LeadRow {
  created_key: string;
  updated_key: string;
  partner_name: string;
  stage_labels: StageLabels | null;
  program_currency: string;
  customer_id: string | null;
  customer_status: CustomerStatus | null;
  customer_revenue: string | null;
  customer_currency: string | null;
}

/** A lead row with the context of its JSON: what services work with. */
export interface LeadView {
  lead: LeadRecord & { companyId: string; emailNormalized: string; companyDomain: string | null };
  partnerName: string;
  stageLabels: StageLabels | null;
  programCurrency: string;
  customer: LeadCustomerSummary | null;
}

export function leadRecordFromRow(row: LeadRow): LeadView['lead'] {
  return {
    id: row.id,
    companyId: row.company_id,
    programId: row.program_id,
    partnerId: row.partner_id,
    stage: row.stage,
    email: row.email,
    emailNormalized: row.email_normalized,
    firstName: row.first_name,
    lastName: row.last_name,
    companyName: row.company_name,
    companyDomain: row.company_domain,
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

function viewFromRow(row: LeadViewRow): LeadView {
  return {
    lead: leadRecordFromRow(row),
    partnerName: row.partner_name,
    stageLabels: row.stage_labels,
    programCurrency: row.program_currency,
    customer:
      row.customer_id && row.customer_status && row.customer_currency
        ? {
            id: row.customer_id,
            status: row.customer_status,
            revenueAmount: Number(row.customer_revenue ?? 0),
            currency: row.customer_currency,
          }
        : null,
  };
}

export function viewToDto(view: LeadView): LeadDto {
  return toLeadDto(view.lead, view);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export interface LeadListFilters {
  stages: LeadStage[];
  partnerId?: string;
  programId?: string;
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  sort: LeadSort;
  limit?: string;
  cursor?: string;
}

export interface LeadEventInsert {
  companyId: string;
  leadId: string;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
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
    const where = `l.id = $1 AND ${scope.sql('l', params)}`;
    const rows: LeadViewRow[] = await (manager ?? this.db.manager).query(
      `${viewSelect('leads l')} WHERE ${where}${options.lock ? ' FOR UPDATE OF l' : ''}`,
      params,
    );
    const row = rows[0];
    return row ? viewFromRow(row) : null;
  }

  /** Keyset page over the scope's leads; never OFFSET, never COUNT. */
  async list(scope: TenantScope, filters: LeadListFilters): Promise<Page<LeadDto>> {
    const limit = pageLimit(filters.limit);
    const descending = filters.sort.startsWith('-');
    const column = filters.sort.endsWith('updatedAt') ? 'updated_at' : 'created_at';
    const direction = descending ? 'DESC' : 'ASC';
    const params: unknown[] = [];
    const conditions = [scope.sql('l', params)];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filters.partnerId) add((p) => `l.partner_id = ${p}`, filters.partnerId);
    if (filters.programId) add((p) => `l.program_id = ${p}`, filters.programId);
    const q = filters.q?.trim().toLowerCase();
    if (q) add((p) => `l.search_text LIKE ${p}`, `%${escapeLike(q)}%`);
    if (filters.createdFrom) add((p) => `l.created_at >= ${p}`, filters.createdFrom);
    if (filters.createdTo) add((p) => `l.created_at < ${p}`, filters.createdTo);
    if (filters.cursor) {
      const [key, id] = decodeCursor(filters.cursor, 2);
      params.push(String(key), String(id));
      const k = `$${params.length - 1}::timestamptz`;
      const i = `$${params.length}::uuid`;
      const op = descending ? '<' : '>';
      // Spelled out (not a row comparison) so the planner uses the key as an index bound.
      conditions.push(`l.${column} ${op}= ${k} AND (l.${column} ${op} ${k} OR l.id ${op} ${i})`);
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
    const rows: LeadViewRow[] = await this.db.query(
      `${viewSelect(`(${inner}) l`)} ${order}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (row) => viewToDto(viewFromRow(row)),
      (row) => [column === 'updated_at' ? row.updated_key : row.created_key, row.id],
    );
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
    page: { limit?: string; cursor?: string },
  ): Promise<Page<LeadEventDto>> {
    const limit = pageLimit(page.limit);
    const params: unknown[] = [companyId, leadId];
    let keyset = '';
    if (page.cursor) {
      const [key, id] = decodeCursor(page.cursor, 2);
      params.push(String(key), String(id));
      keyset = `AND e.created_at >= $3::timestamptz AND (e.created_at > $3::timestamptz OR e.id > $4::uuid)`;
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
      `SELECT e.id, e.type, e.actor_type, e.actor_name, e.data, e.created_at,
              to_char(e.created_at AT TIME ZONE 'UTC', ${KEY_FORMAT}) AS created_key
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
}
