import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { z } from 'zod/mini';
import { ProgramOrigins, Public } from '../common/auth/auth.decorators';
import { problemSchema } from '../common/problem/problem.schema';
import {
  type PartnerSessionDto,
  partnerSessionSchema,
  requestSignInCodeBody,
  type SignInCodeRequestedDto,
  signInCodeRequestedSchema,
  verifySignInCodeBody,
} from './partner-sessions.dto';
import { PartnerSignInService } from './partner-sign-in.service';

@ApiTags('partner-sessions')
@ProgramOrigins()
@Controller('v1/partner-sign-in')
export class PartnerSignInController {
  constructor(private readonly signIn: PartnerSignInService) {}

  /**
   * Emails a 6-digit code (valid 10 minutes) to a partner enrolled in the program. Answers the
   * same 202 for any email, so it cannot be used to find out who is a partner.
   */
  @Public()
  @Post('codes')
  @HttpCode(202)
  @ApiAcceptedResponse({ standardSchema: signInCodeRequestedSchema })
  @ApiResponse({
    status: 403,
    standardSchema: problemSchema,
    description: '`origin_not_allowed`',
  })
  @ApiResponse({ status: 404, standardSchema: problemSchema, description: '`program_not_found`' })
  @ApiResponse({ status: 429, standardSchema: problemSchema, description: '`rate_limited`' })
  requestSignInCode(
    @Req() request: Request,
    @Body({ schema: requestSignInCodeBody }) body: z.infer<typeof requestSignInCodeBody>,
  ): Promise<SignInCodeRequestedDto> {
    return this.signIn.requestCode(request, body);
  }

  /** Exchanges the emailed code for a partner session token (8 hours). */
  @Public()
  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: partnerSessionSchema })
  @ApiResponse({ status: 403, standardSchema: problemSchema, description: '`origin_not_allowed`' })
  @ApiResponse({ status: 404, standardSchema: problemSchema, description: '`program_not_found`' })
  @ApiResponse({
    status: 422,
    standardSchema: problemSchema,
    description: '`invalid_code`, `code_expired`, `too_many_attempts`',
  })
  @ApiResponse({ status: 429, standardSchema: problemSchema })
  verifySignInCode(
    @Req() request: Request,
    @Body({ schema: verifySignInCodeBody }) body: z.infer<typeof verifySignInCodeBody>,
  ): Promise<PartnerSessionDto> {
    return this.signIn.verifyCode(request, body);
  }
}
