import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SESSION_IDLE_SECONDS } from '../common/auth/session-policy';
import { hashToken, randomToken } from '../common/auth/tokens';

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Cookie sessions of company users (the resolver in common/auth reads them back). */
@Injectable()
export class SessionsService {
  async create(
    manager: EntityManager,
    user: { id: string; companyId: string },
    userAgent: string | undefined,
  ): Promise<NewSession> {
    const token = randomToken();
    const csrfToken = randomToken();
    const rows: { expires_at: Date }[] = await manager.query(
      `INSERT INTO user_sessions (company_id, user_id, token_hash, csrf_token, user_agent, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
       RETURNING expires_at`,
      [
        user.companyId,
        user.id,
        hashToken(token),
        csrfToken,
        userAgent?.slice(0, 500) ?? null,
        SESSION_IDLE_SECONDS,
      ],
    );
    const expiresAt = rows[0]?.expires_at;
    if (!expiresAt) throw new Error('session insert returned no row');
    await manager.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [user.id]);
    return { token, csrfToken, expiresAt };
  }

  async revoke(manager: EntityManager, companyId: string, sessionId: string): Promise<void> {
    await manager.query(
      `UPDATE user_sessions SET revoked_at = now()
        WHERE company_id = $1 AND id = $2 AND revoked_at IS NULL`,
      [companyId, sessionId],
    );
  }
}
