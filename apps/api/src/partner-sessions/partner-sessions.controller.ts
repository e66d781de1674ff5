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
      "Your server mints a short-lived token (`pt_…`, default 1 hour, at most 24) for one partner in one program, and hands it to `<lead-form session-token=…>` or to `new Leadbridge({ sessionToken })`. Name the partner by exactly one of `partnerId`, `partnerKey` or `email` (a 422 naming the field otherwise). `email` (with an optional `name`) is for people already signed in to your product: a partner of the company with that email who is enrolled gets the session; anyone else is enrolled on first use when the program takes new partners (`applications` is `approval` or `auto`: your server vouching for them stands for approval), as a new partner named `name` (default: the part of the email before `@`). No invitation email is sent and no `partner.approved` event, since there is no application. An email outside the program's `applicationDomains` is a 422 naming `email`; a closed program, an archived partner or an ended enrolment is a 422 `partner_not_enrolled` (invite or re-enrol the partner, or open the program). Concurrent first uses for one email make one partner.",
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
