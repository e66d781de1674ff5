import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { ProgramOrigins, Public } from '../common/auth/auth.decorators';
import type { HttpRequest } from '../common/http/http';
import { ApiProblems } from '../openapi/api-problems';
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

  @Public()
  @Post('codes')
  @ApiOperation({
    summary: 'Email a partner sign-in code',
    description:
      "Emails a 6-digit code (valid 10 minutes) to a partner enrolled in the program named by its publishable key. Answers the same 202 for any email, so it cannot be used to find out who is a partner. Public; browsers only from the program's allowed origins. Rate-limited per IP and email.",
  })
  @ApiProblems('program_not_found', 'origin_not_allowed', 'rate_limited')
  @HttpCode(202)
  @ApiAcceptedResponse({ standardSchema: signInCodeRequestedSchema })
  requestSignInCode(
    @Req() request: HttpRequest,
    @Body({ schema: requestSignInCodeBody }) body: z.infer<typeof requestSignInCodeBody>,
  ): Promise<SignInCodeRequestedDto> {
    return this.signIn.requestCode(request, body);
  }

  @Public()
  @Post('verify')
  @ApiOperation({
    summary: 'Exchange a sign-in code for a session',
    description:
      "Exchanges the emailed code for a partner session token (8 hours). Five wrong codes end the code. Public; browsers only from the program's allowed origins. Rate-limited.",
  })
  @ApiProblems(
    'program_not_found',
    'origin_not_allowed',
    'invalid_code',
    'code_expired',
    'too_many_attempts',
    'rate_limited',
  )
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: partnerSessionSchema })
  verifySignInCode(
    @Req() request: HttpRequest,
    @Body({ schema: verifySignInCodeBody }) body: z.infer<typeof verifySignInCodeBody>,
  ): Promise<PartnerSessionDto> {
    return this.signIn.verifyCode(request, body);
  }
}
