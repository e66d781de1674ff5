import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerAllowed, Roles } from '../common/auth/auth.decorators';
import { actorOf, type Principal } from '../common/auth/principal';
import type { HttpReply } from '../common/http/http';
import type { Page } from '../common/pagination/cursor';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
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

  @PartnerAllowed()
  @Get()
  @ApiOperation({
    summary: 'List commissions',
    description:
      'Commissions, newest first, filtered by status, partner, program or date. A partner session sees only its own in its program. Read-only.',
  })
  @ApiOkResponse({ standardSchema: commissionPageSchema })
  listCommissions(
    @Scope() scope: TenantScope,
    @Query({ schema: listCommissionsQuery }) query: ListCommissionsQuery,
  ): Promise<Page<CommissionDto>> {
    return this.commissions.list(scope, query);
  }

  @PartnerAllowed()
  @Get('totals')
  @ApiOperation({
    summary: 'Commission totals',
    description:
      'Sums per status and currency, in minor units, for the same filters as `listCommissions` (a partner: its own). Read-only.',
  })
  @ApiOkResponse({ standardSchema: commissionTotalsSchema })
  getCommissionTotals(
    @Scope() scope: TenantScope,
    @Query({ schema: commissionFiltersQuery }) filters: CommissionFilters,
  ): Promise<CommissionTotalsDto> {
    return this.commissions.totals(scope, filters);
  }

  @Get('export.csv')
  @ApiOperation({
    summary: 'Export commissions as CSV',
    description:
      'The filtered commissions as a CSV file (UTF-8 with BOM; formula cells neutralised for spreadsheets), amounts as decimals and minor units. Read-only.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description:
      'CSV, UTF-8 with BOM, one commission per row; amounts as decimals and minor units.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  exportCommissions(
    @Scope() scope: TenantScope,
    @Query({ schema: commissionFiltersQuery }) filters: CommissionFilters,
    @Res() response: HttpReply,
  ): HttpReply {
    return this.commissions.exportCsv(scope, filters, response);
  }

  @Roles('owner', 'admin')
  @Post('bulk-status')
  @ApiOperation({
    summary: 'Approve, decline or mark commissions paid',
    description:
      'Moves up to 200 commissions along pending → approved → paid, or to declined. Each id gets its own result (one bad id does not stop the others); who and when is recorded; approved and paid ones are emailed to the partner. Owners and admins.',
  })
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: bulkCommissionResponseSchema })
  bulkUpdateCommissionStatus(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Body({ schema: bulkCommissionStatusBody }) body: BulkCommissionStatusBody,
  ): Promise<{ results: BulkCommissionResult[] }> {
    return this.commissions.bulkStatus(actorOf(principal), scope, body);
  }

  @PartnerAllowed()
  @Get(':id')
  @ApiOperation({
    summary: 'Get a commission',
    description: 'One commission with its lead, partner, rule and status history. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: commissionSchema })
  getCommission(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<CommissionDto> {
    return this.commissions.get(scope, id);
  }
}
