import type { LeadStage } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../common/tenancy/tenant-scope';

/** A resolved range: instants for the WHERE, the zone whose weeks bucket the series. */
export interface AnalyticsRange {
  from: Date;
  to: Date;
  tz: string;
  programId: string | null;
}

export interface StageCountRow {
  week_start: string;
  stage: LeadStage;
  count: string;
}

export interface MoneyWeekRow {
  week_start: string;
  currency: string;
  amount: string;
  count: string;
}

export interface CommissionWeekRow {
  week_start: string;
  currency: string;
  status: 'pending' | 'approved' | 'paid' | 'declined';
  amount: string;
}

export interface PartnerCountRow {
  partner_id: string;
  partner_name: string;
  leads: string;
  qualified: string;
  won: string;
}

export interface PartnerMoneyRow {
  partner_id: string;
  currency: string;
  amount: string;
}

/** The Monday (in `tz`) of the week `column` falls in, as a local timestamp. */
const weekOf = (column: string, tz: string) => `date_trunc('week', ${column} AT TIME ZONE ${tz})`;

/**
 * Formats the week of rows already grouped by `inner` (which names it `week`): to_char runs once
 * per group rather than once per row, where it would cost about as much as the count itself.
 */
const formatWeeks = (inner: string) =>
  `SELECT to_char(g.week, 'YYYY-MM-DD') AS week_start, g.* FROM (${inner}) g`;

/**
 * Tenant-scoped aggregates for the dashboard. Each query narrows by (company_id, time range)
 * first, which the (company_id, created_at …) indexes serve, and groups in the database: the
 * API never pulls rows to count them.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(private readonly db: DataSource) {}

  async programExists(scope: TenantScope, programId: string): Promise<boolean> {
    const params: unknown[] = [programId];
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM programs g WHERE g.id = $1 AND ${scope.sql('g', params, { owned: false })}`,
      params,
    );
    return rows.length > 0;
  }

  /**
   * The range after defaults: `to` = now, `from` = the start (in `tz`) of the week 11 weeks
   * before `to`'s, so the default shows 12 whole calendar weeks. Done in SQL because time zone
   * arithmetic must match the bucketing below exactly.
   */
  async resolve(from: string | undefined, to: string | undefined, tz: string) {
    const rows: { from: Date; to: Date }[] = await this.db.query(
      `WITH t AS (SELECT coalesce($2::timestamptz, now()) AS to_at)
       SELECT coalesce($1::timestamptz,
                (date_trunc('week', t.to_at AT TIME ZONE $3) - interval '11 weeks') AT TIME ZONE $3) AS "from",
              t.to_at AS "to"
       FROM t`,
      [from ?? null, to ?? null, tz],
    );
    const row = rows[0];
    if (!row) throw new Error('range query returned no row');
    return row;
  }

  /** Local Monday dates of every week the range touches, oldest first. */
  async weeks(range: AnalyticsRange): Promise<string[]> {
    const rows: { week_start: string }[] = await this.db.query(
      `SELECT to_char(w, 'YYYY-MM-DD') AS week_start
       FROM generate_series(date_trunc('week', $1::timestamptz AT TIME ZONE $3),
                            date_trunc('week', ($2::timestamptz - interval '1 microsecond') AT TIME ZONE $3),
                            interval '1 week') AS w`,
      [range.from, range.to, range.tz],
    );
    return rows.map((row) => row.week_start);
  }

  private leadConditions(scope: TenantScope, range: AnalyticsRange, params: unknown[]): string {
    const conditions = [scope.sql('l', params)];
    params.push(range.from);
    conditions.push(`l.created_at >= $${params.length}`);
    params.push(range.to);
    conditions.push(`l.created_at < $${params.length}`);
    if (range.programId) {
      params.push(range.programId);
      conditions.push(`l.program_id = $${params.length}`);
    }
    return conditions.join(' AND ');
  }

  /** Leads created per week and current stage. */
  async leadsByWeekAndStage(scope: TenantScope, range: AnalyticsRange): Promise<StageCountRow[]> {
    const params: unknown[] = [range.tz];
    const where = this.leadConditions(scope, range, params);
    return this.db.query(
      formatWeeks(
        `SELECT ${weekOf('l.created_at', '$1')} AS week, l.stage, count(*) AS count
         FROM leads l WHERE ${where} GROUP BY 1, 2`,
      ),
      params,
    );
  }

  /** Leads created in the range, by current stage. */
  async leadsByStage(
    scope: TenantScope,
    range: AnalyticsRange,
  ): Promise<{ stage: LeadStage; count: string }[]> {
    const params: unknown[] = [];
    const where = this.leadConditions(scope, range, params);
    return this.db.query(
      `SELECT l.stage, count(*) AS count FROM leads l WHERE ${where} GROUP BY l.stage`,
      params,
    );
  }

  /** Transactions per week and currency (by when they occurred). */
  async revenueByWeek(scope: TenantScope, range: AnalyticsRange): Promise<MoneyWeekRow[]> {
    const params: unknown[] = [range.tz, range.from, range.to];
    const conditions = [scope.sql('t', params), 't.occurred_at >= $2', 't.occurred_at < $3'];
    let join = '';
    if (range.programId) {
      params.push(range.programId);
      join = 'JOIN customers c ON c.id = t.customer_id';
      conditions.push(`c.program_id = $${params.length}`, 'c.company_id = t.company_id');
    }
    return this.db.query(
      formatWeeks(
        `SELECT ${weekOf('t.occurred_at', '$1')} AS week, t.currency,
                sum(t.amount) AS amount, count(*) AS count
         FROM transactions t ${join}
         WHERE ${conditions.join(' AND ')} GROUP BY 1, 2`,
      ),
      params,
    );
  }

  /** Commissions per week, currency and status (by when they were earned). */
  async commissionsByWeek(scope: TenantScope, range: AnalyticsRange): Promise<CommissionWeekRow[]> {
    const params: unknown[] = [range.tz, range.from, range.to];
    const conditions = [scope.sql('m', params), 'm.created_at >= $2', 'm.created_at < $3'];
    if (range.programId) {
      params.push(range.programId);
      conditions.push(`m.program_id = $${params.length}`);
    }
    return this.db.query(
      formatWeeks(
        `SELECT ${weekOf('m.created_at', '$1')} AS week, m.currency, m.status,
                sum(m.amount) AS amount
         FROM commissions m
         WHERE ${conditions.join(' AND ')} GROUP BY 1, 2, 3`,
      ),
      params,
    );
  }

  /**
   * The partners with the most leads (or wins) created in the range, with their counts. Ranked
   * first on what an index answers alone — leads per partner from (company, partner, created_at),
   * wins per partner from (company, stage, created_at) — then the full counts are read for those
   * few partners only, so a year of a million leads is not read row by row.
   */
  async topPartners(
    scope: TenantScope,
    range: AnalyticsRange,
    sort: 'leads' | 'won',
    limit: number,
  ): Promise<PartnerCountRow[]> {
    let ids = await this.rankPartners(
      scope,
      range,
      limit,
      sort === 'won' ? 'closed_won' : null,
      [],
    );
    // Too few partners with wins: the rest of the list is the partners with the most leads.
    if (sort === 'won' && ids.length < limit) {
      ids = [...ids, ...(await this.rankPartners(scope, range, limit - ids.length, null, ids))];
    }
    if (ids.length === 0) return [];
    const rows = await this.partnerCounts(scope, range, ids);
    const key = (row: PartnerCountRow) =>
      sort === 'won' ? [Number(row.won), Number(row.leads)] : [Number(row.leads), Number(row.won)];
    return rows.sort((a, b) => {
      const [a1 = 0, a2 = 0] = key(a);
      const [b1 = 0, b2 = 0] = key(b);
      return b1 - a1 || b2 - a2 || a.partner_id.localeCompare(b.partner_id);
    });
  }

  /** Partner ids by their number of leads in the range (only leads in `stage`, if given). */
  private async rankPartners(
    scope: TenantScope,
    range: AnalyticsRange,
    limit: number,
    stage: LeadStage | null,
    exclude: string[],
  ): Promise<string[]> {
    const params: unknown[] = [];
    const conditions = [this.leadConditions(scope, range, params)];
    if (stage) {
      params.push(stage);
      conditions.push(`l.stage = $${params.length}`);
    }
    if (exclude.length > 0) {
      params.push(exclude);
      conditions.push(`NOT (l.partner_id = ANY($${params.length}::uuid[]))`);
    }
    params.push(limit);
    const rows: { partner_id: string }[] = await this.db.query(
      `SELECT l.partner_id, count(*) AS n FROM leads l WHERE ${conditions.join(' AND ')}
       GROUP BY l.partner_id ORDER BY n DESC, l.partner_id LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => row.partner_id);
  }

  /** Leads, qualified-or-beyond and won counts in the range for the given partners, with names. */
  private partnerCounts(
    scope: TenantScope,
    range: AnalyticsRange,
    ids: string[],
  ): Promise<PartnerCountRow[]> {
    const params: unknown[] = [];
    const where = this.leadConditions(scope, range, params);
    params.push(ids);
    return this.db.query(
      `WITH counts AS (
         SELECT l.partner_id, count(*) AS leads,
                count(*) FILTER (WHERE l.stage IN ('qualified', 'closed_won', 'closed_lost')) AS qualified,
                count(*) FILTER (WHERE l.stage = 'closed_won') AS won
         FROM leads l WHERE ${where} AND l.partner_id = ANY($${params.length}::uuid[])
         GROUP BY l.partner_id
       )
       SELECT c.partner_id, p.name AS partner_name, c.leads, c.qualified, c.won
       FROM counts c JOIN partners p ON p.id = c.partner_id`,
      params,
    );
  }

  /** Revenue of the given partners' customers in the range, per partner and currency. */
  async partnerRevenue(
    scope: TenantScope,
    range: AnalyticsRange,
    partnerIds: string[],
  ): Promise<PartnerMoneyRow[]> {
    const params: unknown[] = [range.from, range.to, partnerIds];
    const conditions = [
      scope.sql('t', params),
      'c.company_id = t.company_id',
      't.occurred_at >= $1',
      't.occurred_at < $2',
      'c.partner_id = ANY($3::uuid[])',
    ];
    if (range.programId) {
      params.push(range.programId);
      conditions.push(`c.program_id = $${params.length}`);
    }
    return this.db.query(
      `SELECT c.partner_id, t.currency, sum(t.amount) AS amount
       FROM transactions t JOIN customers c ON c.id = t.customer_id
       WHERE ${conditions.join(' AND ')}
       GROUP BY 1, 2`,
      params,
    );
  }

  /** Commissions the given partners earned in the range (declined excluded). */
  async partnerCommissions(
    scope: TenantScope,
    range: AnalyticsRange,
    partnerIds: string[],
  ): Promise<PartnerMoneyRow[]> {
    const params: unknown[] = [range.from, range.to, partnerIds];
    const conditions = [
      scope.sql('m', params),
      'm.created_at >= $1',
      'm.created_at < $2',
      'm.partner_id = ANY($3::uuid[])',
      `m.status <> 'declined'`,
    ];
    if (range.programId) {
      params.push(range.programId);
      conditions.push(`m.program_id = $${params.length}`);
    }
    return this.db.query(
      `SELECT m.partner_id, m.currency, sum(m.amount) AS amount
       FROM commissions m
       WHERE ${conditions.join(' AND ')}
       GROUP BY 1, 2`,
      params,
    );
  }
}
