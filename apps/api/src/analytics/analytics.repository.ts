import type { LeadStage } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tenantCondition } from '../common/database/tenant-condition';
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

const DAY_MS = 86_400_000;

/** The stages a lead has reached qualification in (core's funnel). */
const QUALIFIED_SQL = `('qualified', 'closed_won', 'closed_lost')`;

/**
 * The rollups count per company and program, not per partner: a partner's own scope never
 * reaches the dashboard (the controller refuses partner sessions), and must not read them.
 */
function companyOnly(scope: TenantScope): void {
  if (scope.isPartner) throw new Error('the lead count rollups are company-wide');
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
      `SELECT 1 FROM programs g WHERE g.id = $1 AND ${tenantCondition(scope, 'g', params, { owned: false })}`,
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

  /**
   * A read of the rollups (and of the few leads at their edges) without JIT: the planner cannot
   * size the join of the leads with the cut hours, guesses hundreds of thousands of rows and
   * would spend far longer compiling the query than running it.
   */
  private rollupQuery<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SET LOCAL jit = off`);
      return manager.query(sql, params);
    });
  }

  /**
   * Companies with lead-count changes not yet folded, for the periodic fold that keeps the
   * change table small. Across tenants on purpose (a maintenance read, ids only); a loose
   * index scan of the change table's primary key reads one entry per company, not per change.
   */
  async companiesWithLeadCountChanges(): Promise<string[]> {
    const rows: { company_id: string }[] = await this.db.query(
      `WITH RECURSIVE c AS (
         (SELECT company_id FROM lead_count_changes ORDER BY company_id LIMIT 1)
         UNION ALL
         SELECT (SELECT n.company_id FROM lead_count_changes n
                  WHERE n.company_id > c.company_id ORDER BY n.company_id LIMIT 1)
           FROM c WHERE c.company_id IS NOT NULL
       )
       SELECT company_id FROM c WHERE company_id IS NOT NULL`,
    );
    return rows.map((row) => row.company_id);
  }

  /**
   * Moves the changes the leads table's triggers appended into the company's rollups, so the
   * reads after it count every lead committed before it. Serialised per company: two folds
   * upserting the same rollup rows in different orders could otherwise deadlock.
   */
  async foldLeadCounts(companyId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `lb:lead-counts:${companyId}`,
      ]);
      // A plain index scan marks the rows it finds deleted in the index, so after a burst of
      // changes later folds skip them instead of re-reading them until the next vacuum.
      await manager.query(`SET LOCAL enable_bitmapscan = off`);
      await manager.query(
        `WITH d AS (
           DELETE FROM lead_count_changes WHERE company_id = $1
           RETURNING program_id, partner_id, hour, stage, delta
         ), h AS (
           INSERT INTO lead_counts_hourly (company_id, hour, program_id, stage, leads)
           SELECT $1, hour, program_id, stage, sum(delta) FROM d GROUP BY 2, 3, 4
           ON CONFLICT (company_id, hour, program_id, stage)
           DO UPDATE SET leads = lead_counts_hourly.leads + excluded.leads
         )
         INSERT INTO lead_counts_daily (company_id, day, program_id, partner_id, leads, qualified, won)
         SELECT $1, (hour AT TIME ZONE 'UTC')::date, program_id, partner_id, sum(delta),
                coalesce(sum(delta) FILTER (WHERE stage IN ${QUALIFIED_SQL}), 0),
                coalesce(sum(delta) FILTER (WHERE stage = 'closed_won'), 0)
           FROM d GROUP BY 2, 3, 4
         ON CONFLICT (company_id, day, program_id, partner_id)
         DO UPDATE SET leads = lead_counts_daily.leads + excluded.leads,
                       qualified = lead_counts_daily.qualified + excluded.qualified,
                       won = lead_counts_daily.won + excluded.won`,
        [companyId],
      );
    });
  }

  /**
   * Leads created in the range by current stage, per week of `range.tz` when `byWeek`. Whole
   * UTC hours come from the hourly rollup; an hour that a range end or a week boundary cuts
   * (time zones with half-hour offsets, ranges not on the hour) is counted from its leads, so
   * the answer is exact for any range and zone while reading O(hours), not O(leads).
   */
  private stageCounts(
    scope: TenantScope,
    range: AnalyticsRange,
    byWeek: boolean,
  ): Promise<{ week: string | null; stage: LeadStage; count: string }[]> {
    companyOnly(scope);
    const params: unknown[] = [range.from, range.to, scope.companyId];
    let week = (_column: string) => 'NULL::timestamp';
    let weekCuts = '';
    if (byWeek) {
      params.push(range.tz);
      const tz = `$${params.length}`;
      week = (column) => weekOf(column, tz);
      weekCuts = `UNION SELECT w AT TIME ZONE ${tz}
           FROM generate_series(date_trunc('week', $1::timestamptz AT TIME ZONE ${tz}),
                                date_trunc('week', $2::timestamptz AT TIME ZONE ${tz}),
                                interval '1 week') AS w`;
    }
    let program = (_alias: string) => '';
    if (range.programId) {
      params.push(range.programId);
      program = (alias) => `AND ${alias}.program_id = $${params.length}`;
    }
    return this.rollupQuery(
      `WITH cuts AS (
         SELECT $1::timestamptz AS at UNION SELECT $2::timestamptz ${weekCuts}
       ), cut_hours AS (
         SELECT DISTINCT date_trunc('hour', at, 'UTC') AS hour FROM cuts
          WHERE at <> date_trunc('hour', at, 'UTC')
       ), counted AS (
         SELECT ${week('r.hour')} AS week, r.stage, r.leads AS n
           FROM lead_counts_hourly r
          WHERE r.company_id = $3 AND r.hour >= $1 AND r.hour <= $2::timestamptz - interval '1 hour'
            ${program('r')} AND r.hour NOT IN (SELECT hour FROM cut_hours)
         UNION ALL
         SELECT ${week('l.created_at')}, l.stage, 1
           FROM cut_hours c
           JOIN leads l ON l.company_id = $3
                       AND l.created_at >= greatest(c.hour, $1) AND l.created_at < least(c.hour + interval '1 hour', $2)
          WHERE true ${program('l')}
       )
       SELECT to_char(week, 'YYYY-MM-DD') AS week, stage, sum(n) AS count
         FROM counted GROUP BY week, stage`,
      params,
    );
  }

  /** Leads created per week and current stage. */
  async leadsByWeekAndStage(scope: TenantScope, range: AnalyticsRange): Promise<StageCountRow[]> {
    const rows = await this.stageCounts(scope, range, true);
    return rows.map((row) => ({ week_start: row.week ?? '', stage: row.stage, count: row.count }));
  }

  /** Leads created in the range, by current stage. */
  async leadsByStage(
    scope: TenantScope,
    range: AnalyticsRange,
  ): Promise<{ stage: LeadStage; count: string }[]> {
    const rows = await this.stageCounts(scope, range, false);
    return rows.map((row) => ({ stage: row.stage, count: row.count }));
  }

  /** Transactions per week and currency (by when they occurred). */
  async revenueByWeek(scope: TenantScope, range: AnalyticsRange): Promise<MoneyWeekRow[]> {
    const params: unknown[] = [range.tz, range.from, range.to];
    const conditions = [
      tenantCondition(scope, 't', params),
      't.occurred_at >= $2',
      't.occurred_at < $3',
    ];
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
    const conditions = [
      tenantCondition(scope, 'm', params),
      'm.created_at >= $2',
      'm.created_at < $3',
    ];
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
   * The partners with the most leads (or wins) created in the range, with their counts: whole
   * UTC days from the daily rollup, the partial days at the range's ends from their leads.
   */
  async topPartners(
    scope: TenantScope,
    range: AnalyticsRange,
    sort: 'leads' | 'won',
    limit: number,
  ): Promise<PartnerCountRow[]> {
    companyOnly(scope);
    const { from, to } = range;
    // [firstDay, lastDay) are the whole UTC days inside the range; none when it is shorter.
    const firstDay = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
    const lastDay = new Date(Math.floor(to.getTime() / DAY_MS) * DAY_MS);
    const whole = firstDay < lastDay;
    const params: unknown[] = [
      scope.companyId,
      from,
      whole ? firstDay : to,
      whole ? lastDay : to,
      to,
      firstDay.toISOString().slice(0, 10),
      lastDay.toISOString().slice(0, 10),
      whole,
      limit,
    ];
    let program = (_alias: string) => '';
    if (range.programId) {
      params.push(range.programId);
      program = (alias) => `AND ${alias}.program_id = $${params.length}`;
    }
    const order = sort === 'won' ? 'won DESC, leads DESC' : 'leads DESC, won DESC';
    const edge = (lower: string, upper: string) =>
      `SELECT l.partner_id, 1 AS leads, (l.stage IN ${QUALIFIED_SQL})::int AS qualified,
              (l.stage = 'closed_won')::int AS won
         FROM leads l
        WHERE l.company_id = $1 AND l.created_at >= ${lower} AND l.created_at < ${upper} ${program('l')}`;
    return this.rollupQuery(
      `WITH counts AS (
         SELECT partner_id, sum(leads) AS leads, sum(qualified) AS qualified, sum(won) AS won
           FROM (
             SELECT r.partner_id, r.leads, r.qualified, r.won FROM lead_counts_daily r
              WHERE $8 AND r.company_id = $1 AND r.day >= $6::date AND r.day < $7::date ${program('r')}
             UNION ALL ${edge('$2', '$3')}
             UNION ALL ${edge('$4', '$5')}
           ) c
          GROUP BY partner_id HAVING sum(leads) > 0
          ORDER BY ${order}, partner_id LIMIT $9
       )
       SELECT c.partner_id, p.name AS partner_name, c.leads, c.qualified, c.won
         FROM counts c JOIN partners p ON p.id = c.partner_id AND p.company_id = $1
        ORDER BY ${order}, c.partner_id`,
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
      tenantCondition(scope, 't', params),
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
      tenantCondition(scope, 'm', params),
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
