import type { TenantScope } from '../tenancy/tenant-scope';

/**
 * The scope as a raw SQL condition on `alias`: appends the scope's parameters to `params` and
 * returns e.g. `l.company_id = $3 AND l.partner_id = $4 AND l.program_id = $5` (partner and
 * program only for a partner's scope on a table the partner owns, unless `owned: false`).
 */
export function tenantCondition(
  scope: TenantScope,
  alias: string,
  params: unknown[],
  options: { owned?: boolean } = { owned: true },
): string {
  params.push(scope.companyId);
  const parts = [`${alias}.company_id = $${params.length}`];
  if (options.owned !== false && scope.partnerId && scope.programId) {
    params.push(scope.partnerId);
    parts.push(`${alias}.partner_id = $${params.length}`);
    params.push(scope.programId);
    parts.push(`${alias}.program_id = $${params.length}`);
  }
  return parts.join(' AND ');
}
