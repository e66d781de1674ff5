import { LEAD_STAGES, type LeadStage } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { notFound, validationProblem } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import {
  type AnalyticsRangeQuery,
  type FunnelDto,
  type LeadsByWeekDto,
  type LeadsWeekDto,
  MAX_RANGE_DAYS,
  type RevenueDto,
  type RevenueSeriesDto,
  type TopPartnersDto,
  type TopPartnersQuery,
} from './analytics.dto';
import {
  type AnalyticsRange,
  AnalyticsRepository,
  type PartnerMoneyRow,
} from './analytics.repository';

const DAY_MS = 86_400_000;
const QUALIFIED_OR_BEYOND: readonly LeadStage[] = ['qualified', 'closed_won', 'closed_lost'];

function zeroStages(): Record<LeadStage, number> {
  return Object.fromEntries(LEAD_STAGES.map((stage) => [stage, 0])) as Record<LeadStage, number>;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function moneyByPartner(
  rows: PartnerMoneyRow[],
): Map<string, { amount: number; currency: string }[]> {
  const byPartner = new Map<string, { amount: number; currency: string }[]>();
  for (const row of rows) {
    const list = byPartner.get(row.partner_id) ?? [];
    list.push({ amount: Number(row.amount), currency: row.currency });
    byPartner.set(row.partner_id, list);
  }
  for (const list of byPartner.values()) list.sort((a, b) => a.currency.localeCompare(b.currency));
  return byPartner;
}

/** The dashboard's numbers: leads over time, conversion, money, best partners. */
@Injectable()
export class AnalyticsService {
  constructor(private readonly repository: AnalyticsRepository) {}

  private async range(scope: TenantScope, query: AnalyticsRangeQuery): Promise<AnalyticsRange> {
    const tz = query.tz ?? 'UTC';
    const { from, to } = await this.repository.resolve(query.from, query.to, tz);
    if (from.getTime() >= to.getTime()) {
      throw validationProblem([
        { field: 'from', code: 'invalid_range', message: 'from must be before to' },
      ]);
    }
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      throw validationProblem([
        {
          field: 'from',
          code: 'range_too_long',
          message: `the range may span at most ${MAX_RANGE_DAYS} days`,
        },
      ]);
    }
    if (query.programId && !(await this.repository.programExists(scope, query.programId))) {
      throw notFound('Program');
    }
    return { from, to, tz, programId: query.programId ?? null };
  }

  /** The range, with the lead counts brought up to date meanwhile. */
  private async countedRange(
    scope: TenantScope,
    query: AnalyticsRangeQuery,
  ): Promise<AnalyticsRange> {
    const [range] = await Promise.all([
      this.range(scope, query),
      this.repository.foldLeadCounts(scope.companyId),
    ]);
    return range;
  }

  private rangeDto(range: AnalyticsRange) {
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      tz: range.tz,
      programId: range.programId,
    };
  }

  async leadsByWeek(scope: TenantScope, query: AnalyticsRangeQuery): Promise<LeadsByWeekDto> {
    const range = await this.countedRange(scope, query);
    const [weeks, rows] = await Promise.all([
      this.repository.weeks(range),
      this.repository.leadsByWeekAndStage(scope, range),
    ]);
    const byWeek = new Map<string, LeadsWeekDto>(
      weeks.map((weekStart) => [weekStart, { weekStart, total: 0, ...zeroStages() }]),
    );
    for (const row of rows) {
      const week = byWeek.get(row.week_start);
      if (!week) continue;
      const count = Number(row.count);
      week[row.stage] += count;
      week.total += count;
    }
    return { range: this.rangeDto(range), data: [...byWeek.values()] };
  }

  async funnel(scope: TenantScope, query: AnalyticsRangeQuery): Promise<FunnelDto> {
    const range = await this.countedRange(scope, query);
    const stages = zeroStages();
    for (const row of await this.repository.leadsByStage(scope, range)) {
      stages[row.stage] = Number(row.count);
    }
    const submitted = LEAD_STAGES.reduce((sum, stage) => sum + stages[stage], 0);
    const qualified = QUALIFIED_OR_BEYOND.reduce((sum, stage) => sum + stages[stage], 0);
    const won = stages.closed_won;
    return {
      range: this.rangeDto(range),
      steps: [
        {
          key: 'submitted',
          count: submitted,
          rateFromPrevious: null,
          rateFromStart: ratio(submitted, submitted),
        },
        {
          key: 'qualified',
          count: qualified,
          rateFromPrevious: ratio(qualified, submitted),
          rateFromStart: ratio(qualified, submitted),
        },
        {
          key: 'won',
          count: won,
          rateFromPrevious: ratio(won, qualified),
          rateFromStart: ratio(won, submitted),
        },
      ],
      stages,
    };
  }

  async revenue(scope: TenantScope, query: AnalyticsRangeQuery): Promise<RevenueDto> {
    const range = await this.range(scope, query);
    const [weeks, revenueRows, commissionRows] = await Promise.all([
      this.repository.weeks(range),
      this.repository.revenueByWeek(scope, range),
      this.repository.commissionsByWeek(scope, range),
    ]);
    const series = new Map<string, RevenueSeriesDto>();
    const seriesFor = (currency: string): RevenueSeriesDto => {
      let found = series.get(currency);
      if (!found) {
        found = {
          currency,
          totals: {
            revenue: 0,
            transactions: 0,
            commissions: 0,
            commissionsPending: 0,
            commissionsApproved: 0,
            commissionsPaid: 0,
          },
          points: weeks.map((weekStart) => ({
            weekStart,
            revenue: 0,
            transactions: 0,
            commissions: 0,
          })),
        };
        series.set(currency, found);
      }
      return found;
    };
    const index = new Map(weeks.map((week, i) => [week, i]));
    for (const row of revenueRows) {
      const s = seriesFor(row.currency);
      const point = s.points[index.get(row.week_start) ?? -1];
      const amount = Number(row.amount);
      const count = Number(row.count);
      s.totals.revenue += amount;
      s.totals.transactions += count;
      if (point) {
        point.revenue += amount;
        point.transactions += count;
      }
    }
    for (const row of commissionRows) {
      const s = seriesFor(row.currency);
      const amount = Number(row.amount);
      if (row.status === 'declined') continue;
      if (row.status === 'pending') s.totals.commissionsPending += amount;
      if (row.status === 'approved') s.totals.commissionsApproved += amount;
      if (row.status === 'paid') s.totals.commissionsPaid += amount;
      s.totals.commissions += amount;
      const point = s.points[index.get(row.week_start) ?? -1];
      if (point) point.commissions += amount;
    }
    const data = [...series.values()].sort(
      (a, b) => b.totals.revenue - a.totals.revenue || a.currency.localeCompare(b.currency),
    );
    return { range: this.rangeDto(range), data };
  }

  async topPartners(scope: TenantScope, query: TopPartnersQuery): Promise<TopPartnersDto> {
    const range = await this.countedRange(scope, query);
    const limit = query.limit ? Number(query.limit) : 10;
    const rows = await this.repository.topPartners(scope, range, query.sort ?? 'leads', limit);
    const ids = rows.map((row) => row.partner_id);
    const [revenue, commissions] =
      ids.length === 0
        ? [new Map(), new Map()]
        : await Promise.all([
            this.repository.partnerRevenue(scope, range, ids).then(moneyByPartner),
            this.repository.partnerCommissions(scope, range, ids).then(moneyByPartner),
          ]);
    return {
      range: this.rangeDto(range),
      data: rows.map((row) => {
        const leads = Number(row.leads);
        const won = Number(row.won);
        return {
          partner: { id: row.partner_id, name: row.partner_name },
          leads,
          qualified: Number(row.qualified),
          won,
          winRate: leads > 0 ? won / leads : 0,
          revenue: revenue.get(row.partner_id) ?? [],
          commissions: commissions.get(row.partner_id) ?? [],
        };
      }),
    };
  }
}
