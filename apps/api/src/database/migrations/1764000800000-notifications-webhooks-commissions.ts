import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What sending emails and webhooks safely and auditing commission decisions needed beyond the
 * initial schema:
 * - email_outbox: headers (List-Unsubscribe), the partner it is for (send-time opt-out check),
 *   and `sending_started_at`, the claim that stops a crashed send from being sent twice;
 * - webhook_endpoints: the previous secret keeps signing for a while after a rotation, so
 *   receivers can switch without dropping events (Standard Webhooks allows several signatures);
 * - commissions: who changed the status (user or API key, with a name) and when;
 * - commissions listed newest first without a status filter need their own index.
 */
export class NotificationsWebhooksCommissions1764000800000 implements MigrationInterface {
  name = 'NotificationsWebhooksCommissions1764000800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE email_outbox
        ADD COLUMN headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN partner_id uuid,
        ADD COLUMN sending_started_at timestamptz`);
    await q.query(`
      ALTER TABLE webhook_endpoints
        ADD COLUMN previous_secret text,
        ADD COLUMN previous_secret_expires_at timestamptz`);
    await q.query(`
      ALTER TABLE commissions
        ADD COLUMN status_changed_by_type text CHECK (status_changed_by_type IN ('user', 'api_key', 'system')),
        ADD COLUMN status_changed_by_name text,
        ADD COLUMN status_changed_at timestamptz`);
    await q.query(
      `CREATE INDEX commissions_company_created_idx ON commissions (company_id, created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS commissions_company_created_idx`);
    await q.query(`
      ALTER TABLE commissions
        DROP COLUMN status_changed_at,
        DROP COLUMN status_changed_by_name,
        DROP COLUMN status_changed_by_type`);
    await q.query(`
      ALTER TABLE webhook_endpoints
        DROP COLUMN previous_secret_expires_at,
        DROP COLUMN previous_secret`);
    await q.query(`
      ALTER TABLE email_outbox
        DROP COLUMN sending_started_at,
        DROP COLUMN partner_id,
        DROP COLUMN headers`);
  }
}
