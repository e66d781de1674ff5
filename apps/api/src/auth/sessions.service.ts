import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SESSION_IDLE_SECONDS } from '../common/auth/session-policy';
import { hashToken, randomToken } from '../common/auth/tokens';
import { AccountsRepository } from './accounts.repository';

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Cookie sessions of company users (the resolver in common/auth reads them back). */
@Injectable()
export class SessionsService {
  constructor(private readonly accounts: AccountsRepository) {}

  async create(
    manager: EntityManager,
    user: { id: string; companyId: string },
    userAgent: string | undefined,
  ): Promise<NewSession> {
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = await this.accounts.insertSession(manager, {
      companyId: user.companyId,
      userId: user.id,
      tokenHash: hashToken(token),
      csrfToken,
      userAgent: userAgent?.slice(0, 500) ?? null,
      idleSeconds: SESSION_IDLE_SECONDS,
    });
    return { token, csrfToken, expiresAt };
  }

  async revoke(manager: EntityManager, companyId: string, sessionId: string): Promise<void> {
    await this.accounts.revokeSession(manager, companyId, sessionId);
  }
}
