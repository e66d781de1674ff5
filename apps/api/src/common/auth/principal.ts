import type { UserRole } from './user-role';

/** A signed-in person of a company (admin app, cookie session). */
export interface UserPrincipal {
  kind: 'user';
  companyId: string;
  userId: string;
  sessionId: string;
  role: UserRole;
  name: string;
  email: string;
}

/** A company's server, calling with `Authorization: Bearer sk_…`. */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  companyId: string;
  apiKeyId: string;
  name: string;
}

/** A partner inside one program (widget, `Authorization: Bearer pt_…`): sees only its own data. */
export interface PartnerPrincipal {
  kind: 'partner';
  companyId: string;
  partnerId: string;
  programId: string;
  name: string;
}

export type CompanyPrincipal = UserPrincipal | ApiKeyPrincipal;
export type Principal = CompanyPrincipal | PartnerPrincipal;

export function isCompanyPrincipal(principal: Principal): principal is CompanyPrincipal {
  return principal.kind !== 'partner';
}

/** Who did something, as recorded in histories and audit columns. */
export interface Actor {
  type: 'user' | 'api_key' | 'partner' | 'system';
  id: string | null;
  name: string | null;
}

export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'user':
      return { type: 'user', id: principal.userId, name: principal.name };
    case 'api_key':
      return { type: 'api_key', id: principal.apiKeyId, name: principal.name };
    case 'partner':
      return { type: 'partner', id: principal.partnerId, name: principal.name };
  }
}

/** A stable string naming the principal, e.g. for idempotency keys and rate limits. */
export function principalKey(principal: Principal): string {
  switch (principal.kind) {
    case 'user':
      return `user:${principal.userId}`;
    case 'api_key':
      return `api_key:${principal.apiKeyId}`;
    case 'partner':
      return `partner:${principal.programId}:${principal.partnerId}`;
  }
}
