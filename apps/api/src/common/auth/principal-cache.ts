import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { TtlCache } from '../cache/ttl-cache';
import type { PartnerTokenClaims } from './tokens';

/** Bounds memory, not correctness: a key pushed out is simply read again. */
const MAX_ENTRIES = 10_000;

export interface CachedApiKey {
  id: string;
  companyId: string;
  name: string;
  /** When this process last wrote `last_used_at` (ms), so it is written at most once a minute. */
  touchedAt: number;
}

export interface CachedPartnership {
  companyId: string;
  partnerId: string;
  programId: string;
  name: string;
  allowedOrigins: string[];
}

/**
 * Principals checked in the last few seconds (PRINCIPAL_CACHE_SECONDS), so the guard does not
 * ask PostgreSQL on every request. Writes that end a credential (revoking a key, archiving a
 * partner or program, ending an enrolment, changing allowed origins) call `forget…` here, so
 * in this process they apply to the very next request; other API replicas notice within the
 * TTL (docs/security.md). Lead writes re-check the partnership in their own statement, so a
 * stale entry can never submit a lead.
 */
@Injectable()
export class PrincipalCache {
  readonly apiKeys: TtlCache<string, CachedApiKey>;
  readonly partnerships: TtlCache<string, CachedPartnership>;
  /**
   * Partner tokens whose signature was checked, so a busy session is not re-hashed on every
   * request. Their expiry is still checked on each use; nothing here can be revoked.
   */
  readonly partnerTokens: TtlCache<string, PartnerTokenClaims>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const ttlMs = config.principalCacheSeconds * 1000;
    this.apiKeys = new TtlCache(ttlMs, MAX_ENTRIES);
    this.partnerships = new TtlCache(ttlMs, MAX_ENTRIES);
    this.partnerTokens = new TtlCache(ttlMs, MAX_ENTRIES);
  }

  static partnershipKey(companyId: string, partnerId: string, programId: string): string {
    return `${companyId}:${partnerId}:${programId}`;
  }

  forgetApiKey(companyId: string, apiKeyId: string): void {
    this.apiKeys.deleteWhere((_, key) => key.companyId === companyId && key.id === apiKeyId);
  }

  /** A partner archived, restored or renamed: every program's session of it. */
  forgetPartner(companyId: string, partnerId: string): void {
    this.partnerships.deleteWhere(
      (_, entry) => entry.companyId === companyId && entry.partnerId === partnerId,
    );
  }

  /**
   * Taken before a statement reads a partnership, to hand to `confirmPartnership` after it:
   * a `forget…` in between makes the confirmation a no-op.
   */
  partnershipsVersion(): number {
    return this.partnerships.version;
  }

  /**
   * A lead insert just read the partnership as current (active, name, the program's origins):
   * the session stays cached for another TTL from now. `version` is `partnershipsVersion()`
   * taken before that read.
   */
  confirmPartnership(entry: CachedPartnership, version: number): void {
    this.partnerships.setIfCurrent(
      PrincipalCache.partnershipKey(entry.companyId, entry.partnerId, entry.programId),
      entry,
      version,
    );
  }

  /** An enrolment ended or resumed. */
  forgetPartnership(companyId: string, partnerId: string, programId: string): void {
    this.partnerships.delete(PrincipalCache.partnershipKey(companyId, partnerId, programId));
  }

  /** A program archived or its allowed origins changed: every partner session in it. */
  forgetProgram(companyId: string, programId: string): void {
    this.partnerships.deleteWhere(
      (_, entry) => entry.companyId === companyId && entry.programId === programId,
    );
  }
}
