import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { ApiProblems } from '../openapi/api-problems';
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

  @Get('leads-by-week')
  @ApiOperation({
    summary: 'Leads per week by stage',
    description:
      'Dashboard series: leads created per week in the range, split by the stage each is in now. Read-only. `programId` narrows to one program (404 if it is not yours).',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: leadsByWeekSchema })
  getLeadsByWeek(
    @Scope() scope: TenantScope,
    @Query({ schema: analyticsRangeQuery }) query: AnalyticsRangeQuery,
  ): Promise<LeadsByWeekDto> {
    return this.analytics.leadsByWeek(scope, query);
  }

  @Get('funnel')
  @ApiOperation({
    summary: 'Lead funnel',
    description:
      'Submitted → qualified → won for the leads created in the range, with conversion rates. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: funnelSchema })
  getLeadFunnel(
    @Scope() scope: TenantScope,
    @Query({ schema: analyticsRangeQuery }) query: AnalyticsRangeQuery,
  ): Promise<FunnelDto> {
    return this.analytics.funnel(scope, query);
  }

  @Get('revenue')
  @ApiOperation({
    summary: 'Revenue and commissions per week',
    description:
      'Revenue (customer transactions) and commissions per week, one series per currency, in minor units. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: revenueSchema })
  getRevenueByWeek(
    @Scope() scope: TenantScope,
    @Query({ schema: analyticsRangeQuery }) query: AnalyticsRangeQuery,
  ): Promise<RevenueDto> {
    return this.analytics.revenue(scope, query);
  }

  @Get('top-partners')
  @ApiOperation({
    summary: 'Top partners',
    description:
      'The partners with the most leads (`sort=leads`) or wins (`sort=won`) in the range. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: topPartnersSchema })
  getTopPartners(
    @Scope() scope: TenantScope,
    @Query({ schema: topPartnersQuery }) query: TopPartnersQuery,
  ): Promise<TopPartnersDto> {
    return this.analytics.topPartners(scope, query);
  }
}
