import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
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
@ApiResponse({ status: 401, standardSchema: problemSchema })
@ApiResponse({ status: 403, standardSchema: problemSchema })
@Controller('v1/programs/:id/partners')
export class ProgramPartnersController {
  constructor(private readonly partnerships: PartnershipsService) {}

  /**
   * Enrols a partner (an ended enrolment resumes). 409 `already_enrolled`, `partner_key_taken`,
   * `partner_archived` or `program_archived`; `invite: true` emails the partner.
   */
  @Post()
  @ApiCreatedResponse({ standardSchema: partnershipSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  enrollPartner(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) programId: string,
    @Body({ schema: enrollPartnerBody }) body: EnrollPartnerBody,
  ): Promise<PartnershipDto> {
    return this.partnerships.enrollInProgram(scope, programId, body);
  }

  /** Enrolled partners with their keys, newest first (`?status=ended` for former ones). */
  @Get()
  @ApiOkResponse({ standardSchema: programPartnerPageSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  listProgramPartners(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) programId: string,
    @Query({ schema: listProgramPartnersQuery }) query: ListProgramPartnersQuery,
  ) {
    return this.partnerships.listForProgram(scope, programId, query);
  }

  /** Ends the partner's enrolment: its sessions for this program stop working at once. */
  @Delete(':partnerId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  endPartnership(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) programId: string,
    @Param('partnerId', { schema: uuidSchema }) partnerId: string,
  ): Promise<void> {
    return this.partnerships.end(scope, programId, partnerId);
  }
}
