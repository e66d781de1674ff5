import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserRole } from '../common/auth/user-role';
import { tenantCondition } from '../common/database/tenant-condition';
import { decodeCursor } from '../common/pagination/cursor';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { InvitationStatus } from './invitations.dto';

export interface UserRow {
  id: string;
  company_id: string;
  name: string;
  email: string;
  role: UserRole;
  password_hash: string;
  created_at: Date;
  last_sign_in_at: Date | null;
}

/** A pending (or used) invitation, with what its page shows. */
export interface InvitationRow {
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

export interface InvitationListRow {
  id: string;
  company_id: string;
  email: string;
  role: UserRole;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
  created_key: string;
}

export interface TeamMemberRow {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  created_at: Date;
  last_sign_in_at: Date | null;
  created_key: string;
}

const INVITATION_STATUS_SQL: Record<InvitationStatus, string> = {
  pending: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()',
  accepted: 'i.accepted_at IS NOT NULL',
  revoked: 'i.accepted_at IS NULL AND i.revoked_at IS NOT NULL',
  expired: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= now()',
};

/** Companies, their users, cookie sessions and invitations. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly db: DataSource) {}

  async insertCompany(manager: EntityManager, name: string): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO companies (name) VALUES ($1) RETURNING id`,
      [name],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('company insert returned no row');
    return id;
  }

  /**
   * Locks the company row: team changes of one company run one after another. Answers its
   * name (null when there is no such company).
   */
  async lockCompany(manager: EntityManager, companyId: string): Promise<string | null> {
    const rows: { name: string }[] = await manager.query(
      `SELECT name FROM companies WHERE id = $1 FOR UPDATE`,
      [companyId],
    );
    return rows[0]?.name ?? null;
  }

  async insertUser(
    manager: EntityManager,
    user: { companyId: string; email: string; name: string; passwordHash: string; role: UserRole },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO users (company_id, email, name, password_hash, role)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [user.companyId, user.email, user.name, user.passwordHash, user.role],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('user insert returned no row');
    return id;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  /** The user with this (lower-cased) email, in any company. */
  async findUserByEmail(email: string): Promise<UserRow | null> {
    const rows: UserRow[] = await this.db.query(`SELECT * FROM users WHERE lower(email) = $1`, [
      email,
    ]);
    return rows[0] ?? null;
  }

  /** Any company's user has this email (case-insensitive). */
  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows.length > 0;
  }

  /** The company of the user with this (lower-cased) email, if any. */
  async companyOfEmail(manager: EntityManager, email: string): Promise<string | null> {
    const rows: { company_id: string }[] = await manager.query(
      `SELECT company_id FROM users WHERE lower(email) = $1`,
      [email],
    );
    return rows[0]?.company_id ?? null;
  }

  async userWithCompany(
    manager: EntityManager,
    companyId: string,
    userId: string,
  ): Promise<(UserRow & { company_name: string; company_created_at: Date }) | null> {
    const rows: (UserRow & { company_name: string; company_created_at: Date })[] =
      await manager.query(
        `SELECT u.*, c.name AS company_name, c.created_at AS company_created_at
           FROM users u JOIN companies c ON c.id = u.company_id
          WHERE u.company_id = $1 AND u.id = $2`,
        [companyId, userId],
      );
    return rows[0] ?? null;
  }

  /** Oldest first, `limit + 1` rows at most. */
  async listUsers(
    scope: TenantScope,
    page: { limit: number; cursor?: string },
  ): Promise<TeamMemberRow[]> {
    const params: unknown[] = [];
    const where = [tenantCondition(scope, 'u', params, { owned: false })];
    if (page.cursor) {
      const [createdAt, id] = decodeCursor(page.cursor, 2);
      params.push(createdAt, id);
      where.push(
        `(u.created_at, u.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(page.limit + 1);
    return this.db.query(
      // created_key keeps PostgreSQL's microseconds, which a JS Date would round away.
      `SELECT u.id, u.name, u.email, u.role, u.created_at, u.last_sign_in_at,
              u.created_at::text AS created_key
         FROM users u
        WHERE ${where.join(' AND ')}
        ORDER BY u.created_at, u.id LIMIT $${params.length}`,
      params,
    );
  }

  /** A new cookie session, idle-expiring after `idleSeconds`; answers when it expires. */
  async insertSession(
    manager: EntityManager,
    session: {
      companyId: string;
      userId: string;
      tokenHash: string;
      csrfToken: string;
      userAgent: string | null;
      idleSeconds: number;
    },
  ): Promise<Date> {
    const rows: { expires_at: Date }[] = await manager.query(
      `INSERT INTO user_sessions (company_id, user_id, token_hash, csrf_token, user_agent, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
       RETURNING expires_at`,
      [
        session.companyId,
        session.userId,
        session.tokenHash,
        session.csrfToken,
        session.userAgent,
        session.idleSeconds,
      ],
    );
    const expiresAt = rows[0]?.expires_at;
    if (!expiresAt) throw new Error('session insert returned no row');
    await manager.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [session.userId]);
    return expiresAt;
  }

  async findSession(
    companyId: string,
    sessionId: string,
  ): Promise<{ csrf_token: string; expires_at: Date } | null> {
    const rows: { csrf_token: string; expires_at: Date }[] = await this.db.query(
      `SELECT csrf_token, expires_at FROM user_sessions WHERE company_id = $1 AND id = $2`,
      [companyId, sessionId],
    );
    return rows[0] ?? null;
  }

  async revokeSession(manager: EntityManager, companyId: string, sessionId: string): Promise<void> {
    await manager.query(
      `UPDATE user_sessions SET revoked_at = now()
        WHERE company_id = $1 AND id = $2 AND revoked_at IS NULL`,
      [companyId, sessionId],
    );
  }

  /** The invitation behind a token hash; `lock` takes its row lock. */
  async findInvitation(
    manager: EntityManager,
    tokenHash: string,
    lock: boolean,
  ): Promise<InvitationRow | null> {
    const rows: InvitationRow[] = await manager.query(
      `SELECT i.id, i.company_id, i.email, i.role, i.expires_at, i.accepted_at, i.revoked_at,
              c.name AS company_name, u.name AS invited_by_name
         FROM invitations i
         JOIN companies c ON c.id = i.company_id
         LEFT JOIN users u ON u.id = i.invited_by
        WHERE i.token_hash = $1
        ${lock ? 'FOR UPDATE OF i' : ''}`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async markInvitationAccepted(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [id]);
  }

  /** Revokes the company's open invitations of this (lower-cased) email. */
  async revokeOpenInvitations(
    manager: EntityManager,
    companyId: string,
    email: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE invitations SET revoked_at = now()
        WHERE company_id = $1 AND lower(email) = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
      [companyId, email],
    );
  }

  /** Newest first, `limit + 1` rows at most. */
  async listInvitations(
    scope: TenantScope,
    page: { limit: number; cursor?: string; status?: InvitationStatus },
  ): Promise<InvitationListRow[]> {
    const params: unknown[] = [];
    const where = [tenantCondition(scope, 'i', params, { owned: false })];
    if (page.status) where.push(INVITATION_STATUS_SQL[page.status]);
    if (page.cursor) {
      const [createdAt, id] = decodeCursor(page.cursor, 2);
      params.push(createdAt, id);
      where.push(
        `(i.created_at, i.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(page.limit + 1);
    return this.db.query(
      `SELECT i.id, i.company_id, i.email, i.role, i.invited_by, i.expires_at, i.accepted_at,
              i.revoked_at, i.created_at, i.created_at::text AS created_key
         FROM invitations i
        WHERE ${where.join(' AND ')}
        ORDER BY i.created_at DESC, i.id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
