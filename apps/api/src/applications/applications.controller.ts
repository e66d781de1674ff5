import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
import { ApplicationDecisions, PARTNER_APPLIED_PREFERENCE } from './application-decisions.service';
import {
  type ApplicationDto,
  applicationPageSchema,
  applicationSchema,
  type BulkApplicationResult,
  type BulkDecideApplicationsBody,
  bulkDecideApplicationsBody,
  bulkDecideApplicationsResponse,
  type DeclineApplicationBody,
  declineApplicationBody,
  type ListApplicationsQuery,
  listApplicationsQuery,
  type TeamNotificationPreferencesDto,
  teamNotificationPreferencesSchema,
  type UpdateTeamNotificationPreferencesBody,
  updateTeamNotificationPreferencesBody,
} from './applications.dto';
import { ApplicationsRepository } from './applications.repository';

/** The company's inbox of applications to its programs (company principals; members read only). */
@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationsController {
  constructor(private readonly decisions: ApplicationDecisions) {}

  @Get()
  @ApiOperation({
    summary: 'List applications',
    description:
      'Applications whose applicants confirmed their email, newest first, keyset-paged; filter by `status` and `programId`. Unconfirmed applications are never listed. Read-only.',
  })
  @ApiOkResponse({ standardSchema: applicationPageSchema })
  listApplications(
    @Scope() scope: TenantScope,
    @Query({ schema: listApplicationsQuery }) query: ListApplicationsQuery,
  ) {
    return this.decisions.list(scope, query);
  }

  @Post('bulk')
  @ApiOperation({
    summary: 'Approve or decline many applications',
    description:
      'Approves or declines up to 100 pending applications; each succeeds or fails on its own (`results[]`, in the order asked), with the same effects as `approveApplication` and `declineApplication`. Owners and admins.',
  })
  @Roles('owner', 'admin')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: bulkDecideApplicationsResponse })
  async bulkDecideApplications(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Body({ schema: bulkDecideApplicationsBody }) body: BulkDecideApplicationsBody,
  ): Promise<{ results: BulkApplicationResult[] }> {
    const results = await this.decisions.bulk(
      principal,
      scope,
      body.ids,
      body.decision,
      body.reason,
    );
    return { results };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get an application',
    description: 'One confirmed application with its answers and decision. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: applicationSchema })
  getApplication(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<ApplicationDto> {
    return this.decisions.get(scope, id);
  }

  @Post(':id/approve')
  @ApiOperation({
    summary: 'Approve an application',
    description:
      'Enrols the applicant in the program — as a new partner, or the company’s existing partner with that email — and emails them, in the language they applied in, where to sign in and submit leads (`partner.approved` webhook). Only pending applications: a decided one is 409 `application_decided`. Owners and admins.',
  })
  @Roles('owner', 'admin')
  @ApiProblems('not_found', 'application_decided', 'program_archived', 'partner_archived')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: applicationSchema })
  approveApplication(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<ApplicationDto> {
    return this.decisions.approve(principal, scope, id);
  }

  @Post(':id/decline')
  @ApiOperation({
    summary: 'Decline an application',
    description:
      'Declines a pending application and emails the applicant politely, in the language they applied in, with `reason` when given. A decided application is 409 `application_decided`. Owners and admins.',
  })
  @Roles('owner', 'admin')
  @ApiProblems('not_found', 'application_decided')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: applicationSchema })
  declineApplication(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: declineApplicationBody }) body: DeclineApplicationBody,
  ): Promise<ApplicationDto> {
    return this.decisions.decline(principal, scope, id, body.reason);
  }
}

/** The team's email switches (company principals; owners and admins change them). */
@ApiTags('applications')
@Controller('v1/company/notification-preferences')
export class TeamNotificationsController {
  constructor(private readonly applications: ApplicationsRepository) {}

  @Get()
  @ApiOperation({
    summary: 'Get the team’s email preferences',
    description:
      'Which emails owners and admins get about the company’s programs: `partnerApplied` (a new confirmed application). Read-only.',
  })
  @ApiOkResponse({ standardSchema: teamNotificationPreferencesSchema })
  async getTeamNotificationPreferences(
    @Scope() scope: TenantScope,
  ): Promise<TeamNotificationPreferencesDto> {
    return toTeamPreferences(await this.applications.teamPreferences(scope.companyId));
  }

  @Patch()
  @Roles('owner', 'admin')
  @ApiOperation({
    summary: 'Change the team’s email preferences',
    description:
      'Turns the team’s emails on or off; omitted switches keep their value. Owners and admins.',
  })
  @ApiOkResponse({ standardSchema: teamNotificationPreferencesSchema })
  async updateTeamNotificationPreferences(
    @Scope() scope: TenantScope,
    @Body({ schema: updateTeamNotificationPreferencesBody })
    body: UpdateTeamNotificationPreferencesBody,
  ): Promise<TeamNotificationPreferencesDto> {
    const changes: Record<string, boolean> = {};
    if (body.partnerApplied !== undefined) {
      changes[PARTNER_APPLIED_PREFERENCE] = body.partnerApplied;
    }
    return toTeamPreferences(
      await this.applications.updateTeamPreferences(scope.companyId, changes),
    );
  }
}

function toTeamPreferences(stored: Record<string, boolean>): TeamNotificationPreferencesDto {
  return { partnerApplied: stored[PARTNER_APPLIED_PREFERENCE] !== false };
}
