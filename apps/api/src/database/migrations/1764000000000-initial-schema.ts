import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole data model. Every tenant table carries `company_id` (and is indexed by it first) so
 * that each query can be scoped by tenant and the schema can be distributed by tenant (Citus)
 * without change. Money is integer minor units plus an ISO 4217 currency.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE companies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);
    await q.query(`CREATE INDEX users_company_idx ON users (company_id, created_at)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
        token_hash text NOT NULL UNIQUE,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX invitations_company_idx ON invitations (company_id, created_at)`);

    await q.query(`
      CREATE TABLE user_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX user_sessions_user_idx ON user_sessions (company_id, user_id)`);

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        name text NOT NULL,
        prefix text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_keys_company_idx ON api_keys (company_id, created_at)`);

    await q.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text,
        publishable_key text NOT NULL UNIQUE,
        lead_submission_enabled boolean NOT NULL DEFAULT true,
        lead_import_enabled boolean NOT NULL DEFAULT true,
        form_schema jsonb NOT NULL,
        stage_labels jsonb NOT NULL DEFAULT '{}'::jsonb,
        offer jsonb NOT NULL DEFAULT '{"rules": []}'::jsonb,
        currency text NOT NULL DEFAULT 'USD',
        dedupe_policy text NOT NULL DEFAULT 'email' CHECK (dedupe_policy IN ('email', 'email_or_domain')),
        allowed_origins text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    await q.query(`CREATE INDEX programs_company_idx ON programs (company_id, created_at, id)`);

    await q.query(`
      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        name text NOT NULL,
        email text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'archived')),
        notification_preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
        unsubscribe_token text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX partners_company_email_key ON partners (company_id, lower(email))`,
    );
    await q.query(`CREATE INDEX partners_company_idx ON partners (company_id, created_at, id)`);

    await q.query(`
      CREATE TABLE partnerships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        partner_key text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (program_id, partner_id),
        UNIQUE (program_id, partner_key)
      )`);
    await q.query(`CREATE INDEX partnerships_partner_idx ON partnerships (company_id, partner_id)`);

    await q.query(`
      CREATE TABLE partner_sign_in_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        consumed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX partner_sign_in_codes_lookup_idx ON partner_sign_in_codes (program_id, partner_id, created_at DESC)`,
    );

    await q.query(`
      CREATE TABLE imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        created_by_type text NOT NULL CHECK (created_by_type IN ('user', 'api_key', 'partner')),
        created_by_id uuid,
        file_name text NOT NULL,
        file_size bigint NOT NULL DEFAULT 0,
        storage_key text NOT NULL,
        mapping jsonb,
        headers jsonb,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'processing', 'completed', 'failed')),
        rows_total integer,
        rows_processed integer NOT NULL DEFAULT 0,
        rows_imported integer NOT NULL DEFAULT 0,
        rows_failed integer NOT NULL DEFAULT 0,
        rows_duplicate integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        completed_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX imports_company_idx ON imports (company_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX imports_partner_idx ON imports (company_id, partner_id, created_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE import_errors (
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        cells jsonb NOT NULL,
        error text NOT NULL,
        PRIMARY KEY (import_id, row_number)
      )`);

    await q.query(`
      CREATE TABLE leads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        stage text NOT NULL DEFAULT 'new' CHECK (stage IN ('new', 'qualified', 'unqualified', 'closed_won', 'closed_lost')),
        email text NOT NULL,
        email_normalized text NOT NULL,
        first_name text,
        last_name text,
        company_name text,
        company_domain text,
        fields jsonb NOT NULL DEFAULT '{}'::jsonb,
        source text NOT NULL DEFAULT 'form' CHECK (source IN ('form', 'api', 'import')),
        import_id uuid REFERENCES imports(id) ON DELETE SET NULL,
        import_row integer,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        stage_changed_at timestamptz NOT NULL DEFAULT now(),
        won_at timestamptz,
        search_text text GENERATED ALWAYS AS (
          lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || email || ' ' || coalesce(company_name, ''))
        ) STORED
      )`);
    // Identity of a lead in a program: first partner to register the email owns it.
    await q.query(
      `CREATE UNIQUE INDEX leads_program_email_key ON leads (program_id, email_normalized)`,
    );
    await q.query(
      `CREATE INDEX leads_program_domain_idx ON leads (program_id, company_domain) WHERE company_domain IS NOT NULL`,
    );
    // A resumed import re-inserts nothing: its rows are keyed by (import, row number).
    await q.query(
      `CREATE UNIQUE INDEX leads_import_row_key ON leads (import_id, import_row) WHERE import_id IS NOT NULL`,
    );
    // Keyset pagination: newest first within a tenant, optionally narrowed by stage, partner or program.
    await q.query(
      `CREATE INDEX leads_company_created_idx ON leads (company_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX leads_company_stage_created_idx ON leads (company_id, stage, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX leads_company_partner_created_idx ON leads (company_id, partner_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX leads_company_program_created_idx ON leads (company_id, program_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX leads_search_trgm_idx ON leads USING gin (search_text gin_trgm_ops)`,
    );

    await q.query(`
      CREATE TABLE lead_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        type text NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'partner', 'system')),
        actor_id uuid,
        actor_name text,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX lead_events_lead_idx ON lead_events (company_id, lead_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        lead_id uuid NOT NULL UNIQUE REFERENCES leads(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'signed_up' CHECK (status IN ('signed_up', 'paid')),
        revenue_amount bigint NOT NULL DEFAULT 0,
        currency text NOT NULL,
        won_at timestamptz NOT NULL,
        first_paid_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX customers_company_idx ON customers (company_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX customers_partner_idx ON customers (company_id, partner_id, created_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE transactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        amount bigint NOT NULL,
        currency text NOT NULL,
        description text,
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (customer_id, external_id)
      )`);
    await q.query(
      `CREATE INDEX transactions_company_idx ON transactions (company_id, customer_id, occurred_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE commissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        lead_id uuid NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        customer_id uuid REFERENCES customers(id) ON DELETE CASCADE,
        transaction_id uuid REFERENCES transactions(id) ON DELETE CASCADE,
        trigger_key text NOT NULL,
        rule jsonb NOT NULL,
        description text NOT NULL,
        amount bigint NOT NULL,
        currency text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'paid', 'declined')),
        status_changed_by uuid,
        approved_at timestamptz,
        paid_at timestamptz,
        declined_at timestamptz,
        decline_reason text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Exactly once per triggering event (a stage reached, a transaction recorded) and rule.
    await q.query(
      `CREATE UNIQUE INDEX commissions_trigger_key ON commissions (company_id, trigger_key)`,
    );
    await q.query(
      `CREATE INDEX commissions_company_idx ON commissions (company_id, status, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX commissions_partner_idx ON commissions (company_id, partner_id, created_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE message_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
        lead_id uuid REFERENCES leads(id) ON DELETE SET NULL,
        subject text NOT NULL,
        last_message_at timestamptz NOT NULL DEFAULT now(),
        company_last_read_at timestamptz,
        partner_last_read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX message_threads_company_idx ON message_threads (company_id, last_message_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX message_threads_partner_idx ON message_threads (company_id, partner_id, last_message_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        thread_id uuid NOT NULL REFERENCES message_threads(id) ON DELETE CASCADE,
        author_type text NOT NULL CHECK (author_type IN ('user', 'api_key', 'partner')),
        author_id uuid,
        author_name text,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX messages_thread_idx ON messages (company_id, thread_id, created_at, id)`,
    );

    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        url text NOT NULL,
        description text,
        events text[] NOT NULL,
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX webhook_endpoints_company_idx ON webhook_endpoints (company_id, created_at)`,
    );

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_status_code integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        UNIQUE (endpoint_id, event_id)
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (company_id, endpoint_id, created_at DESC, id DESC)`,
    );

    await q.query(`
      CREATE TABLE webhook_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code integer,
        latency_ms integer,
        response_excerpt text,
        error text
      )`);
    await q.query(
      `CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (company_id, delivery_id, attempted_at)`,
    );

    await q.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        dedupe_key text NOT NULL,
        kind text NOT NULL,
        recipient text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'suppressed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (company_id, dedupe_key)
      )`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        principal text NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response_body jsonb,
        response_headers jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (company_id, principal, key)
      )`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);

    // Fixed-window counters shared by every API replica (sign-in, codes, submissions).
    await q.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'rate_limits',
      'idempotency_keys',
      'email_outbox',
      'webhook_attempts',
      'webhook_deliveries',
      'webhook_endpoints',
      'messages',
      'message_threads',
      'commissions',
      'transactions',
      'customers',
      'lead_events',
      'leads',
      'import_errors',
      'imports',
      'partner_sign_in_codes',
      'partnerships',
      'partners',
      'programs',
      'api_keys',
      'user_sessions',
      'invitations',
      'users',
      'companies',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    }
  }
}
