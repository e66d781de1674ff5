import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TypeORM's own record of generated-column expressions (`typeorm_metadata`, as its schema
 * builder creates it). PostgreSQL reports a generated column's expression reformatted, so
 * TypeORM compares the entity's `asExpression` with the text recorded here; without the table,
 * comparing the entities with the schema (test/schema-drift.test.ts) cannot read the database.
 * The one generated column is `leads.search_text`.
 */
export class TypeormMetadata1795710000000 implements MigrationInterface {
  name = 'TypeormMetadata1795710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS typeorm_metadata (
        type varchar NOT NULL,
        database varchar,
        schema varchar,
        "table" varchar,
        name varchar,
        value text
      )`);
    await q.query(
      `INSERT INTO typeorm_metadata (type, database, schema, "table", name, value)
       VALUES ('GENERATED_COLUMN', current_database(), 'public', 'leads', 'search_text', $1)`,
      [
        `lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || email || ' ' || coalesce(company_name, ''))`,
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE typeorm_metadata`);
  }
}
