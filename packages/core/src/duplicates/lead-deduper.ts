import { type DedupePolicy, type DuplicateReason, leadIdentity } from './lead-identity.js';

export type DuplicateMatch = { row: number; reason: DuplicateReason };

export type LeadDeduper = {
  /** Records the lead at `row`, or returns the earlier row it repeats (and records nothing). */
  add(lead: { email: string; company?: string | null }, row: number): DuplicateMatch | null;
};

/**
 * Finds repeated leads within one file or batch, so they are reported instead of inserted
 * twice. Memory grows with the number of distinct leads (two map entries each at most).
 */
export function createLeadDeduper(policy: DedupePolicy): LeadDeduper {
  const emails = new Map<string, number>();
  const domains = new Map<string, number>();
  return {
    add(lead, row) {
      const identity = leadIdentity(lead, policy);
      const byEmail = emails.get(identity.email);
      if (byEmail !== undefined) return { row: byEmail, reason: 'email' };
      if (identity.domain !== null) {
        const byDomain = domains.get(identity.domain);
        if (byDomain !== undefined) return { row: byDomain, reason: 'domain' };
        domains.set(identity.domain, row);
      }
      emails.set(identity.email, row);
      return null;
    },
  };
}
