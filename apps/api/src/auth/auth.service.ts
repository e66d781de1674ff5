import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserPrincipal } from '../common/auth/principal';
import { hashToken } from '../common/auth/tokens';
import { conflict, ProblemException } from '../common/problem/problem';
import { RateLimitService } from '../common/rate-limit/rate-limit.service';
import { toCompanyDto } from '../companies/companies.dto';
import type { AuthSessionDto, InvitationPreviewDto } from './auth.dto';
import { isUniqueViolation } from './database-errors';
import { hashPassword, passwordNeedsRehash, verifyPassword } from './passwords';
import { ACCOUNT_RATE_LIMITS } from './rate-limits';
import { type NewSession, SessionsService } from './sessions.service';
import type { UserRole } from './user.entity';
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

interface UserRow {
  id: string;
  company_id: string;
  name: string;
  email: string;
  role: UserRole;
  password_hash: string;
  created_at: Date;
  last_sign_in_at: Date | null;
}

interface InvitationRow {
  id: string;
  company_id: string;
  email: string;
  role: UserRole;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  company_name: string;
  invited_by_name: string | null;
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
    if (await this.emailTaken(this.db.manager, input.email)) throw EMAIL_TAKEN();
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.db.transaction(async (manager) => {
        const companies: { id: string }[] = await manager.query(
          `INSERT INTO companies (name) VALUES ($1) RETURNING id`,
          [input.companyName],
        );
        const companyId = companies[0]?.id;
        if (!companyId) throw new Error('company insert returned no row');
        const users: { id: string }[] = await manager.query(
          `INSERT INTO users (company_id, email, name, password_hash, role)
           VALUES ($1, $2, $3, $4, 'owner') RETURNING id`,
          [companyId, input.email, input.name, passwordHash],
        );
        const userId = users[0]?.id;
        if (!userId) throw new Error('user insert returned no row');
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
    const user = await this.findUserByEmail(input.email);
    // Unknown emails still pay for a hash check, so timing does not tell which emails exist.
    const ok = await verifyPassword(user?.password_hash ?? null, input.password);
    if (!user || !ok) throw INVALID_CREDENTIALS();
    // The per-email window counts failures since the last success, not a person's normal use.
    await this.rateLimits.reset(emailKey);
    if (passwordNeedsRehash(user.password_hash)) {
      const rehashed = await hashPassword(input.password);
      await this.db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, rehashed]);
    }
    return this.db.transaction((manager) =>
      this.startSession(manager, { id: user.id, companyId: user.company_id }, client),
    );
  }

  async signOut(principal: UserPrincipal): Promise<void> {
    await this.sessions.revoke(this.db.manager, principal.companyId, principal.sessionId);
  }

  async me(principal: UserPrincipal): Promise<AuthSessionDto> {
    const rows: { csrf_token: string; expires_at: Date }[] = await this.db.query(
      `SELECT csrf_token, expires_at FROM user_sessions WHERE company_id = $1 AND id = $2`,
      [principal.companyId, principal.sessionId],
    );
    const session = rows[0];
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
        if (await this.emailTaken(manager, invitation.email)) throw EMAIL_TAKEN();
        const users: { id: string }[] = await manager.query(
          `INSERT INTO users (company_id, email, name, password_hash, role)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [invitation.company_id, invitation.email, input.name, passwordHash, invitation.role],
        );
        const userId = users[0]?.id;
        if (!userId) throw new Error('user insert returned no row');
        await manager.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [
          invitation.id,
        ]);
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
    const rows: (UserRow & { company_name: string; company_created_at: Date })[] =
      await manager.query(
        `SELECT u.*, c.name AS company_name, c.created_at AS company_created_at
           FROM users u JOIN companies c ON c.id = u.company_id
          WHERE u.company_id = $1 AND u.id = $2`,
        [companyId, userId],
      );
    const row = rows[0];
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

  private async findUserByEmail(email: string): Promise<UserRow | undefined> {
    const rows: UserRow[] = await this.db.query(`SELECT * FROM users WHERE lower(email) = $1`, [
      email,
    ]);
    return rows[0];
  }

  private async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows.length > 0;
  }

  /** The pending invitation behind a token, or a 422 saying why it cannot be used. */
  private async findInvitation(
    manager: EntityManager,
    token: string,
    lock: boolean,
  ): Promise<InvitationRow> {
    const rows: InvitationRow[] = await manager.query(
      `SELECT i.id, i.company_id, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at,
              c.name AS company_name, u.name AS invited_by_name
         FROM invitations i
         JOIN companies c ON c.id = i.company_id
         LEFT JOIN users u ON u.id = i.invited_by
        WHERE i.token_hash = $1
        ${lock ? 'FOR UPDATE OF i' : ''}`,
      [hashToken(token)],
    );
    const invitation = rows[0];
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
