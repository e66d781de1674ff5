import { randomBytes } from 'node:crypto';
import { DEFAULT_LEAD_FORM_SCHEMA, type LeadFormSchema, type Offer } from '@leadbridge/core';
import type { Pool } from 'pg';
import { hashToken, signPartnerToken } from '../../src/common/auth/tokens';
import { TEST_APP_SECRET } from './test-api';

export interface SeededPartner {
  id: string;
  name: string;
  email: string;
  partnerKey: string;
  /** A valid partner session token (pt_…) for this partner in the seeded program. */
  token: string;
}

export interface SeededTenant {
  companyId: string;
  ownerId: string;
  ownerEmail: string;
  /** A live API key (sk_…) of the company. */
  apiKey: string;
  programId: string;
  publishableKey: string;
  partners: SeededPartner[];
}

export interface SeedOptions {
  name?: string;
  partners?: number;
  formSchema?: LeadFormSchema;
  offer?: Offer;
  allowedOrigins?: string[];
  leadSubmissionEnabled?: boolean;
  leadImportEnabled?: boolean;
}

const unique = () => randomBytes(4).toString('hex');

function firstId(rows: { id: string }[]): string {
  const row = rows[0];
  if (!row) throw new Error('INSERT … RETURNING id returned no row');
  return row.id;
}

/**
 * Writes a company with an owner, an API key, a program and enrolled partners straight into
 * the database — the fastest way for a test to stand on a tenant without depending on the
 * sign-up and admin endpoints under test elsewhere.
 */
export async function seedTenant(db: Pool, options: SeedOptions = {}): Promise<SeededTenant> {
  const tag = unique();
  const name = options.name ?? `Company ${tag}`;
  const { rows: companies } = await db.query<{ id: string }>(
    'INSERT INTO companies (name) VALUES ($1) RETURNING id',
    [name],
  );
  const companyId = firstId(companies);
  const ownerEmail = `owner-${tag}@example.com`;
  const { rows: users } = await db.query<{ id: string }>(
    `INSERT INTO users (company_id, email, name, password_hash, role)
     VALUES ($1, $2, 'Owner', 'not-a-real-hash', 'owner') RETURNING id`,
    [companyId, ownerEmail],
  );
  const apiKey = `sk_${randomBytes(24).toString('base64url')}`;
  await db.query(
    `INSERT INTO api_keys (company_id, name, prefix, key_hash) VALUES ($1, 'test key', $2, $3)`,
    [companyId, apiKey.slice(0, 11), hashToken(apiKey)],
  );
  const publishableKey = `pk_${randomBytes(16).toString('base64url')}`;
  const { rows: programs } = await db.query<{ id: string }>(
    `INSERT INTO programs (company_id, name, publishable_key, form_schema, offer, allowed_origins,
                           lead_submission_enabled, lead_import_enabled)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      companyId,
      `${name} Partner Program`,
      publishableKey,
      JSON.stringify(options.formSchema ?? DEFAULT_LEAD_FORM_SCHEMA),
      JSON.stringify(options.offer ?? { rules: [] }),
      options.allowedOrigins ?? [],
      options.leadSubmissionEnabled ?? true,
      options.leadImportEnabled ?? true,
    ],
  );
  const programId = firstId(programs);
  const partners: SeededPartner[] = [];
  for (let i = 0; i < (options.partners ?? 2); i++) {
    const email = `partner${i + 1}-${tag}@example.com`;
    const partnerName = `Partner ${i + 1} ${tag}`;
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO partners (company_id, name, email, unsubscribe_token)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [companyId, partnerName, email, randomBytes(16).toString('hex')],
    );
    const partnerId = firstId(rows);
    const partnerKey = `partner-${i + 1}-${tag}`;
    await db.query(
      `INSERT INTO partnerships (company_id, program_id, partner_id, partner_key) VALUES ($1, $2, $3, $4)`,
      [companyId, programId, partnerId, partnerKey],
    );
    partners.push({
      id: partnerId,
      name: partnerName,
      email,
      partnerKey,
      token: signPartnerToken(TEST_APP_SECRET, {
        companyId,
        partnerId,
        programId,
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      }),
    });
  }
  return {
    companyId,
    ownerId: firstId(users),
    ownerEmail,
    apiKey,
    programId,
    publishableKey,
    partners,
  };
}
