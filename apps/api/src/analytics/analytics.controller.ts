import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import {
  type AnalyticsRangeQuery,
  analyticsRangeQuery,
  type FunnelDto,
  funnelSchema,
  type LeadsByWeekDto,
  leadsByWeekSchema,
  type RevenueDto,
  revenueSchema,
  type TopPartnersDto,
  type TopPartnersQuery,
  topPartnersQuery,
  topPartnersSchema,
} from './analytics.dto';
import { AnalyticsService } from './analytics.service';

/**
 * Dashboard aggregates for company principals. Every route takes `programId`, `from`, `to`
 * (ISO instants; default: the last 12 calendar weeks) and `tz` (weeks start on Monday there).
 */
@ApiTags('analytics')
@Controller('v1/analytics')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  /** Leads created per week, split by the stage each is in now. */
  @Get('leads-by-week')
  @ApiOkResponse({ standardSchema: leadsByWeekSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  getLeadsByWeek(
    @Scope() scope: TenantScope,
    @Query({ schema: analyticsRangeQuery }) query: AnalyticsRangeQuery,
  ): Promise<LeadsByWeekDto> {
    return this.analytics.leadsByWeek(scope, query);
  }

  /** Submitted → qualified → won for the leads created in the range, with rates. */
  @Get('funnel')
  @ApiOkResponse({ standardSchema: funnelSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  getLeadFunnel(
    @Scope() scope: TenantScope,
    @Query({ schema: analyticsRangeQuery }) query: AnalyticsRangeQuery,
  ): Promise<FunnelDto> {
    return this.analytics.funnel(scope, query);
  }

  /** Revenue (transactions) and commissions per week, one series per currency. */
  @Get('revenue')
  @ApiOkResponse({ standardSchema: revenueSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  getRevenueByWeek(
    @Scope() scope: TenantScope,
    @Query({ schema: analyticsRangeQuery }) query: AnalyticsRangeQuery,
  ): Promise<RevenueDto> {
    return this.analytics.revenue(scope, query);
  }

  /** The partners with the most leads (`sort=leads`) or wins (`sort=won`) in the range. */
  @Get('top-partners')
  @ApiOkResponse({ standardSchema: topPartnersSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  getTopPartners(
    @Scope() scope: TenantScope,
    @Query({ schema: topPartnersQuery }) query: TopPartnersQuery,
  ): Promise<TopPartnersDto> {
    return this.analytics.topPartners(scope, query);
  }
}
