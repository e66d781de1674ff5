import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserPrincipal } from '../common/auth/principal';
import { hashToken } from '../common/auth/tokens';
import { conflict, ProblemException } from '../common/problem/problem';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { toCompanyDto } from '../companies/companies.dto';
import { AccountsRepository, type InvitationRow } from './accounts.repository';
import type { AuthSessionDto, InvitationPreviewDto } from './auth.dto';
import { isUniqueViolation } from './database-errors';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './passwords';
import { ACCOUNT_RATE_LIMITS } from './rate-limits';
import { type NewSession, SessionsService } from './sessions.service';
import { toUserDto } from './users.dto';

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

/** A signed-in answer plus the cookie value the controller sets. */
export interface SignedIn {
  session: AuthSessionDto;
  token: string;
}

const INVALID_CREDENTIALS = () =>
  new ProblemException(401, 'invalid_credentials', 'The email or password is wrong.');

const EMAIL_TAKEN = () =>
  conflict(
    'email_taken',
    'An account with this email already exists. Sign in instead, or use another email.',
  );

/** Company accounts: sign-up, sign-in, sign-out, the current session, accepting invitations. */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsService,
    private readonly rateLimits: RateLimitService,
  ) {}

  async signUp(
    input: { companyName: string; name: string; email: string; password: string },
    client: ClientInfo,
  ): Promise<SignedIn> {
    await this.rateLimits.hit(
      `sign-up:ip:${client.ip}`,
      ...ACCOUNT_RATE_LIMITS.signUpPerIp,
      'sign-ups',
    );
    if (await this.accounts.emailTaken(this.db.manager, input.email)) throw EMAIL_TAKEN();
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (manager) => {
        const companyId = await this.accounts.insertCompany(manager, input.companyName);
        const userId = await this.accounts.insertUser(manager, {
          companyId,
          email: input.email,
          name: input.name,
          passwordHash,
          role: 'owner',
        });
        return this.startSession(manager, { id: userId, companyId }, client);
      });
    } catch (error) {
      // Two sign-ups with one email at once: the unique index decides, the loser gets 409.
      if (isUniqueViolation(error, 'users_email_key')) throw EMAIL_TAKEN();
      throw error;
    }
  }

  async signIn(input: { email: string; password: string }, client: ClientInfo): Promise<SignedIn> {
    const emailKey = `sign-in:email:${input.email}`;
    await this.rateLimits.hit(
      `sign-in:ip:${client.ip}`,
      ...ACCOUNT_RATE_LIMITS.signInPerIp,
      'sign-in attempts',
    );
    await this.rateLimits.hit(emailKey, ...ACCOUNT_RATE_LIMITS.signInPerEmail, 'sign-in attempts');
    const user = await this.accounts.findUserByEmail(input.email);
    // Unknown emails still pay for a hash check, so timing does not tell which emails exist.
    const ok = await verifyPassword(user?.password_hash ?? null, input.password);
    if (!user || !ok) throw INVALID_CREDENTIALS();
    // The per-email window counts failures since the last success, not a person's normal use.
    await this.rateLimits.reset(emailKey);
    if (passwordNeedsRehash(user.password_hash)) {
      const rehashed = await hashPassword(input.password);
      await this.accounts.setPasswordHash(user.id, rehashed);
    }
    return this.db.transaction((manager) =>
      this.startSession(manager, { id: user.id, companyId: user.company_id }, client),
    );
  }

  async signOut(principal: UserPrincipal): Promise<void> {
    await this.sessions.revoke(this.db.manager, principal.companyId, principal.sessionId);
  }

  async me(principal: UserPrincipal): Promise<AuthSessionDto> {
    const session = await this.accounts.findSession(principal.companyId, principal.sessionId);
    if (!session) throw new Error('the guard resolved a session that does not exist');
    return this.describe(this.db.manager, principal.userId, principal.companyId, {
      csrfToken: session.csrf_token,
      expiresAt: session.expires_at,
    });
  }

  async previewInvitation(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.findInvitation(this.db.manager, token, false);
    return {
      email: invitation.email,
      role: invitation.role,
      companyName: invitation.company_name,
      invitedByName: invitation.invited_by_name,
      expiresAt: invitation.expires_at.toISOString(),
    };
  }

  async acceptInvitation(
    input: { token: string; name: string; password: string },
    client: ClientInfo,
  ): Promise<SignedIn> {
    await this.rateLimits.hit(
      `accept-invitation:ip:${client.ip}`,
      ...ACCOUNT_RATE_LIMITS.acceptInvitationPerIp,
      'attempts',
    );
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (manager) => {
        // Locked so two clicks on one link create one user.
        const invitation = await this.findInvitation(manager, input.token, true);
        if (await this.accounts.emailTaken(manager, invitation.email)) throw EMAIL_TAKEN();
        const userId = await this.accounts.insertUser(manager, {
          companyId: invitation.company_id,
          email: invitation.email,
          name: input.name,
          passwordHash,
          role: invitation.role,
        });
        await this.accounts.markInvitationAccepted(manager, invitation.id);
        return this.startSession(manager, { id: userId, companyId: invitation.company_id }, client);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw EMAIL_TAKEN();
      throw error;
    }
  }

  private async startSession(
    manager: EntityManager,
    user: { id: string; companyId: string },
    client: ClientInfo,
  ): Promise<SignedIn> {
    const created: NewSession = await this.sessions.create(manager, user, client.userAgent);
    const session = await this.describe(manager, user.id, user.companyId, created);
    return { session, token: created.token };
  }

  private async describe(
    manager: EntityManager,
    userId: string,
    companyId: string,
    session: { csrfToken: string; expiresAt: Date },
  ): Promise<AuthSessionDto> {
    const row = await this.accounts.userWithCompany(manager, companyId, userId);
    if (!row) throw new Error('signed-in user not found');
    return {
      user: toUserDto({
        id: row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        createdAt: row.created_at,
        lastSignInAt: row.last_sign_in_at,
      }),
      company: toCompanyDto({
        id: companyId,
        name: row.company_name,
        createdAt: row.company_created_at,
      }),
      role: row.role,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt.toISOString(),
    };
  }

  /** The pending invitation behind a token, or a 422 saying why it cannot be used. */
  private async findInvitation(
    manager: EntityManager,
    token: string,
    lock: boolean,
  ): Promise<InvitationRow> {
    const invitation = await this.accounts.findInvitation(manager, hashToken(token), lock);
    if (!invitation || invitation.accepted_at || invitation.revoked_at) {
      throw new ProblemException(
        422,
        'invitation_invalid',
        'This invitation link is not valid: it was already used or revoked. Ask for a new invitation.',
      );
    }
    if (invitation.expires_at.getTime() <= Date.now()) {
      throw new ProblemException(
        422,
        'invitation_expired',
        'This invitation has expired. Ask the person who invited you to send a new one.',
      );
    }
    return invitation;
  }
}
