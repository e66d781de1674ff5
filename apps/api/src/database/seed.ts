import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import {
  commissionsForStage,
  commissionsForTransaction,
  createDefaultLeadFormSchema,
  type LeadFormSchema,
  type LeadStage,
  normalizeEmail,
  type Offer,
} from '@leadbridge/core';
import { Client } from 'pg';
import { hashPassword } from '../auth/passwords';
import { hashToken } from '../common/auth/tokens';

/**
 * First-run demo data for `npm start`: one company with an owner, a program with custom fields
 * and an offer, three partners and a few hundred leads spread over the last months (some won,
 * with payments and commissions). Does nothing when any company exists, so restarts keep data.
 */

export const DEMO_OWNER = { email: 'owner@acme.example', password: 'leadbridge-demo' };
export const DEMO_PARTNERS = [
  { name: 'Northwind Agency', email: 'partner@northwind.example', key: 'northwind' },
  { name: 'Globex Resellers', email: 'hello@globex.example', key: 'globex' },
  { name: 'Initech Consulting', email: 'team@initech.example', key: 'initech' },
];

const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Edsger',
  'Radia',
  'Tim',
  'Katherine',
  'John',
  'Hedy',
  'Guido',
];
const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Berners-Lee',
  'Johnson',
  'Backus',
  'Lamarr',
  'van Rossum',
];
const COMPANIES = [
  'Umbrella',
  'Stark Industries',
  'Wayne Enterprises',
  'Hooli',
  'Pied Piper',
  'Vandelay',
  'Soylent',
  'Cyberdyne',
  'Tyrell',
  'Wonka',
  'Aperture',
  'Black Mesa',
  'Massive Dynamic',
  'Oscorp',
  'Dunder Mifflin',
  'Prestige Worldwide',
];
const PRODUCTS = ['analytics', 'warehouse', 'dashboards'];

function demoFormSchema(): LeadFormSchema {
  const schema = createDefaultLeadFormSchema();
  const order = schema.fields.length;
  schema.fields.push(
    {
      key: 'phone',
      label: 'Phone',
      type: 'phone',
      required: false,
      order: order,
    },
    {
      key: 'product',
      label: 'Product interest',
      type: 'select',
      required: true,
      helpText: 'What the prospect wants to buy first.',
      options: [
        { value: 'analytics', label: 'Analytics' },
        { value: 'warehouse', label: 'Data warehouse' },
        { value: 'dashboards', label: 'Dashboards' },
      ],
      order: order + 1,
    },
    {
      key: 'seats',
      label: 'Expected seats',
      type: 'number',
      required: false,
      order: order + 2,
    },
  );
  return schema;
}

const DEMO_OFFER: Offer = {
  rules: [
    { kind: 'flat', stage: 'closed_won', amount: { amount: 10_000, currency: 'USD' } },
    { kind: 'percentage', basisPoints: 2000, months: 12 },
  ],
};

/** A deterministic pseudo-random sequence, so every fresh demo looks the same. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export interface SeedResult {
  seeded: boolean;
  publishableKey: string;
  ownerEmail: string;
  ownerPassword: string;
  partnerEmails: string[];
  /** The demo program's hosted partner portal, relative to the API. */
  portalPath: string | null;
}

const DEMO_PORTAL_SLUG = 'acme-partners';

export async function seedDemo(
  databaseUrl: string,
  options: { allowedOrigins: string[]; leads?: number },
): Promise<SeedResult> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const existing = await db.query<{ publishable_key: string; slug: string }>(
      `SELECT g.publishable_key, g.slug FROM programs g ORDER BY g.created_at LIMIT 1`,
    );
    const existingCompany = await db.query('SELECT 1 FROM companies LIMIT 1');
    if (existingCompany.rowCount) {
      return {
        seeded: false,
        publishableKey: existing.rows[0]?.publishable_key ?? '',
        portalPath: existing.rows[0] ? `/p/${existing.rows[0].slug}` : null,
        ownerEmail: DEMO_OWNER.email,
        ownerPassword: DEMO_OWNER.password,
        partnerEmails: DEMO_PARTNERS.map((p) => p.email),
      };
    }
    await db.query('BEGIN');
    const company = await db.query<{ id: string }>(
      `INSERT INTO companies (name) VALUES ('Acme Analytics') RETURNING id`,
    );
    const companyId = company.rows[0]?.id as string;
    const owner = await db.query<{ id: string }>(
      `INSERT INTO users (company_id, email, name, password_hash, role)
       VALUES ($1, $2, 'Avery Owner', $3, 'owner') RETURNING id`,
      [companyId, DEMO_OWNER.email, await hashPassword(DEMO_OWNER.password)],
    );
    const ownerId = owner.rows[0]?.id as string;
    const demoApiKey = `sk_${randomBytes(24).toString('base64url')}`;
    await db.query(
      `INSERT INTO api_keys (company_id, name, prefix, key_hash, created_by) VALUES ($1, 'Demo server', $2, $3, $4)`,
      [companyId, demoApiKey.slice(0, 11), hashToken(demoApiKey), ownerId],
    );
    const publishableKey = `pk_${randomBytes(16).toString('base64url')}`;
    const program = await db.query<{ id: string }>(
      `INSERT INTO programs (company_id, name, description, publishable_key, form_schema, stage_labels, offer, currency, allowed_origins, slug, brand_color)
       VALUES ($1, 'Acme Partner Program', 'Refer teams that need analytics; earn on every deal.', $2, $3, $4, $5, 'USD', $6, $7, '#0b7285')
       RETURNING id`,
      [
        companyId,
        publishableKey,
        JSON.stringify(demoFormSchema()),
        JSON.stringify({ qualified: 'Accepted' }),
        JSON.stringify(DEMO_OFFER),
        options.allowedOrigins,
        DEMO_PORTAL_SLUG,
      ],
    );
    const programId = program.rows[0]?.id as string;
    const partnerIds: string[] = [];
    for (const partner of DEMO_PARTNERS) {
      const row = await db.query<{ id: string }>(
        `INSERT INTO partners (company_id, name, email, unsubscribe_token) VALUES ($1, $2, $3, $4) RETURNING id`,
        [companyId, partner.name, partner.email, randomBytes(16).toString('hex')],
      );
      const partnerId = row.rows[0]?.id as string;
      partnerIds.push(partnerId);
      await db.query(
        `INSERT INTO partnerships (company_id, program_id, partner_id, partner_key) VALUES ($1, $2, $3, $4)`,
        [companyId, programId, partnerId, partner.key],
      );
    }

    const random = sequence(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const total = options.leads ?? 300;
    const now = Date.now();
    const stages: LeadStage[] = [
      'new',
      'new',
      'new',
      'qualified',
      'qualified',
      'unqualified',
      'closed_won',
      'closed_lost',
    ];
    for (let i = 0; i < total; i++) {
      const first = pick(FIRST_NAMES);
      const last = pick(LAST_NAMES);
      const companyName = `${pick(COMPANIES)}${i % 5 === 0 ? ' Labs' : ''}`;
      const email =
        `${first}.${last}.${i}@${companyName.toLowerCase().replace(/[^a-z]+/g, '')}.example`.toLowerCase();
      const partnerIndex = Math.floor(random() * partnerIds.length);
      const partnerId = partnerIds[partnerIndex] as string;
      const createdAt = new Date(
        now - Math.floor(random() * 180) * 86_400_000 - Math.floor(random() * 86_400_000),
      );
      const stage = pick(stages);
      const stageChangedAt =
        stage === 'new'
          ? createdAt
          : new Date(
              Math.min(now, createdAt.getTime() + (1 + Math.floor(random() * 20)) * 86_400_000),
            );
      const wonAt = stage === 'closed_won' ? stageChangedAt : null;
      const fields = { product: pick(PRODUCTS), seats: 5 + Math.floor(random() * 200) };
      const lead = await db.query<{ id: string }>(
        `INSERT INTO leads (company_id, program_id, partner_id, stage, email, email_normalized, first_name, last_name,
                            company_name, company_domain, fields, source, created_at, updated_at, stage_changed_at, won_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15) RETURNING id`,
        [
          companyId,
          programId,
          partnerId,
          stage,
          email,
          normalizeEmail(email),
          first,
          last,
          companyName,
          email.split('@')[1],
          JSON.stringify(fields),
          i % 3 === 0 ? 'import' : 'form',
          createdAt,
          stageChangedAt,
          wonAt,
        ],
      );
      const leadId = lead.rows[0]?.id as string;
      const partnerName = DEMO_PARTNERS[partnerIndex]?.name ?? null;
      await db.query(
        `INSERT INTO lead_events (company_id, lead_id, type, actor_type, actor_id, actor_name, data, created_at)
         VALUES ($1, $2, 'created', 'partner', $3, $4, '{}', $5)`,
        [companyId, leadId, partnerId, partnerName, createdAt],
      );
      if (stage === 'new') continue;
      const path: LeadStage[] =
        stage === 'closed_won' || stage === 'closed_lost' ? ['qualified', stage] : [stage];
      let from: LeadStage = 'new';
      for (const to of path) {
        await db.query(
          `INSERT INTO lead_events (company_id, lead_id, type, actor_type, actor_id, actor_name, data, created_at)
           VALUES ($1, $2, 'stage_changed', 'user', $3, 'Avery Owner', $4, $5)`,
          [companyId, leadId, ownerId, JSON.stringify({ from, to }), stageChangedAt],
        );
        from = to;
      }
      if (!wonAt) continue;
      const customer = await db.query<{ id: string }>(
        `INSERT INTO customers (company_id, program_id, partner_id, lead_id, currency, won_at, created_at)
         VALUES ($1, $2, $3, $4, 'USD', $5, $5) RETURNING id`,
        [companyId, programId, partnerId, leadId, wonAt],
      );
      const customerId = customer.rows[0]?.id as string;
      for (const draft of commissionsForStage(DEMO_OFFER, 'closed_won')) {
        await db.query(
          `INSERT INTO commissions (company_id, program_id, partner_id, lead_id, customer_id, trigger_key, rule, description, amount, currency, status, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            companyId,
            programId,
            partnerId,
            leadId,
            customerId,
            `stage:${leadId}:closed_won:${draft.ruleIndex}`,
            JSON.stringify(DEMO_OFFER.rules[draft.ruleIndex]),
            draft.description,
            draft.amount.amount,
            draft.amount.currency,
            random() < 0.5 ? 'approved' : 'pending',
            wonAt,
          ],
        );
      }
      const payments = Math.floor(random() * 4);
      let revenue = 0;
      let firstPaidAt: Date | null = null;
      for (let p = 0; p < payments; p++) {
        const occurredAt = new Date(
          Math.min(now, wonAt.getTime() + p * 30 * 86_400_000 + 86_400_000),
        );
        const amount = (50 + Math.floor(random() * 450)) * 100;
        revenue += amount;
        firstPaidAt ??= occurredAt;
        const transaction = await db.query<{ id: string }>(
          `INSERT INTO transactions (company_id, customer_id, external_id, amount, currency, occurred_at, description)
           VALUES ($1, $2, $3, $4, 'USD', $5, 'Subscription payment') RETURNING id`,
          [companyId, customerId, `inv_${i}_${p}`, amount, occurredAt],
        );
        const transactionId = transaction.rows[0]?.id as string;
        for (const draft of commissionsForTransaction(DEMO_OFFER, {
          wonAt,
          occurredAt,
          amount: { amount, currency: 'USD' },
        })) {
          await db.query(
            `INSERT INTO commissions (company_id, program_id, partner_id, lead_id, customer_id, transaction_id, trigger_key, rule, description, amount, currency, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [
              companyId,
              programId,
              partnerId,
              leadId,
              customerId,
              transactionId,
              `txn:${transactionId}:${draft.ruleIndex}`,
              JSON.stringify(DEMO_OFFER.rules[draft.ruleIndex]),
              draft.description,
              draft.amount.amount,
              draft.amount.currency,
              occurredAt,
            ],
          );
        }
      }
      if (payments > 0) {
        await db.query(
          `UPDATE customers SET status = 'paid', revenue_amount = $2, first_paid_at = $3 WHERE id = $1`,
          [customerId, revenue, firstPaidAt],
        );
      }
    }
    await db.query('COMMIT');
    return {
      seeded: true,
      publishableKey,
      portalPath: `/p/${DEMO_PORTAL_SLUG}`,
      ownerEmail: DEMO_OWNER.email,
      ownerPassword: DEMO_OWNER.password,
      partnerEmails: DEMO_PARTNERS.map((p) => p.email),
    };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await db.end();
  }
}

/** `node dist/database/seed.js` prints the result as JSON for scripts/start.mjs. */
if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required');
    process.exit(1);
  }
  seedDemo(url, {
    allowedOrigins: (process.env.SEED_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
  })
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
