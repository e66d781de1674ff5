import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import type { CompanyPrincipal } from '../common/auth/principal';
import type { Page } from '../common/pagination/cursor';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
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

  /**
   * Invites someone by email with a role; they get a link valid for 7 days. Inviting the same
   * email again replaces the earlier link.
   */
  @Roles('owner', 'admin')
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: createdInvitationSchema })
  @ApiResponse({ status: 403, standardSchema: problemSchema, description: '`insufficient_role`' })
  @ApiResponse({
    status: 409,
    standardSchema: problemSchema,
    description: '`already_member`, `email_taken`',
  })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  createInvitation(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Body({ schema: createInvitationBody }) body: z.infer<typeof createInvitationBody>,
  ): Promise<InvitationDto & { acceptUrl: string }> {
    return this.invitations.create(scope, principal, body);
  }

  /** The company's invitations, newest first; `status` narrows to pending, accepted, … */
  @Get()
  @ApiOkResponse({ standardSchema: invitationPageSchema })
  listInvitations(
    @Scope() scope: TenantScope,
    @Query({ schema: listInvitationsQuery }) query: z.infer<typeof listInvitationsQuery>,
  ): Promise<Page<InvitationDto>> {
    return this.invitations.list(scope, query);
  }

  /** Revokes an invitation: its link stops working. */
  @Roles('owner', 'admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema, description: '`invitation_accepted`' })
  async revokeInvitation(
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: CompanyPrincipal,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    await this.invitations.revoke(scope, principal, id);
  }
}
