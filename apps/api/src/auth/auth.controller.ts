import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { z } from 'zod/mini';
import {
  CurrentPrincipal,
  FirstPartyWrites,
  MemberMayWrite,
  Public,
} from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { SESSION_COOKIE } from '../common/auth/principal.resolver';
import { problemSchema } from '../common/problem/problem.schema';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
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

function clientOf(request: Request): ClientInfo {
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

  private signedIn(response: Response, result: SignedIn): AuthSessionDto {
    setSessionCookie(response, result.token, this.config);
    return result.session;
  }

  /** Creates a company and its first user (the owner), and signs that user in. */
  @Public()
  @Post('sign-up')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: authSessionSchema, description: 'Signed in (cookie set).' })
  @ApiResponse({ status: 409, standardSchema: problemSchema, description: '`email_taken`' })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  @ApiResponse({ status: 429, standardSchema: problemSchema })
  async signUp(
    @Body({ schema: signUpBody }) body: z.infer<typeof signUpBody>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthSessionDto> {
    return this.signedIn(response, await this.auth.signUp(body, clientOf(request)));
  }

  /** Email + password → an httpOnly `lb_session` cookie and the CSRF token for writes. */
  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: authSessionSchema, description: 'Signed in (cookie set).' })
  @ApiResponse({ status: 401, standardSchema: problemSchema, description: '`invalid_credentials`' })
  @ApiResponse({ status: 429, standardSchema: problemSchema, description: '`rate_limited`' })
  async signIn(
    @Body({ schema: signInBody }) body: z.infer<typeof signInBody>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthSessionDto> {
    return this.signedIn(response, await this.auth.signIn(body, clientOf(request)));
  }

  /** Ends this session (the cookie stops working at once, everywhere). */
  @MemberMayWrite()
  @Post('sign-out')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out.' })
  @ApiResponse({ status: 403, standardSchema: problemSchema })
  async signOut(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.signOut(requireUser(principal));
    clearSessionCookie(response, this.config);
  }

  /** The signed-in user, company and role, and the `csrfToken` to send as `X-CSRF-Token`. */
  @Get('me')
  @ApiOkResponse({ standardSchema: authSessionSchema })
  @ApiResponse({ status: 401, standardSchema: problemSchema })
  @ApiResponse({
    status: 403,
    standardSchema: problemSchema,
    description: '`user_session_required`',
  })
  async getCurrentSession(
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthSessionDto> {
    const session = await this.auth.me(requireUser(principal));
    // The admin app calls this on load: renewing the cookie keeps its lifetime sliding too.
    const cookie = (request as Request & { cookies?: Record<string, string> }).cookies?.[
      SESSION_COOKIE
    ];
    if (cookie) setSessionCookie(response, cookie, this.config);
    return session;
  }

  /** What an invitation link is for (company, email, role), to show before accepting it. */
  @Public()
  @Get('invitation')
  @ApiOkResponse({ standardSchema: invitationPreviewSchema })
  @ApiResponse({
    status: 422,
    standardSchema: problemSchema,
    description: '`invitation_invalid`, `invitation_expired`',
  })
  getInvitationPreview(
    @Query({ schema: invitationTokenQuery }) query: z.infer<typeof invitationTokenQuery>,
  ): Promise<InvitationPreviewDto> {
    return this.auth.previewInvitation(query.token);
  }

  /** Accepts an invitation: creates the user with the invited email and role, and signs in. */
  @Public()
  @Post('accept-invitation')
  @HttpCode(201)
  @ApiCreatedResponse({ standardSchema: authSessionSchema, description: 'Signed in (cookie set).' })
  @ApiResponse({
    status: 422,
    standardSchema: problemSchema,
    description: '`invitation_invalid`, `invitation_expired`, `validation_failed`',
  })
  @ApiResponse({ status: 409, standardSchema: problemSchema, description: '`email_taken`' })
  @ApiResponse({ status: 429, standardSchema: problemSchema })
  async acceptInvitation(
    @Body({ schema: acceptInvitationBody }) body: z.infer<typeof acceptInvitationBody>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AuthSessionDto> {
    return this.signedIn(response, await this.auth.acceptInvitation(body, clientOf(request)));
  }
}
