import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MailCatcher, startMailCatcher } from '@leadbridge/devkit/mail-catcher';
import { createDatabase, type TestDatabase } from '@leadbridge/devkit/test-databases';
import { Pool } from 'pg';
import { companyScope, snapshot } from './isolation/scopes';
import { buildCompany, newMarker, settle, startWebhookSink } from './isolation/world';
import { distributionProblems, type TablePlacement } from './support/distribution';
import { startTestApi, type TestApi } from './support/test-api';

/**
 * Where each table goes when Leadbridge is distributed by tenant (ADR 0015). Reference tables
 * are looked up before the tenant is known — by email (users), token hash (sessions,
 * invitations, API keys) or publishable key (programs) — so their global unique keys must stay
 * global; they are few rows per company and rarely written. `companies` is the tenant itself
 * and must be a reference table because the others reference it. Every other table is
 * distributed by company_id.
 */
const PLACEMENT: TablePlacement = {
  column: 'company_id',
  reference: ['companies', 'users', 'invitations', 'user_sessions', 'api_keys', 'programs'],
  // Not tenant data: replica-shared rate-limit counters, TypeORM's migration log and its record
  // of generated-column expressions.
  local: ['rate_limits', 'migrations', 'typeorm_metadata'],
};

function templateDatabase(): { adminUrl: string; template: string } {
  const adminUrl = process.env.LB_TEST_ADMIN_URL;
  const template = process.env.LB_TEST_TEMPLATE_DB;
  if (!adminUrl || !template) throw new Error('run API tests through jest (global-setup.mjs)');
  return { adminUrl, template };
}

describe('the schema can be distributed by company_id (Citus)', () => {
  let database: TestDatabase;
  let db: Pool;

  beforeAll(async () => {
    const { adminUrl, template } = templateDatabase();
    database = await createDatabase(adminUrl, { template });
    db = new Pool({ connectionString: database.url, max: 2 });
    db.on('error', () => {});
  });
  afterAll(async () => {
    await db?.end();
    await database?.drop();
  });

  it('has no key that would stop distributing the tenant tables', async () => {
    const problems = await distributionProblems(db, PLACEMENT);
    expect(problems).toEqual([]);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    const { reference, local } = PLACEMENT;
    const distributed = (rows[0]?.n ?? 0) - reference.length - local.length;
    console.log(
      `citus readiness: ${distributed} distributed, ${reference.length} reference, ${local.length} local tables; no blocking key`,
    );
  });

  it('names each kind of key that would stop distribution', async () => {
    // Tables shaped the way the schema was before ADR 0015, plus the other mistakes the check
    // exists for; created in this test's own database copy.
    await db.query(`
      CREATE TABLE probe_parents (id uuid PRIMARY KEY, company_id uuid NOT NULL, email text);
      CREATE UNIQUE INDEX probe_parents_email_key ON probe_parents (lower(email), (company_id::text));
      CREATE UNIQUE INDEX probe_parents_pair_key ON probe_parents (id, company_id);
      CREATE TABLE probe_children (
        id uuid NOT NULL, company_id uuid NOT NULL, parent_id uuid, other_parent_id uuid,
        email text, PRIMARY KEY (id, company_id),
        CONSTRAINT probe_children_parent_fkey FOREIGN KEY (parent_id) REFERENCES probe_parents (id),
        CONSTRAINT probe_children_other_fkey FOREIGN KEY (other_parent_id, company_id)
          REFERENCES probe_parents (id, company_id) ON DELETE SET NULL (other_parent_id)
      );
      CREATE UNIQUE INDEX probe_children_email_key ON probe_children (email) WHERE email IS NOT NULL;
      CREATE TABLE probe_untagged (id uuid PRIMARY KEY);
      CREATE TABLE probe_nullable (id uuid NOT NULL, company_id uuid, UNIQUE (id, company_id));
      CREATE TABLE probe_references (id uuid PRIMARY KEY, company_id uuid NOT NULL,
        lead_id uuid, CONSTRAINT probe_references_lead_fkey
          FOREIGN KEY (lead_id, company_id) REFERENCES leads (id, company_id));
    `);
    try {
      const problems = await distributionProblems(db, {
        ...PLACEMENT,
        reference: [...PLACEMENT.reference, 'probe_references', 'probe_missing'],
      });
      const expected = [
        /reference table list names "probe_missing", which does not exist/,
        /table "probe_untagged" has no company_id column/,
        /unique index "probe_parents_pkey" lacks company_id/,
        // company_id inside an expression does not count: Citus needs the plain column.
        /unique index "probe_parents_email_key" lacks company_id/,
        // A partial unique index is still a unique index.
        /unique index "probe_children_email_key" lacks company_id/,
        /foreign key "probe_children_parent_fkey" .* must pair company_id with company_id/,
        /foreign key "probe_children_other_fkey" .* ON DELETE SET NULL would change company_id/,
        /foreign key "probe_references_lead_fkey" of reference table .* may only reference reference tables/,
        /"probe_nullable": company_id must be NOT NULL/,
      ];
      for (const pattern of expected) {
        expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
      }
      // Only the probes are wrong; the pair key of probe_parents (with company_id) is fine.
      expect(problems.filter((p) => !p.includes('probe_'))).toEqual([]);
      expect(problems.some((p) => p.includes('probe_parents_pair_key'))).toBe(false);
    } finally {
      await db.query(
        `DROP TABLE probe_references, probe_nullable, probe_untagged, probe_children, probe_parents`,
      );
    }
  });
});

describe('a company is deleted with every row it owns', () => {
  let api: TestApi;
  let mail: MailCatcher;
  let sink: Awaited<ReturnType<typeof startWebhookSink>>;
  let storageDir = '';

  beforeAll(async () => {
    storageDir = mkdtempSync(join(tmpdir(), 'lb-citus-'));
    mail = await startMailCatcher();
    sink = await startWebhookSink();
    api = await startTestApi({
      STORAGE_DIR: storageDir,
      SMTP_URL: mail.smtpUrl,
      WEBHOOK_ALLOW_PRIVATE: 'true',
    });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await sink?.close();
    await mail?.stop();
    if (storageDir) rmSync(storageDir, { recursive: true, force: true });
  });

  it('removes an imported lead, its thread and everything else of one tenant, and nothing of another', async () => {
    const markers = (tag: string) => ({
      company: newMarker(`${tag}co`),
      p1: newMarker(`${tag}pa`),
      p2: newMarker(`${tag}pb`),
      p1InProgram2: newMarker(`${tag}pc`),
    });
    const gone = await buildCompany(api, sink.url, markers('a'));
    const kept = await buildCompany(api, sink.url, markers('b'));
    await settle(api, gone.companyId);
    await settle(api, kept.companyId);
    // The keys that no longer clear their column on delete (leads.import_id,
    // message_threads.lead_id) have rows pointing through them.
    const { rows: linked } = await api.db.query<{ imported: number; threads: number }>(
      `SELECT (SELECT count(*)::int FROM leads WHERE company_id = $1 AND import_id IS NOT NULL) AS imported,
              (SELECT count(*)::int FROM message_threads WHERE company_id = $1 AND lead_id IS NOT NULL) AS threads`,
      [gone.companyId],
    );
    expect(linked[0]?.imported).toBeGreaterThan(0);
    expect(linked[0]?.threads).toBeGreaterThan(0);
    const keptScope = await companyScope(api.db, kept.companyId);
    const keptBefore = await snapshot(api.db, keptScope);
    const goneScope = await companyScope(api.db, gone.companyId);
    expect(Object.values(await snapshot(api.db, goneScope)).flat().length).toBeGreaterThan(0);

    await api.db.query('DELETE FROM companies WHERE id = $1', [gone.companyId]);

    const left = Object.entries(await snapshot(api.db, goneScope)).filter(
      ([, rows]) => rows.length > 0,
    );
    expect(left).toEqual([]);
    expect(await snapshot(api.db, keptScope)).toEqual(keptBefore);
  }, 240_000);
});
