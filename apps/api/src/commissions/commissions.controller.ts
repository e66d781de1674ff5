import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, PartnerAllowed, Roles } from '../common/auth/auth.decorators';
import { actorOf, type Principal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import {
  type BulkCommissionResult,
  type BulkCommissionStatusBody,
  bulkCommissionResponseSchema,
  bulkCommissionStatusBody,
  type CommissionDto,
  type CommissionFilters,
  type CommissionTotalsDto,
  commissionFiltersQuery,
  commissionPageSchema,
  commissionSchema,
  commissionTotalsSchema,
  type ListCommissionsQuery,
  listCommissionsQuery,
} from './commissions.dto';
import { CommissionsService } from './commissions.service';

@ApiTags('commissions')
@Controller('v1/commissions')
export class CommissionsController {
  constructor(private readonly commissions: CommissionsService) {}

  /** Commissions, newest first. A partner session sees only its own in its program. */
  @PartnerAllowed()
  @Get()
  @ApiOkResponse({ standardSchema: commissionPageSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  listCommissions(
    @Scope() scope: TenantScope,
    @Query({ schema: listCommissionsQuery }) query: ListCommissionsQuery,
  ): Promise<Page<CommissionDto>> {
    return this.commissions.list(scope, query);
  }

  /** Sums per status and currency, in minor units (a partner: its own). */
  @PartnerAllowed()
  @Get('totals')
  @ApiOkResponse({ standardSchema: commissionTotalsSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  getCommissionTotals(
    @Scope() scope: TenantScope,
    @Query({ schema: commissionFiltersQuery }) filters: CommissionFilters,
  ): Promise<CommissionTotalsDto> {
    return this.commissions.totals(scope, filters);
  }

  /** The filtered commissions as a CSV file (spreadsheet-safe: formula cells are neutralised). */
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'CSV, UTF-8 with BOM, one commission per row; amounts as decimals and minor units.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  async exportCommissions(
    @Scope() scope: TenantScope,
    @Query({ schema: commissionFiltersQuery }) filters: CommissionFilters,
    @Res() response: Response,
  ): Promise<void> {
    await this.commissions.exportCsv(scope, filters, response);
  }

  /**
   * Approve, decline or mark paid up to 200 commissions (pending → approved → paid, or
   * declined). Each id gets its own result; who and when is recorded; approved and paid ones
   * are emailed to the partner.
   */
  @Roles('owner', 'admin')
  @Post('bulk-status')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: bulkCommissionResponseSchema })
  @ApiResponse({ status: 403, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  bulkUpdateCommissionStatus(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Body({ schema: bulkCommissionStatusBody }) body: BulkCommissionStatusBody,
  ): Promise<{ results: BulkCommissionResult[] }> {
    return this.commissions.bulkStatus(actorOf(principal), scope, body);
  }

  @PartnerAllowed()
  @Get(':id')
  @ApiOkResponse({ standardSchema: commissionSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  getCommission(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<CommissionDto> {
    return this.commissions.get(scope, id);
  }
}
