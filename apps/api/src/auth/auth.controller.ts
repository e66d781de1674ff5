import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { z } from 'zod/mini';
import {
  CurrentPrincipal,
  FirstPartyWrites,
  MemberMayWrite,
  Public,
} from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { SESSION_COOKIE } from '../common/auth/principal.resolver';
import type { HttpReply, HttpRequest } from '../common/http/http';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ApiProblems } from '../openapi/api-problems';
import {
  type AuthSessionDto,
  acceptInvitationBody,
  authSessionSchema,
  type InvitationPreviewDto,
  invitationPreviewSchema,
  invitationTokenQuery,
  signInBody,
  signUpBody,
} from './auth.dto';
import { AuthService, type ClientInfo, type SignedIn } from './auth.service';
import { clientIp } from './client-ip';
import { requireUser } from './require-user';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

function clientOf(request: HttpRequest): ClientInfo {
  return { ip: clientIp(request), userAgent: request.headers['user-agent'] };
}

@ApiTags('auth')
@FirstPartyWrites()
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private signedIn(response: HttpReply, result: SignedIn): AuthSessionDto {
    setSessionCookie(response, result.token, this.config);
    return result.session;
  }

  @Public()
  @Post('sign-up')
  @ApiOperation({
    summary: 'Sign up',
    description:
      'Creates a company and its first user (the owner) and signs that user in: sets the `lb_session` cookie and returns the `csrfToken` to send as `X-CSRF-Token` on writes. Rate-limited per IP.',
  })
  @ApiProblems('email_taken', 'rate_limited')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: authSessionSchema, description: 'Signed in (cookie set).' })
  async signUp(
    @Body({ schema: signUpBody }) body: z.infer<typeof signUpBody>,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AuthSessionDto> {
    return this.signedIn(response, await this.auth.signUp(body, clientOf(request)));
  }

  @Public()
  @Post('sign-in')
  @ApiOperation({
    summary: 'Sign in',
    description:
      'Checks email and password; on success sets the httpOnly `lb_session` cookie and returns the user, company and the `csrfToken` every cookie-session write must send as `X-CSRF-Token`. Rate-limited per IP and per email.',
  })
  @ApiProblems('invalid_credentials', 'rate_limited')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: authSessionSchema, description: 'Signed in (cookie set).' })
  async signIn(
    @Body({ schema: signInBody }) body: z.infer<typeof signInBody>,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AuthSessionDto> {
    return this.signedIn(response, await this.auth.signIn(body, clientOf(request)));
  }

  @MemberMayWrite()
  @Post('sign-out')
  @ApiOperation({
    summary: 'Sign out',
    description:
      'Ends this cookie session: the cookie stops working at once, everywhere. Needs the cookie session itself (API keys get 403 `user_session_required`).',
  })
  @ApiProblems('user_session_required')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out.' })
  async signOut(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<void> {
    await this.auth.signOut(requireUser(principal));
    clearSessionCookie(response, this.config);
  }

  @Get('me')
  @ApiOperation({
    summary: 'Get the current session',
    description:
      "The signed-in user, company and role, and the `csrfToken` to send as `X-CSRF-Token`; renews the cookie's sliding lifetime. Cookie sessions only.",
  })
  @ApiProblems('user_session_required')
  @ApiOkResponse({ standardSchema: authSessionSchema })
  async getCurrentSession(
    @CurrentPrincipal() principal: Principal,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AuthSessionDto> {
    const session = await this.auth.me(requireUser(principal));
    // The admin app calls this on load: renewing the cookie keeps its lifetime sliding too.
    const cookie = (request as HttpRequest & { cookies?: Record<string, string> }).cookies?.[
      SESSION_COOKIE
    ];
    if (cookie) setSessionCookie(response, cookie, this.config);
    return session;
  }

  @Public()
  @Get('invitation')
  @ApiOperation({
    summary: 'Preview an invitation',
    description:
      'What an invitation link is for (company, email, role), to show before accepting it. Public: the token is the credential. Changes nothing.',
  })
  @ApiProblems('invitation_invalid', 'invitation_expired')
  @ApiOkResponse({ standardSchema: invitationPreviewSchema })
  getInvitationPreview(
    @Query({ schema: invitationTokenQuery }) query: z.infer<typeof invitationTokenQuery>,
  ): Promise<InvitationPreviewDto> {
    return this.auth.previewInvitation(query.token);
  }

  @Public()
  @Post('accept-invitation')
  @ApiOperation({
    summary: 'Accept an invitation',
    description:
      'Creates the user with the invited email and role, marks the invitation accepted and signs the new user in (cookie + `csrfToken`). Rate-limited per IP.',
  })
  @ApiProblems('invitation_invalid', 'invitation_expired', 'email_taken', 'rate_limited')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: authSessionSchema, description: 'Signed in (cookie set).' })
  async acceptInvitation(
    @Body({ schema: acceptInvitationBody }) body: z.infer<typeof acceptInvitationBody>,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<AuthSessionDto> {
    return this.signedIn(response, await this.auth.acceptInvitation(body, clientOf(request)));
  }
}
