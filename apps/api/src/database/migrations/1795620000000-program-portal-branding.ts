import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programs get a hosted partner portal at /p/<slug> (unique across companies) with the company's
 * logo and accent colour, and remember when and where their form first loaded (the guided
 * setup's "share the form" step). The logo is a small image kept in the row, read only by the
 * portal's logo route.
 */
export class ProgramPortalBranding1795620000000 implements MigrationInterface {
  name = 'ProgramPortalBranding1795620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE programs
        ADD COLUMN slug text,
        ADD COLUMN brand_color text CHECK (brand_color ~ '^#[0-9a-f]{6}$'),
        ADD COLUMN logo bytea,
        ADD COLUMN logo_type text CHECK (logo_type IN ('image/png', 'image/jpeg', 'image/webp', 'image/gif')),
        ADD COLUMN logo_version text,
        ADD COLUMN form_first_loaded_at timestamptz,
        ADD COLUMN form_first_loaded_from text`);
    // Existing programs: their name as a slug, made unique by the start of their id.
    await q.query(`
      UPDATE programs SET slug =
        coalesce(nullif(trim(both '-' from left(regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g'), 40)), ''), 'program')
        || '-' || left(replace(id::text, '-', ''), 8)`);
    // Rows written by other tools (scripts, tests) without a slug still get a unique one.
    await q.query(`
      ALTER TABLE programs
        ALTER COLUMN slug SET DEFAULT ('program-' || left(replace(gen_random_uuid()::text, '-', ''), 16)),
        ALTER COLUMN slug SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX programs_slug_key ON programs (slug)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS programs_slug_key`);
    await q.query(`
      ALTER TABLE programs
        DROP COLUMN IF EXISTS slug,
        DROP COLUMN IF EXISTS brand_color,
        DROP COLUMN IF EXISTS logo,
        DROP COLUMN IF EXISTS logo_type,
        DROP COLUMN IF EXISTS logo_version,
        DROP COLUMN IF EXISTS form_first_loaded_at,
        DROP COLUMN IF EXISTS form_first_loaded_from`);
  }
}
