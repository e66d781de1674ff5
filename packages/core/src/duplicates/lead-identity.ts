import { z } from 'zod/mini';
import { isValidDomain } from '../form/value-rules.js';
import { isFreeMailDomain } from './free-mail-domains.js';

export const DEDUPE_POLICIES = ['email', 'email_or_domain'] as const;

export type DedupePolicy = (typeof DEDUPE_POLICIES)[number];

export const dedupePolicySchema = /* @__PURE__ */ z.enum(DEDUPE_POLICIES);

/**
 * Trim and lower-case, nothing else: dots and `+tags` are meaningful at most providers, and
 * guessing wrong would merge two real people.
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function domainFromCompany(company: string): string | null {
  const host = company
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
  return isValidDomain(host) && !isFreeMailDomain(host) ? host : null;
}

/**
 * The company a lead belongs to, as a domain: the email's domain, lower-cased, unless it is a
 * free-mail provider. For a free-mail address, a company written as a domain or URL
 * (`acme.com`, `https://www.acme.com`) is used instead; otherwise null.
 */
export function companyDomain(email: string, company?: string | null): string | null {
  const normalized = normalizeEmail(email);
  const at = normalized.lastIndexOf('@');
  const domain = at >= 0 ? normalized.slice(at + 1).replace(/\.$/, '') : '';
  if (domain !== '' && isValidDomain(domain) && !isFreeMailDomain(domain)) return domain;
  return company ? domainFromCompany(company) : null;
}

export type LeadIdentity = { email: string; domain: string | null };

/** What makes two leads in one program "the same" under the program's policy. */
export function leadIdentity(
  lead: { email: string; company?: string | null },
  policy: DedupePolicy,
): LeadIdentity {
  return {
    email: normalizeEmail(lead.email),
    domain: policy === 'email_or_domain' ? companyDomain(lead.email, lead.company) : null,
  };
}

export type DuplicateReason = 'email' | 'domain';

export type DuplicateMatch = { row: number; reason: DuplicateReason };

/**
 * Finds repeated leads within one file or batch by their identity (leadIdentity), so they are
 * reported instead of inserted twice. The API's import implements it.
 */
export type LeadDeduper = {
  /** Records the lead at `row`, or returns the earlier row it repeats (and records nothing). */
  add(lead: { email: string; company?: string | null }, row: number): DuplicateMatch | null;
};
