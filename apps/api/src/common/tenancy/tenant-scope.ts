import type { Principal } from '../auth/principal';

/**
 * The tenant boundary of one request, derived from its principal and handed to every
 * repository method. Company principals see their company; partner principals additionally see
 * only their own rows in their own program. Repositories build every WHERE from this object,
 * never from ids found in the request.
 */
export class TenantScope {
  private constructor(
    readonly companyId: string,
    readonly partnerId: string | null,
    readonly programId: string | null,
  ) {}

  static of(principal: Principal): TenantScope {
    return principal.kind === 'partner'
      ? new TenantScope(principal.companyId, principal.partnerId, principal.programId)
      : new TenantScope(principal.companyId, null, null);
  }

  /** For system work (jobs) acting for a company. */
  static company(companyId: string): TenantScope {
    return new TenantScope(companyId, null, null);
  }

  get isPartner(): boolean {
    return this.partnerId !== null;
  }

  /**
   * TypeORM `where` for tables owned by a partner in a program (leads, imports, customers,
   * commissions, threads): company always, partner and program when the caller is a partner.
   */
  owned<T extends object>(
    extra?: T,
  ): T & { companyId: string; partnerId?: string; programId?: string } {
    return {
      ...(extra ?? ({} as T)),
      companyId: this.companyId,
      ...(this.partnerId ? { partnerId: this.partnerId } : {}),
      ...(this.programId ? { programId: this.programId } : {}),
    };
  }

  /** TypeORM `where` for company-level tables (programs, partners, api keys…). */
  company<T extends object>(extra?: T): T & { companyId: string } {
    return { ...(extra ?? ({} as T)), companyId: this.companyId };
  }
}
