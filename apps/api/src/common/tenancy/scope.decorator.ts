import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { TenantScope } from './tenant-scope';

/** The request's TenantScope (see TenantScope): the only way handlers get tenant ids. */
export const Scope = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw new Error('@Scope() used on a route without a principal');
  return TenantScope.of(principal);
});
