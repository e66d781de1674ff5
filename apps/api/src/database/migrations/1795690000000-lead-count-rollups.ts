import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's lead counts, pre-aggregated (ADR 0022). Statement triggers on `leads` append
 * one row per (program, partner, UTC hour, stage) a statement changed to `lead_count_changes`
 * (insert-only, so concurrent writers never wait on a shared counter row); the dashboard folds
 * those into `lead_counts_hourly` (per program and stage) and `lead_counts_daily` (per program
 * and partner) before it reads them. Triggers rather than code in each write: every path that
 * writes leads — form, API, import, stage moves, seeds, cascading deletes — is counted.
 */
/** An updated lead (o → n) moved between counted buckets. */
const MOVED = `(o.company_id, o.program_id, o.partner_id, o.created_at, o.stage)
  IS DISTINCT FROM (n.company_id, n.program_id, n.partner_id, n.created_at, n.stage)`;

export class LeadCountRollups1795690000000 implements MigrationInterface {
  name = 'LeadCountRollups1795690000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_count_changes (
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        id bigint GENERATED ALWAYS AS IDENTITY,
        program_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        hour timestamptz NOT NULL,
        stage text NOT NULL,
        delta integer NOT NULL,
        PRIMARY KEY (company_id, id)
      )`);
    await q.query(`
      CREATE TABLE lead_counts_hourly (
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        hour timestamptz NOT NULL,
        program_id uuid NOT NULL,
        stage text NOT NULL,
        leads integer NOT NULL,
        PRIMARY KEY (company_id, hour, program_id, stage)
      )`);
    await q.query(`
      CREATE TABLE lead_counts_daily (
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        day date NOT NULL,
        program_id uuid NOT NULL,
        partner_id uuid NOT NULL,
        leads integer NOT NULL,
        qualified integer NOT NULL,
        won integer NOT NULL,
        PRIMARY KEY (company_id, day, program_id, partner_id)
      )`);
    // Each function takes the statement's transition tables: one INSERT per statement, however
    // many leads it wrote (an import batch of thousands adds a handful of rows).
    await q.query(`
      CREATE FUNCTION lead_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO lead_count_changes (company_id, program_id, partner_id, hour, stage, delta)
        SELECT company_id, program_id, partner_id, date_trunc('hour', created_at, 'UTC'), stage,
               count(*)
          FROM new_leads GROUP BY 1, 2, 3, 4, 5;
        RETURN NULL;
      END $$`);
    // Leads deleted with their company (a cascade) leave nothing: its counts go with it.
    await q.query(`
      CREATE FUNCTION lead_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO lead_count_changes (company_id, program_id, partner_id, hour, stage, delta)
        SELECT o.company_id, o.program_id, o.partner_id, date_trunc('hour', o.created_at, 'UTC'),
               o.stage, -count(*)
          FROM old_leads o
         WHERE EXISTS (SELECT 1 FROM companies c WHERE c.id = o.company_id)
         GROUP BY 1, 2, 3, 4, 5;
        RETURN NULL;
      END $$`);
    // Most updates (edits, version bumps) change nothing counted: only rows whose stage,
    // program, partner or creation time moved give a pair of changes.
    await q.query(`
      CREATE FUNCTION lead_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO lead_count_changes (company_id, program_id, partner_id, hour, stage, delta)
        SELECT company_id, program_id, partner_id, hour, stage, sum(delta)
          FROM (
            SELECT o.company_id, o.program_id, o.partner_id,
                   date_trunc('hour', o.created_at, 'UTC') AS hour, o.stage, -1 AS delta
              FROM old_leads o JOIN new_leads n ON n.id = o.id AND ${MOVED}
            UNION ALL
            SELECT n.company_id, n.program_id, n.partner_id,
                   date_trunc('hour', n.created_at, 'UTC'), n.stage, 1
              FROM old_leads o JOIN new_leads n ON n.id = o.id AND ${MOVED}
          ) c
         GROUP BY 1, 2, 3, 4, 5
        HAVING sum(delta) <> 0;
        RETURN NULL;
      END $$`);
    // The triggers before the backfill: their lock on leads holds concurrent writes until this
    // migration commits, so no lead is counted twice or missed.
    await q.query(`
      CREATE TRIGGER leads_counts_inserted AFTER INSERT ON leads
        REFERENCING NEW TABLE AS new_leads
        FOR EACH STATEMENT EXECUTE FUNCTION lead_counts_inserted()`);
    await q.query(`
      CREATE TRIGGER leads_counts_updated AFTER UPDATE ON leads
        REFERENCING OLD TABLE AS old_leads NEW TABLE AS new_leads
        FOR EACH STATEMENT EXECUTE FUNCTION lead_counts_updated()`);
    await q.query(`
      CREATE TRIGGER leads_counts_deleted AFTER DELETE ON leads
        REFERENCING OLD TABLE AS old_leads
        FOR EACH STATEMENT EXECUTE FUNCTION lead_counts_deleted()`);
    await q.query(`
      INSERT INTO lead_counts_hourly (company_id, hour, program_id, stage, leads)
      SELECT company_id, date_trunc('hour', created_at, 'UTC'), program_id, stage, count(*)
        FROM leads GROUP BY 1, 2, 3, 4`);
    await q.query(`
      INSERT INTO lead_counts_daily (company_id, day, program_id, partner_id, leads, qualified, won)
      SELECT company_id, (created_at AT TIME ZONE 'UTC')::date, program_id, partner_id, count(*),
             count(*) FILTER (WHERE stage IN ('qualified', 'closed_won', 'closed_lost')),
             count(*) FILTER (WHERE stage = 'closed_won')
        FROM leads GROUP BY 1, 2, 3, 4`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER leads_counts_deleted ON leads`);
    await q.query(`DROP TRIGGER leads_counts_updated ON leads`);
    await q.query(`DROP TRIGGER leads_counts_inserted ON leads`);
    await q.query(`DROP FUNCTION lead_counts_updated()`);
    await q.query(`DROP FUNCTION lead_counts_deleted()`);
    await q.query(`DROP FUNCTION lead_counts_inserted()`);
    await q.query(`DROP TABLE lead_counts_daily`);
    await q.query(`DROP TABLE lead_counts_hourly`);
    await q.query(`DROP TABLE lead_count_changes`);
  }
}
