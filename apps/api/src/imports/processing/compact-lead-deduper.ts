import {
  type DedupePolicy,
  type DuplicateMatch,
  type LeadDeduper,
  leadIdentity,
} from '@leadbridge/core';

/**
 * Open-addressing hash table from a 64-bit string hash (two 32-bit halves) to a row number, in
 * typed arrays: about 24 bytes per entry at the worst load, where a Map of strings costs several
 * times that — and in V8 a Map would also keep every parsed chunk alive, since the strings the
 * CSV parser hands out are slices of its chunk.
 */
class HashedRows {
  private high = new Uint32Array(1024);
  private low = new Uint32Array(1024);
  private rows = new Int32Array(1024);
  private size = 0;

  get(high: number, low: number): number {
    const mask = this.rows.length - 1;
    for (let slot = (high ^ low) & mask; ; slot = (slot + 1) & mask) {
      const row = this.rows[slot] ?? 0;
      if (row === 0) return 0;
      if (this.high[slot] === high && this.low[slot] === low) return row;
    }
  }

  set(high: number, low: number, row: number): void {
    if ((this.size + 1) * 2 > this.rows.length) this.grow();
    this.insert(high, low, row);
    this.size++;
  }

  private insert(high: number, low: number, row: number): void {
    const mask = this.rows.length - 1;
    let slot = (high ^ low) & mask;
    while ((this.rows[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
    this.high[slot] = high;
    this.low[slot] = low;
    this.rows[slot] = row;
  }

  private grow(): void {
    const { high, low, rows } = this;
    this.high = new Uint32Array(rows.length * 2);
    this.low = new Uint32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let slot = 0; slot < rows.length; slot++) {
      const row = rows[slot] ?? 0;
      if (row !== 0) this.insert(high[slot] ?? 0, low[slot] ?? 0, row);
    }
  }
}

/** Two independent 32-bit hashes (FNV-1a and a multiplicative mix) of the UTF-16 code units. */
function hash64(text: string): [number, number] {
  let high = 0x811c9dc5;
  let low = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    high = Math.imul(high ^ code, 0x01000193);
    low = Math.imul(low ^ code, 0x5bd1e995);
    low ^= low >>> 15;
  }
  return [high >>> 0, (low ^ text.length) >>> 0];
}

/**
 * Core's LeadDeduper contract and identity rule (leadIdentity: normalised email, and company
 * domain under `email_or_domain`), stored compactly so a million-row file stays in bounded
 * memory. Two different identities collide with probability ~n²/2⁶⁵ (≈ 3·10⁻⁸ for a million).
 * Row numbers must be ≥ 1.
 */
export function createCompactLeadDeduper(policy: DedupePolicy): LeadDeduper {
  const emails = new HashedRows();
  const domains = new HashedRows();
  return {
    add(lead, row): DuplicateMatch | null {
      const identity = leadIdentity(lead, policy);
      const [emailHigh, emailLow] = hash64(identity.email);
      const byEmail = emails.get(emailHigh, emailLow);
      if (byEmail !== 0) return { row: byEmail, reason: 'email' };
      if (identity.domain !== null) {
        const [domainHigh, domainLow] = hash64(identity.domain);
        const byDomain = domains.get(domainHigh, domainLow);
        if (byDomain !== 0) return { row: byDomain, reason: 'domain' };
        domains.set(domainHigh, domainLow, row);
      }
      emails.set(emailHigh, emailLow, row);
      return null;
    },
  };
}
