import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Imports can be cancelled (cancelImport): `cancelled` joins the statuses an import can end in. */
export class ImportCancelledStatus1795630000000 implements MigrationInterface {
  name = 'ImportCancelledStatus1795630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE imports DROP CONSTRAINT IF EXISTS imports_status_check`);
    await q.query(
      `ALTER TABLE imports ADD CONSTRAINT imports_status_check
         CHECK (status IN ('queued', 'processing', 'completed', 'failed', 'cancelled'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE imports SET status = 'failed', error = 'Cancelled' WHERE status = 'cancelled'`,
    );
    await q.query(`ALTER TABLE imports DROP CONSTRAINT IF EXISTS imports_status_check`);
    await q.query(
      `ALTER TABLE imports ADD CONSTRAINT imports_status_check
         CHECK (status IN ('queued', 'processing', 'completed', 'failed'))`,
    );
  }
}
