import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import type { CompanyPrincipal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
import {
  createdInvitationSchema,
  createInvitationBody,
  type InvitationDto,
  invitationPageSchema,
  listInvitationsQuery,
} from './invitations.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('team')
@Controller('v1/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Roles('owner', 'admin')
  @Post()
  @ApiOperation({
    summary: 'Invite a team member',
    description:
      'Invites someone by email with a role and emails them a link valid for 7 days. Inviting the same email again replaces the earlier link. Owners and admins.',
  })
  @ApiProblems('already_member', 'email_taken')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: createdInvitationSchema })
  createInvitation(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Body({ schema: createInvitationBody }) body: z.infer<typeof createInvitationBody>,
  ): Promise<InvitationDto & { acceptUrl: string }> {
    return this.invitations.create(scope, principal, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List invitations',
    description:
      "The company's invitations, newest first; `status` narrows to pending, accepted, expired or revoked. Read-only.",
  })
  @ApiOkResponse({ standardSchema: invitationPageSchema })
  listInvitations(
    @Scope() scope: TenantScope,
    @Query({ schema: listInvitationsQuery }) query: z.infer<typeof listInvitationsQuery>,
  ): Promise<Page<InvitationDto>> {
    return this.invitations.list(scope, query);
  }

  @Roles('owner', 'admin')
  @Delete(':id')
  @ApiOperation({
    summary: 'Revoke an invitation',
    description: 'Revokes a pending invitation: its link stops working. Owners and admins.',
  })
  @ApiProblems('not_found', 'invitation_accepted')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked.' })
  async revokeInvitation(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    await this.invitations.revoke(scope, principal, id);
  }
}
