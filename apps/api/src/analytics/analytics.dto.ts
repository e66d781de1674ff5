import { LEAD_STAGES } from '@leadbridge/core';
import { z } from 'zod/mini';
import { isoDateTimeSchema, uuidSchema } from '../common/validation/common-schemas';

/** How far back the dashboard looks when the caller names no range. */
export const DEFAULT_RANGE_WEEKS = 12;
/** Weekly buckets over at most this many days (~5 years): bounds every answer's size. */
export const MAX_RANGE_DAYS = 366 * 5;
export const TOP_PARTNERS_MAX = 50;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The filter every dashboard aggregate shares. */
const rangeShape = {
  /** Only this program's leads and money. */
  programId: z.optional(uuidSchema),
  /** Start of the range (inclusive); default: 12 weeks before `to`, at the start of that week. */
  from: z.optional(isoDateTimeSchema),
  /** End of the range (exclusive); default: now. */
  to: z.optional(isoDateTimeSchema),
  /** IANA time zone whose calendar weeks (Monday first) bucket the series; default UTC. */
  tz: z.optional(
    z
      .string()
      .check(
        z.maxLength(64),
        z.refine(isTimeZone, 'tz must be an IANA time zone, e.g. Europe/Berlin'),
      ),
  ),
};

export const analyticsRangeQuery = z.object(rangeShape);
export type AnalyticsRangeQuery = z.infer<typeof analyticsRangeQuery>;

export const topPartnersQuery = z.object({
  ...rangeShape,
  /** `leads` (default): most leads submitted in the range; `won`: most leads won. */
  sort: z.optional(z.enum(['leads', 'won'])),
  limit: z.optional(
    z.string().check(
      z.regex(/^\d+$/, 'limit must be a whole number'),
      z.refine(
        (value) => Number(value) >= 1 && Number(value) <= TOP_PARTNERS_MAX,
        `limit must be 1–${TOP_PARTNERS_MAX}`,
      ),
    ),
  ),
});
export type TopPartnersQuery = z.infer<typeof topPartnersQuery>;

/** The range an answer covers, after defaults: clients label charts with it. */
export const analyticsRangeSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    tz: z.string(),
    programId: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'AnalyticsRange' });

const stageCountsShape = Object.fromEntries(LEAD_STAGES.map((stage) => [stage, z.int()])) as {
  [K in (typeof LEAD_STAGES)[number]]: z.ZodMiniInt;
};

export const leadsWeekSchema = z
  .object({
    /** Local date (YYYY-MM-DD) of the week's Monday in `tz`. */
    weekStart: z.string(),
    total: z.int(),
    ...stageCountsShape,
  })
  .register(z.globalRegistry, {
    id: 'LeadsWeek',
    description: 'Leads created in one week, counted by the stage they are in now.',
  });

export const leadsByWeekSchema = z
  .object({ range: analyticsRangeSchema, data: z.array(leadsWeekSchema) })
  .register(z.globalRegistry, {
    id: 'LeadsByWeek',
    description: 'Every week of the range, oldest first (weeks without leads count zero).',
  });
export type LeadsByWeekDto = z.infer<typeof leadsByWeekSchema>;
export type LeadsWeekDto = z.infer<typeof leadsWeekSchema>;

export const funnelStepSchema = z
  .object({
    key: z.enum(['submitted', 'qualified', 'won']),
    count: z.int(),
    /** Share of the previous step that reached this one (0–1); null for the first step or 0/0. */
    rateFromPrevious: z.nullable(z.number()),
    /** Share of all submitted leads (0–1); null when nothing was submitted. */
    rateFromStart: z.nullable(z.number()),
  })
  .register(z.globalRegistry, { id: 'FunnelStep' });

export const funnelSchema = z
  .object({
    range: analyticsRangeSchema,
    /**
     * submitted = every lead created in the range; qualified = those now qualified, won or lost
     * (worked past qualification); won = those now closed_won.
     */
    steps: z.array(funnelStepSchema),
    stages: z.object(stageCountsShape),
  })
  .register(z.globalRegistry, {
    id: 'Funnel',
    description: 'Conversion of the leads created in the range, by the stage they reached.',
  });
export type FunnelDto = z.infer<typeof funnelSchema>;
export type FunnelStepDto = z.infer<typeof funnelStepSchema>;

export const revenuePointSchema = z
  .object({
    weekStart: z.string(),
    /** Transactions recorded in the week (minor units; refunds negative). */
    revenue: z.int(),
    transactions: z.int(),
    /** Commissions created in the week, declined ones excluded (minor units). */
    commissions: z.int(),
  })
  .register(z.globalRegistry, { id: 'RevenuePoint' });

export const revenueSeriesSchema = z
  .object({
    currency: z.string(),
    totals: z.object({
      revenue: z.int(),
      transactions: z.int(),
      commissions: z.int(),
      commissionsPending: z.int(),
      commissionsApproved: z.int(),
      commissionsPaid: z.int(),
    }),
    points: z.array(revenuePointSchema),
  })
  .register(z.globalRegistry, { id: 'RevenueSeries' });

export const revenueSchema = z
  .object({ range: analyticsRangeSchema, data: z.array(revenueSeriesSchema) })
  .register(z.globalRegistry, {
    id: 'Revenue',
    description:
      'Revenue and commissions per week, one series per currency (amounts are never summed across currencies).',
  });
export type RevenueDto = z.infer<typeof revenueSchema>;
export type RevenueSeriesDto = z.infer<typeof revenueSeriesSchema>;

const moneyAmountSchema = z.object({ amount: z.int(), currency: z.string() });

export const topPartnerSchema = z
  .object({
    partner: z.object({ id: z.string(), name: z.string() }),
    leads: z.int(),
    qualified: z.int(),
    won: z.int(),
    /** won / leads (0–1). */
    winRate: z.number(),
    /** Transactions of this partner's customers in the range, per currency. */
    revenue: z.array(moneyAmountSchema),
    /** Commissions created in the range (declined excluded), per currency. */
    commissions: z.array(moneyAmountSchema),
  })
  .register(z.globalRegistry, { id: 'TopPartner' });

export const topPartnersSchema = z
  .object({ range: analyticsRangeSchema, data: z.array(topPartnerSchema) })
  .register(z.globalRegistry, {
    id: 'TopPartners',
    description: 'Partners with the most leads (or wins) created in the range.',
  });
export type TopPartnersDto = z.infer<typeof topPartnersSchema>;
export type TopPartnerDto = z.infer<typeof topPartnerSchema>;
