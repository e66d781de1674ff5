import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { PartnerOnly } from '../common/auth/auth.decorators';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import {
  createPartnerSessionBody,
  type PartnerMeDto,
  type PartnerSessionDto,
  partnerMeSchema,
  partnerSessionSchema,
} from './partner-sessions.dto';
import { PartnerSessionsService } from './partner-sessions.service';

@ApiTags('partner-sessions')
@Controller('v1')
export class PartnerSessionsController {
  constructor(private readonly sessions: PartnerSessionsService) {}

  /**
   * Your server mints a short-lived token (`pt_…`, default 1 hour, at most 24) for one partner
   * in one program, and hands it to `<lead-form session-token=…>`.
   */
  @Post('partner-sessions')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: partnerSessionSchema })
  @ApiResponse({
    status: 404,
    standardSchema: problemSchema,
    description: 'Program or partner not found',
  })
  @ApiResponse({
    status: 422,
    standardSchema: problemSchema,
    description: '`partner_not_enrolled`, `program_archived`, `validation_failed`',
  })
  createPartnerSession(
    @Scope() scope: TenantScope,
    @Body({ schema: createPartnerSessionBody }) body: z.infer<typeof createPartnerSessionBody>,
  ): Promise<PartnerSessionDto> {
    return this.sessions.create(scope, body);
  }

  /** The partner and program of the calling partner session (the widget's "signed in as"). */
  @PartnerOnly()
  @Get('partner/me')
  @ApiOkResponse({ standardSchema: partnerMeSchema })
  @ApiResponse({ status: 401, standardSchema: problemSchema })
  @ApiResponse({ status: 403, standardSchema: problemSchema, description: '`partner_only`' })
  getPartnerMe(@Scope() scope: TenantScope): Promise<PartnerMeDto> {
    return this.sessions.me(scope);
  }
}
