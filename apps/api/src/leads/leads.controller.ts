import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, PartnerAllowed } from '../common/auth/auth.decorators';
import { actorOf, type Principal } from '../common/auth/principal';
import type { HttpRequest } from '../common/http/http';
import type { Page } from '../common/pagination/cursor';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
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

  @PartnerAllowed()
  @Post()
  @ApiOperation({
    summary: 'Submit a lead',
    description:
      "Registers a lead in a program and announces it (`lead.created` webhook, flat commissions for `new`). Partner sessions submit to their own program; API keys and cookie sessions send `programId` and the partner (`partnerKey` or `partnerId`).\n\nThe body is checked against the program's form: the built-in keys are camelCase — `firstName`, `lastName`, `email`, `company` — `email` is always required, and custom fields go under `fields` by their key. Invalid values answer 422 with one `errors[]` item per field. A lead already registered in the program (same email, or same company domain when the program dedupes by domain) is refused with 409 `duplicate_lead`: the first registration owns the lead.",
  })
  @ApiProblems('lead_submission_disabled', 'not_found', 'duplicate_lead', 'program_changed')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: leadSchema })
  createLead(
    @CurrentPrincipal() principal: Principal,
    @Body({ schema: createLeadBody }) body: CreateLeadBody,
    // Read by hand: @Headers() would document the (optional) header a second time, as required.
    @Req() request: HttpRequest,
  ): Promise<LeadDto> {
    const key = request.headers['idempotency-key'];
    return this.leads.create(principal, body, typeof key === 'string' ? key : undefined);
  }

  @PartnerAllowed()
  @Get()
  @ApiOperation({
    summary: 'List leads',
    description:
      'Leads, newest first by default, keyset-paged; filter by stage, partner, program, dates and search text (`q`). A partner sees only its own. Read-only.',
  })
  @ApiOkResponse({ standardSchema: leadPageSchema })
  listLeads(
    @Scope() scope: TenantScope,
    @Query({ schema: listLeadsQuery }) query: ListLeadsQuery,
  ): Promise<Page<LeadDto>> {
    return this.leads.list(scope, query);
  }

  @Post('bulk-stage')
  @ApiOperation({
    summary: "Change many leads' stage",
    description:
      'Moves up to 200 leads to a stage; each lead succeeds or fails on its own (`results[]`), with the same rules and effects as `changeLeadStage`. Company principals only.',
  })
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: bulkChangeLeadStageResponse })
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
  @ApiOperation({
    summary: 'Get a lead',
    description: 'One lead with its stage, partner, program, custom fields and version. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: leadSchema })
  getLead(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<LeadDto> {
    return this.leads.get(scope, id);
  }

  @PartnerAllowed()
  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a lead',
    description:
      "Edits a lead's fields (same rules as `createLead`) and records the change in its history (`lead.updated` webhook). `version` must be the lead's current version, else 409 `version_conflict` with the lead in `current`. Partners may edit their own leads only while they are New or Qualified.",
  })
  @ApiProblems(
    'lead_not_editable',
    'not_found',
    'version_conflict',
    'duplicate_lead',
    'program_changed',
  )
  @ApiOkResponse({ standardSchema: leadSchema })
  updateLead(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updateLeadBody }) body: UpdateLeadBody,
  ): Promise<LeadDto> {
    return this.leads.update(principal, scope, id, body);
  }

  @Post(':id/stage')
  @ApiOperation({
    summary: 'Move a lead to another stage',
    description:
      'Moves a lead to another stage as the stage rules allow (422 `invalid_stage_transition` lists where it can go); records it in the history, emails the partner on `qualified`, `closed_won` and `closed_lost`, and `closed_won` makes the lead a customer and earns its flat commissions. Company principals only.',
  })
  @ApiProblems('not_found', 'version_conflict', 'invalid_stage_transition')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: leadSchema })
  changeLeadStage(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: changeLeadStageBody }) body: ChangeLeadStageBody,
  ): Promise<LeadDto> {
    return this.stages.change(actorOf(principal), scope, id, body);
  }

  @PartnerAllowed()
  @Get(':id/events')
  @ApiOperation({
    summary: "List a lead's history",
    description:
      "The lead's history — created, imported, edited, stage changes — oldest first. Read-only.",
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: leadEventPageSchema })
  listLeadEvents(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Query({ schema: listLeadEventsQuery }) query: ListLeadEventsQuery,
  ): Promise<Page<LeadEventDto>> {
    return this.leads.listEvents(scope, id, query);
  }
}
