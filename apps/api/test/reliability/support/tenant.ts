import type { SeededTenant } from '../../support/seed';

/** The session token of the tenant's `index`th seeded partner (fails loudly if there is none). */
export function partnerToken(tenant: SeededTenant, index = 0): string {
  const partner = tenant.partners[index];
  if (!partner) throw new Error(`the tenant has no partner ${index}`);
  return partner.token;
}

/** The value, or a clear failure naming what was missing. */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`missing: ${what}`);
  return value;
}
