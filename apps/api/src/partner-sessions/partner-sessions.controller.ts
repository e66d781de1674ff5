import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { PartnerOnly } from '../common/auth/auth.decorators';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { ApiProblems } from '../openapi/api-problems';
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

  @Post('partner-sessions')
  @ApiOperation({
    summary: 'Create a partner session',
    description:
      'Your server mints a short-lived token (`pt_…`, default 1 hour, at most 24) for one partner in one program, and hands it to `<lead-form session-token=…>` or to `new Leadbridge({ sessionToken })`. Name the partner by `partnerKey` or `partnerId`. Stores nothing but the session.',
  })
  @ApiProblems('not_found', 'partner_not_enrolled', { code: 'program_archived', status: 422 })
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: partnerSessionSchema })
  createPartnerSession(
    @Scope() scope: TenantScope,
    @Body({ schema: createPartnerSessionBody }) body: z.infer<typeof createPartnerSessionBody>,
  ): Promise<PartnerSessionDto> {
    return this.sessions.create(scope, body);
  }

  @PartnerOnly()
  @Get('partner/me')
  @ApiOperation({
    summary: 'Who am I (partner)',
    description:
      'The partner and program of the calling partner session (the widget\'s "signed in as"). Partner sessions only. Read-only.',
  })
  @ApiOkResponse({ standardSchema: partnerMeSchema })
  getPartnerMe(@Scope() scope: TenantScope): Promise<PartnerMeDto> {
    return this.sessions.me(scope);
  }
}
