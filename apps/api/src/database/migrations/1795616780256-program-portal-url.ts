import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs learn where the company embeds the widget (partner emails link there); a program's
 * enrolled partners list newest first without sorting the whole program; partner search by
 * name or email uses a trigram index instead of scanning every partner of the company.
 */
export class ProgramPortalUrl1795616780256 implements MigrationInterface {
  name = 'ProgramPortalUrl1795616780256';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programs ADD COLUMN portal_url text`);
    await q.query(
      `CREATE INDEX partnerships_program_created_idx ON partnerships (company_id, program_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX partners_search_trgm_idx ON partners USING gin (lower(name || ' ' || email) gin_trgm_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS partners_search_trgm_idx`);
    await q.query(`DROP INDEX IF EXISTS partnerships_program_created_idx`);
    await q.query(`ALTER TABLE programs DROP COLUMN IF EXISTS portal_url`);
  }
}
