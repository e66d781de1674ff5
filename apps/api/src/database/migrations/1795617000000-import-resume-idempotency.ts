import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the CSV import pipeline needed beyond the initial schema:
 * - `idempotency_key`: a retried upload with the same `Idempotency-Key` finds its import even
 *   when the generic idempotency record was dropped (e.g. after a 5xx answered too late);
 * - `attempts`: how often a worker started on the import, so an import that crashes its worker
 *   every time fails with a message instead of being resumed forever;
 * - a partial index for "imports still running" (per-partner limit, crash recovery sweep).
 */
export class ImportResumeIdempotency1795617000000 implements MigrationInterface {
  name = 'ImportResumeIdempotency1795617000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE imports
        ADD COLUMN idempotency_key text,
        ADD COLUMN attempts integer NOT NULL DEFAULT 0`);
    await q.query(
      `CREATE UNIQUE INDEX imports_idempotency_key ON imports (company_id, created_by_type, created_by_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX imports_running_idx ON imports (company_id, partner_id)
        WHERE status IN ('queued', 'processing')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS imports_running_idx`);
    await q.query(`DROP INDEX IF EXISTS imports_idempotency_key`);
    await q.query(`ALTER TABLE imports DROP COLUMN attempts, DROP COLUMN idempotency_key`);
  }
}
