import type { CompanyPrincipal } from '../common/auth/principal';
import type { UserRole } from '../common/auth/user-role';
import { forbidden } from '../common/problem/problem';

/** API keys act with the company's full rights, like an owner. */
export function actingRole(principal: CompanyPrincipal): UserRole {
  return principal.kind === 'user' ? principal.role : 'owner';
}

/**
 * Owners manage everyone; admins manage admins and members but cannot make or unmake owners
 * (otherwise an admin could promote themselves and then remove the owners).
 */
export function assertMayManageRole(principal: CompanyPrincipal, role: UserRole): void {
  const actor = actingRole(principal);
  if (actor === 'owner' || (actor === 'admin' && role !== 'owner')) return;
  throw forbidden('insufficient_role', 'Only an owner can grant, change or remove the owner role.');
}
