import { createHash, randomBytes } from 'node:crypto';
import {
  DEFAULT_LEAD_FORM_SCHEMA,
  type LeadFormSchema,
  type Offer,
  type StageLabels,
} from '@leadbridge/core';
import { Leadbridge } from '@leadbridge/sdk';
import pg from 'pg';
import { testEnvironment } from './environment.js';

export interface SeededPartner {
  id: string;
  name: string;
  email: string;
  partnerKey: string;
}

export interface SeededProgram {
  companyId: string;
  programId: string;
  publishableKey: string;
  apiKey: string;
  partners: SeededPartner[];
  /** The company's SDK client (API key): what a company's server or sales team would do. */
  company: Leadbridge;
}

export interface SeedOptions {
  name?: string;
  formSchema?: LeadFormSchema;
  offer?: Offer;
  stageLabels?: StageLabels;
  partners?: number;
  leadSubmissionEnabled?: boolean;
  leadImportEnabled?: boolean;
  /** Defaults to the host site's origin. */
  allowedOrigins?: string[];
  currency?: string;
}

let pool: pg.Pool | null = null;

export function database(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: testEnvironment().databaseUrl, max: 3 });
  return pool;
}

const tag = () => randomBytes(4).toString('hex');

/**
 * A company with an API key, a program and enrolled partners, written straight into the
 * database (as the API's own tests do): the widget tests stand on a tenant without depending on
 * the admin endpoints. Everything after that goes through the API.
 */
export async function seedProgram(options: SeedOptions = {}): Promise<SeededProgram> {
  const env = testEnvironment();
  const db = database();
  const id = tag();
  const name = options.name ?? `Acme ${id}`;
  const company = await db.query<{ id: string }>(
    'INSERT INTO companies (name) VALUES ($1) RETURNING id',
    [name],
  );
  const companyId = company.rows[0]?.id ?? '';
  await db.query(
    `INSERT INTO users (company_id, email, name, password_hash, role)
     VALUES ($1, $2, 'Owner', 'not-a-real-hash', 'owner')`,
    [companyId, `owner-${id}@example.com`],
  );
  const apiKey = `sk_${randomBytes(24).toString('base64url')}`;
  await db.query(
    'INSERT INTO api_keys (company_id, name, prefix, key_hash) VALUES ($1, $2, $3, $4)',
    [
      companyId,
      'widget tests',
      apiKey.slice(0, 11),
      createHash('sha256').update(apiKey).digest('hex'),
    ],
  );
  const publishableKey = `pk_${randomBytes(16).toString('base64url')}`;
  const program = await db.query<{ id: string }>(
    `INSERT INTO programs (company_id, name, publishable_key, form_schema, offer, allowed_origins,
                           lead_submission_enabled, lead_import_enabled, stage_labels, currency)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      companyId,
      `${name} Partner Program`,
      publishableKey,
      JSON.stringify(options.formSchema ?? DEFAULT_LEAD_FORM_SCHEMA),
      JSON.stringify(options.offer ?? { rules: [] }),
      options.allowedOrigins ?? [env.hostUrl],
      options.leadSubmissionEnabled ?? true,
      options.leadImportEnabled ?? true,
      JSON.stringify(options.stageLabels ?? {}),
      options.currency ?? 'EUR',
    ],
  );
  const programId = program.rows[0]?.id ?? '';
  const partners: SeededPartner[] = [];
  for (let index = 0; index < (options.partners ?? 1); index++) {
    const email = `partner${index + 1}-${id}@example.com`;
    const partnerName = `Partner ${index + 1} ${id}`;
    const partner = await db.query<{ id: string }>(
      'INSERT INTO partners (company_id, name, email, unsubscribe_token) VALUES ($1, $2, $3, $4) RETURNING id',
      [companyId, partnerName, email, randomBytes(16).toString('hex')],
    );
    const partnerId = partner.rows[0]?.id ?? '';
    const partnerKey = `partner-${index + 1}-${id}`;
    await db.query(
      'INSERT INTO partnerships (company_id, program_id, partner_id, partner_key) VALUES ($1, $2, $3, $4)',
      [companyId, programId, partnerId, partnerKey],
    );
    partners.push({ id: partnerId, name: partnerName, email, partnerKey });
  }
  return {
    companyId,
    programId,
    publishableKey,
    apiKey,
    partners,
    company: new Leadbridge({ baseUrl: env.apiUrl, apiKey }),
  };
}

/** A partner session minted by the company's server, for `<lead-form session-token>`. */
export async function partnerToken(program: SeededProgram, partner = 0): Promise<string> {
  const who = program.partners[partner];
  if (!who) throw new Error(`no partner ${partner}`);
  const session = await program.company.partnerSessions.create({
    programId: program.programId,
    partnerId: who.id,
  });
  return session.token;
}

/** The SDK as a partner (to create data the way the widget would, outside the browser). */
export function partnerClient(token: string): Leadbridge {
  return new Leadbridge({ baseUrl: testEnvironment().apiUrl, sessionToken: token });
}
