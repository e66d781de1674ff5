import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { assertFirstPartyWrite, assertServerToServer } from '../http/cors';
import type { HttpRequest } from '../http/http';
import { forbidden, unauthenticated } from '../problem/problem';
import {
  FIRST_PARTY_WRITES,
  MEMBER_WRITE_ALLOWED,
  PARTNER_ALLOWED,
  PARTNER_ONLY,
  PUBLIC_ROUTE,
  REQUIRED_ROLES,
} from './auth.decorators';
import { assertOriginAllowed } from './origins';
import type { Principal } from './principal';
import { PrincipalResolver } from './principal.resolver';
import { safeEqual } from './tokens';
import type { UserRole } from './user-role';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one place a request becomes a principal. Every route is company-only unless it says
 * otherwise (@Public, @PartnerAllowed, @PartnerOnly), so a new route is private by default.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private flag(context: ExecutionContext, key: string): boolean {
    return (
      this.reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]) ??
      false
    );
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<HttpRequest & { principal?: Principal }>();
    if (this.flag(context, PUBLIC_ROUTE)) {
      if (!SAFE_METHODS.has(request.method) && this.flag(context, FIRST_PARTY_WRITES)) {
        assertFirstPartyWrite(request, this.config);
      }
      return true;
    }
    const resolved = await this.resolver.resolve(request);
    if (!resolved) throw unauthenticated();
    const { principal } = resolved;
    const partnerOnly = this.flag(context, PARTNER_ONLY);
    if (principal.kind === 'partner') {
      if (!partnerOnly && !this.flag(context, PARTNER_ALLOWED)) {
        throw forbidden('partner_forbidden', 'A partner session cannot use this endpoint.');
      }
      assertOriginAllowed(request, resolved.allowedOrigins ?? [], this.config);
    } else {
      if (partnerOnly) {
        throw forbidden('partner_only', 'This endpoint is for partner sessions only.');
      }
      if (principal.kind === 'user') {
        this.checkUser(context, request, principal.role, resolved.csrfToken);
      } else {
        assertServerToServer(request, this.config);
      }
    }
    request.principal = principal;
    return true;
  }

  private checkUser(
    context: ExecutionContext,
    request: HttpRequest,
    role: UserRole,
    csrfToken: string | undefined,
  ): void {
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe) {
      assertFirstPartyWrite(request, this.config);
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !csrfToken || !safeEqual(header, csrfToken)) {
        throw forbidden(
          'csrf_failed',
          'Missing or wrong X-CSRF-Token header for a cookie-authenticated write.',
        );
      }
    }
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(role)) {
      throw forbidden('insufficient_role', `This needs the ${roles.join(' or ')} role.`);
    }
    if (unsafe && role === 'member' && !this.flag(context, MEMBER_WRITE_ALLOWED)) {
      throw forbidden('insufficient_role', 'Members have read-only access.');
    }
  }
}
