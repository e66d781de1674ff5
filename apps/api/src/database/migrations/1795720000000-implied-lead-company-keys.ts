import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the two foreign keys from the per-lead tables to `companies` that their composite keys
 * already imply (ADR 0024): a lead's `(partner_id, company_id)` must match a partner of that
 * company, and an event's `(lead_id, company_id)` a lead of that company, and those rows
 * reference `companies` themselves. Deleting a company still removes both, through
 * partners/programs → leads → lead_events (all ON DELETE CASCADE). Each dropped key was one more
 * check, and one more lock on the company's row, for every lead and event written.
 */
export class ImpliedLeadCompanyKeys1795720000000 implements MigrationInterface {
  name = 'ImpliedLeadCompanyKeys1795720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lead_events DROP CONSTRAINT lead_events_company_id_fkey`);
    await q.query(`ALTER TABLE leads DROP CONSTRAINT leads_company_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE leads ADD CONSTRAINT leads_company_id_fkey
         FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE`,
    );
    await q.query(
      `ALTER TABLE lead_events ADD CONSTRAINT lead_events_company_id_fkey
         FOREIGN KEY (company_id) REFERENCES companies(id) ON DELETE CASCADE`,
    );
  }
}
