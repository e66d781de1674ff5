import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
import {
  type EnrollPartnerBody,
  enrollPartnerBody,
  type ListProgramPartnersQuery,
  listProgramPartnersQuery,
  type PartnershipDto,
  partnershipSchema,
  programPartnerPageSchema,
} from './partners.dto';
import { PartnershipsService } from './partnerships.service';

/** Which partners are enrolled in a program, under which partner keys. */
@ApiTags('partners')
@Controller('v1/programs/:id/partners')
export class ProgramPartnersController {
  constructor(private readonly partnerships: PartnershipsService) {}

  @Post()
  @ApiOperation({
    summary: 'Enrol a partner in a program',
    description:
      'Enrols a partner in the program with a partner key (an ended enrolment resumes); `invite: true` emails the partner.',
  })
  @ApiProblems(
    'not_found',
    'already_enrolled',
    'partner_key_taken',
    'partner_archived',
    'program_archived',
  )
  @ApiCreatedResponse({ standardSchema: partnershipSchema })
  enrollPartner(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) programId: string,
    @Body({ schema: enrollPartnerBody }) body: EnrollPartnerBody,
  ): Promise<PartnershipDto> {
    return this.partnerships.enrollInProgram(scope, programId, body);
  }

  @Get()
  @ApiOperation({
    summary: "List a program's partners",
    description:
      'Enrolled partners with their keys, newest first (`?status=ended` for former ones). Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: programPartnerPageSchema })
  listProgramPartners(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) programId: string,
    @Query({ schema: listProgramPartnersQuery }) query: ListProgramPartnersQuery,
  ) {
    return this.partnerships.listForProgram(scope, programId, query);
  }

  @Delete(':partnerId')
  @ApiOperation({
    summary: "End a partner's enrolment",
    description:
      "Ends the partner's enrolment in the program: its sessions for this program stop working at once; its leads stay.",
  })
  @ApiProblems('not_found')
  @HttpCode(204)
  @ApiNoContentResponse()
  endPartnership(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) programId: string,
    @Param('partnerId', { schema: uuidSchema }) partnerId: string,
  ): Promise<void> {
    return this.partnerships.end(scope, programId, partnerId);
  }
}
