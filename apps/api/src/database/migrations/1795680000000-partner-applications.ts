import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applying to join a program (ADR 0020): the program's mode, email-domain allow-list and own
 * questions; the applications themselves, with the one-time code that confirms the applicant's
 * email (HMAC at rest, like partner sign-in codes); and the company's switch for the team email
 * about new applications.
 */
export class PartnerApplications1795680000000 implements MigrationInterface {
  name = 'PartnerApplications1795680000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE programs
        ADD COLUMN applications text NOT NULL DEFAULT 'closed'
          CHECK (applications IN ('closed', 'approval', 'auto')),
        ADD COLUMN application_domains text[] NOT NULL DEFAULT '{}',
        ADD COLUMN application_questions jsonb NOT NULL DEFAULT '{"fields":[]}'`);
    await q.query(
      `ALTER TABLE companies ADD COLUMN notification_preferences jsonb NOT NULL DEFAULT '{}'`,
    );
    await q.query(`
      CREATE TABLE partner_applications (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
        program_id uuid NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'unconfirmed'
          CHECK (status IN ('unconfirmed', 'pending', 'approved', 'declined')),
        name text NOT NULL,
        email text NOT NULL,
        company_name text,
        website text,
        answers jsonb NOT NULL DEFAULT '{}',
        locale text NOT NULL,
        code_hash text,
        code_attempts integer NOT NULL DEFAULT 0,
        code_expires_at timestamptz,
        confirmed_at timestamptz,
        decided_at timestamptz,
        decided_by text,
        decline_reason text,
        partner_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partner_applications_pkey PRIMARY KEY (id, company_id),
        CONSTRAINT partner_applications_partner_id_fkey FOREIGN KEY (partner_id, company_id)
          REFERENCES partners (id, company_id) ON DELETE CASCADE
      )`);
    // One open application per person and program: applying again updates it.
    await q.query(
      `CREATE UNIQUE INDEX partner_applications_open_key ON partner_applications (program_id, email, company_id)
        WHERE status IN ('unconfirmed', 'pending')`,
    );
    await q.query(
      `CREATE INDEX partner_applications_list_idx ON partner_applications (company_id, confirmed_at DESC, id DESC)
        WHERE status <> 'unconfirmed'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partner_applications`);
    await q.query(`ALTER TABLE companies DROP COLUMN notification_preferences`);
    await q.query(`
      ALTER TABLE programs DROP COLUMN applications, DROP COLUMN application_domains,
        DROP COLUMN application_questions`);
  }
}
