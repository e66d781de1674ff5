import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every key of a tenant table includes `company_id`, so the tables can be distributed by it
 * (Citus, ADR 0015): a primary key or unique index is then checked inside one tenant's shard,
 * and a foreign key between two tenant tables joins rows of the same tenant.
 *
 * - Primary keys become `(id, company_id)`: `id` stays first, so every lookup by id keeps its
 *   index; the pair is exactly as unique as `id` was.
 * - Unique keys get `company_id` appended under their old names (ON CONFLICT targets and error
 *   handling name them). Each key already implied one tenant (a program, a lead, an endpoint
 *   belongs to one company), so nothing that was refused before is accepted now.
 * - Foreign keys between tenant tables become `(x_id, company_id) → (id, company_id)`. The two
 *   that cleared the column on delete (`leads.import_id`, `message_threads.lead_id`) become
 *   plain references: Citus refuses SET NULL on a key that holds the distribution column, and
 *   nothing deletes a single import or lead (a whole tenant goes with its company).
 *
 * Companies, users, invitations, sessions, API keys and programs stay as they are: they are
 * looked up before the tenant is known (by email, token or publishable key) and become Citus
 * reference tables. The rebuilt indexes take an exclusive lock on each table while they build.
 */
export class DistributionKeys1795650000000 implements MigrationInterface {
  name = 'DistributionKeys1795650000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, column] of TENANT_FOREIGN_KEYS) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey`);
    }
    for (const table of TENANT_TABLES_WITH_ID) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (id, company_id)`,
      );
    }
    await q.query(
      `ALTER TABLE import_errors DROP CONSTRAINT import_errors_pkey,
         ADD CONSTRAINT import_errors_pkey PRIMARY KEY (import_id, row_number, company_id)`,
    );
    for (const [table, name, columns] of UNIQUE_CONSTRAINTS) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${name},
           ADD CONSTRAINT ${name} UNIQUE (${columns.join(', ')}, company_id)`,
      );
    }
    await q.query(`DROP INDEX leads_program_email_key`);
    await q.query(
      `CREATE UNIQUE INDEX leads_program_email_key ON leads (program_id, email_normalized, company_id)`,
    );
    await q.query(`DROP INDEX leads_import_row_key`);
    await q.query(
      `CREATE UNIQUE INDEX leads_import_row_key ON leads (import_id, import_row, company_id)
        WHERE import_id IS NOT NULL`,
    );
    for (const [table, column, parent, onDelete] of TENANT_FOREIGN_KEYS) {
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey
           FOREIGN KEY (${column}, company_id) REFERENCES ${parent} (id, company_id) ON DELETE ${onDelete.toUpperCase()}`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of TENANT_FOREIGN_KEYS) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_fkey`);
    }
    await q.query(`DROP INDEX leads_import_row_key`);
    await q.query(
      `CREATE UNIQUE INDEX leads_import_row_key ON leads (import_id, import_row) WHERE import_id IS NOT NULL`,
    );
    await q.query(`DROP INDEX leads_program_email_key`);
    await q.query(
      `CREATE UNIQUE INDEX leads_program_email_key ON leads (program_id, email_normalized)`,
    );
    for (const [table, name, columns] of UNIQUE_CONSTRAINTS) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${name}, ADD CONSTRAINT ${name} UNIQUE (${columns.join(', ')})`,
      );
    }
    await q.query(
      `ALTER TABLE import_errors DROP CONSTRAINT import_errors_pkey,
         ADD CONSTRAINT import_errors_pkey PRIMARY KEY (import_id, row_number)`,
    );
    for (const table of TENANT_TABLES_WITH_ID) {
      await q.query(
        `ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey, ADD CONSTRAINT ${table}_pkey PRIMARY KEY (id)`,
      );
    }
    for (const [table, column, parent, onDelete] of TENANT_FOREIGN_KEYS) {
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey
           FOREIGN KEY (${column}) REFERENCES ${parent} (id) ON DELETE ${onDelete === 'cascade' ? 'CASCADE' : 'SET NULL'}`,
      );
    }
  }
}

const TENANT_TABLES_WITH_ID = [
  'partners',
  'partnerships',
  'partner_sign_in_codes',
  'imports',
  'leads',
  'lead_events',
  'customers',
  'transactions',
  'commissions',
  'message_threads',
  'messages',
  'webhook_endpoints',
  'webhook_deliveries',
  'webhook_attempts',
  'email_outbox',
];

/** table, constraint, its columns before company_id was appended. */
const UNIQUE_CONSTRAINTS: [string, string, string[]][] = [
  ['partners', 'partners_unsubscribe_token_key', ['unsubscribe_token']],
  ['partnerships', 'partnerships_program_id_partner_id_key', ['program_id', 'partner_id']],
  ['partnerships', 'partnerships_program_id_partner_key_key', ['program_id', 'partner_key']],
  ['customers', 'customers_lead_id_key', ['lead_id']],
  ['transactions', 'transactions_customer_id_external_id_key', ['customer_id', 'external_id']],
  [
    'webhook_deliveries',
    'webhook_deliveries_endpoint_id_event_id_key',
    ['endpoint_id', 'event_id'],
  ],
];

/**
 * table, column, referenced tenant table, on delete. `no action` keys were ON DELETE SET NULL
 * before (and are again after `down`); they are NO ACTION now, checked at the end of the
 * statement, so deleting a company still cascades through both tables.
 */
const TENANT_FOREIGN_KEYS: [string, string, string, 'cascade' | 'no action'][] = [
  ['partnerships', 'partner_id', 'partners', 'cascade'],
  ['partner_sign_in_codes', 'partner_id', 'partners', 'cascade'],
  ['imports', 'partner_id', 'partners', 'cascade'],
  ['import_errors', 'import_id', 'imports', 'cascade'],
  ['leads', 'partner_id', 'partners', 'cascade'],
  ['leads', 'import_id', 'imports', 'no action'],
  ['lead_events', 'lead_id', 'leads', 'cascade'],
  ['customers', 'partner_id', 'partners', 'cascade'],
  ['customers', 'lead_id', 'leads', 'cascade'],
  ['transactions', 'customer_id', 'customers', 'cascade'],
  ['commissions', 'partner_id', 'partners', 'cascade'],
  ['commissions', 'lead_id', 'leads', 'cascade'],
  ['commissions', 'customer_id', 'customers', 'cascade'],
  ['commissions', 'transaction_id', 'transactions', 'cascade'],
  ['message_threads', 'partner_id', 'partners', 'cascade'],
  ['message_threads', 'lead_id', 'leads', 'no action'],
  ['messages', 'thread_id', 'message_threads', 'cascade'],
  ['webhook_deliveries', 'endpoint_id', 'webhook_endpoints', 'cascade'],
  ['webhook_attempts', 'delivery_id', 'webhook_deliveries', 'cascade'],
];
