import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { HttpRequest } from '../http/http';
import type { Principal } from './principal';
import { PrincipalCache } from './principal-cache';
import { PrincipalsRepository } from './principals.repository';
import { SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS } from './session-policy';
import {
  hashToken,
  PARTNER_TOKEN_PREFIX,
  type PartnerTokenClaims,
  verifyPartnerToken,
} from './tokens';

export const SESSION_COOKIE = 'lb_session';
export const API_KEY_PREFIX = 'sk_';

/** What the guard needs beyond the principal itself. */
export interface ResolvedPrincipal {
  principal: Principal;
  /** For cookie sessions: the token every unsafe request must echo in `X-CSRF-Token`. */
  csrfToken?: string;
  /** For partner sessions: the browser origins the program allows. */
  allowedOrigins?: string[];
}

// Touching last-used timestamps on every request would turn reads into writes.
const TOUCH_INTERVAL_MS = 60_000;

/** Turns the credentials on a request (cookie, API key, partner token) into a principal. */
@Injectable()
export class PrincipalResolver {
  constructor(
    private readonly principals: PrincipalsRepository,
    private readonly cache: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async resolve(request: HttpRequest): Promise<ResolvedPrincipal | null> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const token = match?.[1];
      if (!token) return null;
      if (token.startsWith(API_KEY_PREFIX)) return this.fromApiKey(token);
      if (token.startsWith(PARTNER_TOKEN_PREFIX)) return this.fromPartnerToken(token);
      return null;
    }
    const cookies = (request as HttpRequest & { cookies?: Record<string, string> }).cookies;
    const session = cookies?.[SESSION_COOKIE];
    return session ? this.fromSession(session) : null;
  }

  private async fromSession(token: string): Promise<ResolvedPrincipal | null> {
    const row = await this.principals.liveSession(hashToken(token));
    if (!row) return null;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      // Sliding expiry: an active session stays signed in, an idle one lapses.
      void this.principals
        .touchSession(row.id, SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS)
        .catch(() => {});
    }
    return {
      principal: {
        kind: 'user',
        companyId: row.company_id,
        userId: row.user_id,
        sessionId: row.id,
        role: row.role,
        name: row.name,
        email: row.email,
      },
      csrfToken: row.csrf_token,
    };
  }

  private async fromApiKey(token: string): Promise<ResolvedPrincipal | null> {
    const hash = hashToken(token);
    const key = await this.cache.apiKeys.getOrLoad(hash, async () => {
      const row = await this.principals.liveApiKey(hash);
      return row
        ? {
            id: row.id,
            companyId: row.company_id,
            name: row.name,
            touchedAt: row.last_used_at?.getTime() ?? 0,
          }
        : null;
    });
    if (!key) return null;
    const now = Date.now();
    if (now - key.touchedAt > TOUCH_INTERVAL_MS) {
      key.touchedAt = now;
      void this.principals.touchApiKey(key.id).catch(() => {});
    }
    return {
      principal: { kind: 'api_key', companyId: key.companyId, apiKeyId: key.id, name: key.name },
    };
  }

  private partnerClaims(token: string): PartnerTokenClaims | null {
    const known = this.cache.partnerTokens.get(token);
    if (known) return known.expiresAt * 1000 > Date.now() ? known : null;
    const claims = verifyPartnerToken(this.config.appSecret, token);
    if (claims) this.cache.partnerTokens.set(token, claims);
    return claims;
  }

  private async fromPartnerToken(token: string): Promise<ResolvedPrincipal | null> {
    const claims = this.partnerClaims(token);
    if (!claims) return null;
    const { companyId, partnerId, programId } = claims;
    const partnership = await this.cache.partnerships.getOrLoad(
      PrincipalCache.partnershipKey(companyId, partnerId, programId),
      async () => {
        // The token is stateless; archiving a partner or program still takes effect (in this
        // process at once, elsewhere within the cache's TTL: see PrincipalCache).
        const row = await this.principals.livePartnership(companyId, partnerId, programId);
        return row
          ? { companyId, partnerId, programId, name: row.name, allowedOrigins: row.allowed_origins }
          : null;
      },
    );
    if (!partnership) return null;
    return {
      principal: { kind: 'partner', companyId, partnerId, programId, name: partnership.name },
      allowedOrigins: partnership.allowedOrigins,
    };
  }
}
