import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UserRole } from './user-role';

/** A live cookie session with its user. */
export interface SessionPrincipalRow {
  id: string;
  company_id: string;
  user_id: string;
  csrf_token: string;
  last_seen_at: Date;
  role: UserRole;
  name: string;
  email: string;
}

/** The credentials behind requests: cookie sessions, API keys, partnerships. */
@Injectable()
export class PrincipalsRepository {
  constructor(private readonly db: DataSource) {}

  /** The unrevoked, unexpired session with this token hash. */
  async liveSession(tokenHash: string): Promise<SessionPrincipalRow | null> {
    const rows: SessionPrincipalRow[] = await this.db.query(
      `SELECT s.id, s.company_id, s.user_id, s.csrf_token, s.last_seen_at, u.role, u.name, u.email
         FROM user_sessions s JOIN users u ON u.id = s.user_id AND u.company_id = s.company_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Sliding expiry: idle for `idleSeconds` from now, never past `maxSeconds` after sign-in. */
  async touchSession(id: string, idleSeconds: number, maxSeconds: number): Promise<void> {
    await this.db.query(
      `UPDATE user_sessions SET last_seen_at = now(),
              expires_at = LEAST(now() + make_interval(secs => $2), created_at + make_interval(secs => $3))
        WHERE id = $1`,
      [id, idleSeconds, maxSeconds],
    );
  }

  /** The unrevoked API key with this hash. */
  async liveApiKey(
    keyHash: string,
  ): Promise<{ id: string; company_id: string; name: string; last_used_at: Date | null } | null> {
    const rows: { id: string; company_id: string; name: string; last_used_at: Date | null }[] =
      await this.db.query(
        `SELECT id, company_id, name, last_used_at FROM api_keys
            WHERE key_hash = $1 AND revoked_at IS NULL`,
        [keyHash],
      );
    return rows[0] ?? null;
  }

  async touchApiKey(id: string): Promise<void> {
    await this.db.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [id]);
  }

  /**
   * The active partnership of a live partner in a live program: the partner's name and the
   * program's allowed origins.
   */
  async livePartnership(
    companyId: string,
    partnerId: string,
    programId: string,
  ): Promise<{ name: string; allowed_origins: string[] } | null> {
    const rows: { name: string; allowed_origins: string[] }[] = await this.db.query(
      `SELECT p.name, g.allowed_origins
         FROM partnerships ps
         JOIN partners p ON p.id = ps.partner_id AND p.company_id = ps.company_id
         JOIN programs g ON g.id = ps.program_id AND g.company_id = ps.company_id
        WHERE ps.company_id = $1 AND ps.partner_id = $2 AND ps.program_id = $3
          AND ps.status = 'active' AND p.status <> 'archived' AND g.archived_at IS NULL`,
      [companyId, partnerId, programId],
    );
    return rows[0] ?? null;
  }
}
