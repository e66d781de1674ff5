import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset pagination of a tenant's leads by last update (`sort=-updatedAt`, the inbox's "recently
 * changed"): without it, that sort reads and sorts every lead of the company.
 */
export class LeadsUpdatedAtIndex1795617500000 implements MigrationInterface {
  name = 'LeadsUpdatedAtIndex1795617500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS leads_company_updated_idx ON leads (company_id, updated_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS leads_company_updated_idx`);
  }
}
