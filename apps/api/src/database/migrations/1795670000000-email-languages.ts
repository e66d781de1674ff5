import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language partner emails are written in: a partner's own choice (null = the program's),
 * else the program's default, which the company sets. The API checks values against the
 * supported locales, so adding a language needs no migration.
 */
export class EmailLanguages1795670000000 implements MigrationInterface {
  name = 'EmailLanguages1795670000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE programs ADD COLUMN default_locale text NOT NULL DEFAULT 'en'`);
    await q.query(`ALTER TABLE partners ADD COLUMN email_locale text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partners DROP COLUMN email_locale`);
    await q.query(`ALTER TABLE programs DROP COLUMN default_locale`);
  }
}
