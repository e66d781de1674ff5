import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProgramOrigins, Public } from '../common/auth/auth.decorators';
import type { HttpRequest } from '../common/http/http';
import { ApiProblems } from '../openapi/api-problems';
import {
  type ApplicationCodeSentDto,
  type ApplicationConfirmedDto,
  type ApplyBody,
  applicationCodeSentSchema,
  applicationConfirmedSchema,
  applyBody,
  type ConfirmApplicationBody,
  confirmApplicationBody,
} from './applications.dto';
import { ApplyService } from './apply.service';

/** Applying to join a program, before anyone is signed in: by publishable key. */
@ApiTags('public')
@ProgramOrigins()
@Controller('v1/public/applications')
export class PublicApplicationsController {
  constructor(private readonly apply: ApplyService) {}

  @Public()
  @Post()
  @ApiOperation({
    summary: 'Apply to join a program',
    description:
      "Records an application to the program named by its publishable key and emails a 6-digit code (valid 10 minutes) that confirms it (`confirmApplication`). The program must take applications (403 `applications_closed`); an email outside the program's `applicationDomains` is a 422 naming `email`; answers are checked like a lead form's fields (422 naming `answers.<key>`). An email that already belongs to a partner of the program gets a sign-in code instead, with the same 202: nobody can find out who is a partner. Applying again before a decision updates the application. Public; browsers only from the program's allowed origins. Rate-limited per IP and email.",
  })
  @ApiProblems('program_not_found', 'applications_closed', 'rate_limited')
  @HttpCode(202)
  @ApiAcceptedResponse({ standardSchema: applicationCodeSentSchema })
  applyToProgram(
    @Req() request: HttpRequest,
    @Body({ schema: applyBody }) body: ApplyBody,
  ): Promise<ApplicationCodeSentDto> {
    return this.apply.apply(request, body);
  }

  @Public()
  @Post('confirm')
  @ApiOperation({
    summary: 'Confirm an application with the emailed code',
    description:
      'Checks the code from `applyToProgram`. The application then waits for the company (`pending`; the team is emailed and `partner.applied` sent), or — in programs with automatic approval — the applicant is enrolled at once and gets a partner session (`enrolled`). When the email already belonged to a partner, the sign-in code it was sent signs in (`signed_in`). Five wrong codes end the code. Public; browsers only from the program’s allowed origins. Rate-limited.',
  })
  @ApiProblems(
    'program_not_found',
    'invalid_code',
    'code_expired',
    'too_many_attempts',
    'rate_limited',
  )
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: applicationConfirmedSchema })
  confirmApplication(
    @Req() request: HttpRequest,
    @Body({ schema: confirmApplicationBody }) body: ConfirmApplicationBody,
  ): Promise<ApplicationConfirmedDto> {
    return this.apply.confirm(request, body);
  }
}
