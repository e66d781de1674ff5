import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, PartnerAllowed } from '../common/auth/auth.decorators';
import { actorOf, type Principal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { type LeadDto, type LeadEventDto, leadSchema } from './lead.dto';
import { LeadStagesService } from './lead-stages.service';
import {
  type BulkChangeLeadStageBody,
  type BulkStageResult,
  bulkChangeLeadStageBody,
  bulkChangeLeadStageResponse,
  type ChangeLeadStageBody,
  type CreateLeadBody,
  changeLeadStageBody,
  createLeadBody,
  type ListLeadEventsQuery,
  type ListLeadsQuery,
  leadEventPageSchema,
  leadPageSchema,
  listLeadEventsQuery,
  listLeadsQuery,
  type UpdateLeadBody,
  updateLeadBody,
} from './leads.dto';
import { LeadsService } from './leads.service';

@ApiTags('leads')
@Controller('v1/leads')
export class LeadsController {
  constructor(
    private readonly leads: LeadsService,
    private readonly stages: LeadStagesService,
  ) {}

  /**
   * Registers a lead. Partner sessions submit to their own program; company principals name
   * `programId` and the partner (`partnerKey` or `partnerId`). Fields are validated against the
   * program's form; a lead already registered in the program (same email, or same company
   * domain under `email_or_domain`) is refused with 409 `duplicate_lead`.
   */
  @PartnerAllowed()
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: leadSchema })
  @ApiResponse({
    status: 403,
    standardSchema: problemSchema,
    description: 'lead_submission_disabled',
  })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema, description: 'duplicate_lead' })
  @ApiResponse({ status: 422, standardSchema: problemSchema, description: 'validation_failed' })
  @ApiResponse({ status: 429, standardSchema: problemSchema })
  createLead(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: createLeadBody }) body: CreateLeadBody,
    // Read by hand: @Headers() would document the (optional) header a second time, as required.
    @Req() request: Request,
  ): Promise<LeadDto> {
    const key = request.headers['idempotency-key'];
    return this.leads.create(principal, body, typeof key === 'string' ? key : undefined);
  }

  /** Leads, newest first by default; keyset-paged. A partner sees only its own. */
  @PartnerAllowed()
  @Get()
  @ApiOkResponse({ standardSchema: leadPageSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  listLeads(
    @Scope() scope: TenantScope,
    @Query({ schema: listLeadsQuery }) query: ListLeadsQuery,
  ): Promise<Page<LeadDto>> {
    return this.leads.list(scope, query);
  }

  /** Changes many leads' stage; each lead succeeds or fails on its own. */
  @Post('bulk-stage')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: bulkChangeLeadStageResponse })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  async bulkChangeLeadStage(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Body({ schema: bulkChangeLeadStageBody }) body: BulkChangeLeadStageBody,
  ): Promise<{ results: BulkStageResult[] }> {
    const results = await this.stages.bulkChange(actorOf(principal), scope, body.ids, {
      stage: body.stage,
      reason: body.reason,
    });
    return { results };
  }

  @PartnerAllowed()
  @Get(':id')
  @ApiOkResponse({ standardSchema: leadSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  getLead(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<LeadDto> {
    return this.leads.get(scope, id);
  }

  /**
   * Edits a lead's fields. `version` must be the lead's current version (else 409
   * `version_conflict` with the lead in `current`). Partners may edit their own leads only while
   * they are New or Qualified.
   */
  @PartnerAllowed()
  @Patch(':id')
  @ApiOkResponse({ standardSchema: leadSchema })
  @ApiResponse({ status: 403, standardSchema: problemSchema, description: 'lead_not_editable' })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({
    status: 409,
    standardSchema: problemSchema,
    description: 'version_conflict, duplicate_lead',
  })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  updateLead(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updateLeadBody }) body: UpdateLeadBody,
  ): Promise<LeadDto> {
    return this.leads.update(principal, scope, id, body);
  }

  /** Moves a lead to another stage, as core's stage table allows; closed_won makes a customer. */
  @Post(':id/stage')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: leadSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema, description: 'version_conflict' })
  @ApiResponse({
    status: 422,
    standardSchema: problemSchema,
    description: 'invalid_stage_transition',
  })
  changeLeadStage(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: changeLeadStageBody }) body: ChangeLeadStageBody,
  ): Promise<LeadDto> {
    return this.stages.change(actorOf(principal), scope, id, body);
  }

  /** The lead's history (created, imported, edited, stage changes), oldest first. */
  @PartnerAllowed()
  @Get(':id/events')
  @ApiOkResponse({ standardSchema: leadEventPageSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  listLeadEvents(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Query({ schema: listLeadEventsQuery }) query: ListLeadEventsQuery,
  ): Promise<Page<LeadEventDto>> {
    return this.leads.listEvents(scope, id, query);
  }
}
