import {
  type CaughtMail,
  type MailCatcher,
  startMailCatcher,
} from '@leadbridge/devkit/mail-catcher';
import { eventually, partnerOf } from './support/fixtures';
import { importEnv, upload } from './support/imports';
import { moveLead, submitLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

function mailWith(mails: CaughtMail[], subject: string): CaughtMail {
  const mail = mails.find((m) => m.subject.includes(subject));
  if (!mail) throw new Error(`no email with "${subject}" in its subject`);
  return mail;
}

const LABELS = { qualified: 'Sales Ready', closed_won: 'Signed', closed_lost: 'Not a Fit' };
const PORTAL = 'https://partners.example.com/portal';

describe('partner email notifications', () => {
  let catcher: MailCatcher;
  let api: TestApi;
  let tenant: SeededTenant;

  let unsubscribeFromStages = '';
  const mailsTo = (address: string) => catcher.messages().filter((m) => m.to.includes(address));

  /** The path and query of an email's List-Unsubscribe URL, to call on the test API. */
  const unsubscribePath = (mail: CaughtMail) => {
    const header = mail.headers['list-unsubscribe'] ?? '';
    const url = new URL(header.replace(/^<|>$/g, ''));
    return `${url.pathname}${url.search}`;
  };

  beforeAll(async () => {
    catcher = await startMailCatcher();
    api = await startTestApi(
      importEnv({ SMTP_URL: catcher.smtpUrl, MAIL_RETRY_DELAY_SECONDS: '1' }),
    );
    tenant = await seedTenant(api.db, { partners: 3 });
    const updated = await api.http.patch(
      `/v1/programs/${tenant.programId}`,
      { stageLabels: LABELS, portalUrl: PORTAL },
      { token: tenant.apiKey },
    );
    expect(updated.status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
    await catcher.stop();
  });

  it('emails the partner once per stage it should hear about, with the program stage labels', async () => {
    const partner = partnerOf(tenant, 0);
    const won = await submitLead(api, partner.token, {
      firstName: 'Grace',
      lastName: 'Hopper',
      company: 'Smith & <Sons>',
    });
    const lost = await submitLead(api, partner.token, { firstName: 'Alan', lastName: 'Turing' });
    await moveLead(api, tenant, won.id, 'qualified');
    await moveLead(api, tenant, won.id, 'closed_won');
    await moveLead(api, tenant, lost.id, 'closed_lost', 'Went with a competitor');

    const mails = await eventually(
      () => mailsTo(partner.email).length >= 3 && mailsTo(partner.email),
      'three stage emails',
    );
    // Every queued email has been handed to SMTP: nothing further is on its way.
    await eventually(async () => {
      const { rows } = await api.db.query(
        `SELECT count(*)::int AS n FROM email_outbox WHERE status = 'pending'`,
      );
      return rows[0].n === 0;
    }, 'an empty outbox');
    expect(mailsTo(partner.email)).toHaveLength(3);
    for (const expected of [
      'Grace Hopper is now Sales Ready – ',
      'Grace Hopper is now Signed – ',
      'Alan Turing is now Not a Fit – ',
    ]) {
      expect(mails.filter((m) => m.subject.startsWith(expected))).toHaveLength(1);
    }
    for (const mail of mails) {
      expect(mail.subject).not.toMatch(/qualified|closed_won|closed_lost|Closed Won/);
      expect(mail.text).toContain(`View your leads: ${PORTAL}`);
      expect(mail.html).toContain(`href="${PORTAL}"`);
      expect(mail.headers['list-unsubscribe']).toMatch(/^<http.*\/v1\/unsubscribe\?token=/);
      expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    }
    const signed = mailWith(mails, 'Signed');
    // User data is escaped in the HTML part and verbatim in the text part.
    expect(signed.html).toContain('Smith &amp; &lt;Sons&gt;');
    expect(signed.html).not.toContain('<Sons>');
    expect(signed.text).toContain('Company: Smith & <Sons>');
    expect(signed.text).toContain('Previous status: Sales Ready');
    const notAFit = mailWith(mails, 'Not a Fit');
    unsubscribeFromStages = unsubscribePath(mailWith(mails, 'Sales Ready'));
    expect(notAFit.text).toContain('> Went with a competitor');
    // Only the submitting partner is emailed, and no one about the lead's submission itself.
    expect(catcher.messages().every((m) => m.to.includes(partner.email))).toBe(true);
  });

  it('loses nothing while SMTP is down: the emails arrive once it is back', async () => {
    const partner = partnerOf(tenant, 1);
    const lead = await submitLead(api, partner.token, {
      firstName: 'Katherine',
      lastName: 'Johnson',
    });
    const { smtpPort } = catcher;
    await catcher.stop();
    await moveLead(api, tenant, lead.id, 'qualified');
    // The sender tried, failed, and keeps the email queued for a retry.
    await eventually(async () => {
      const { rows } = await api.db.query(
        `SELECT attempts, last_error, status FROM email_outbox WHERE recipient = $1`,
        [partner.email],
      );
      return rows[0]?.attempts >= 1 && rows[0].last_error && rows[0].status === 'pending';
    }, 'a failed send attempt');
    catcher = await startMailCatcher({ smtpPort });
    const mails = await eventually(
      () => mailsTo(partner.email).length > 0 && mailsTo(partner.email),
      'the email after SMTP came back',
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('Katherine Johnson is now Sales Ready');
    const rows = await eventually(async () => {
      const result = await api.db.query(
        `SELECT status, sent_at FROM email_outbox WHERE recipient = $1`,
        [partner.email],
      );
      return result.rows[0]?.status === 'sent' && result.rows;
    }, 'the email marked sent');
    expect(rows).toEqual([{ status: 'sent', sent_at: expect.any(Date) }]);
  });

  it('emails the import results with the counts and where to get the error CSV', async () => {
    const partner = partnerOf(tenant, 1);
    const csv = [
      'Email,First name,Last name',
      'rosalind@franklin.example,Rosalind,Franklin',
      'not-an-email,Bad,Row',
      'barbara@mcclintock.example,Barbara,McClintock',
      'rosalind@franklin.example,Rosalind,Again',
    ].join('\n');
    const uploaded = await upload(api, csv, { token: partner.token, fileName: 'q3 <leads>.csv' });
    expect(uploaded.status).toBe(202);
    const mail = await eventually(
      () => mailsTo(partner.email).find((m) => m.subject.startsWith('Your import')),
      'the import email',
    );
    expect(mail.subject).toBe(
      'Your import of q3 <leads>.csv is done: 2 leads submitted, 2 rows need attention',
    );
    expect(mail.text).toContain('Leads submitted: 2');
    expect(mail.text).toContain('Duplicates (not submitted): 1');
    expect(mail.text).toContain('Rows with errors: 1');
    expect(mail.text).toContain('Download the error CSV from your import history');
    expect(mail.text).toContain(`Open your import history: ${PORTAL}`);
    expect(mail.html).toContain('q3 &lt;leads&gt;.csv');
    expect(mail.headers['list-unsubscribe']).toContain('token=import_completed.');
  });

  it('lets a partner opt out of one kind of email and still get the others', async () => {
    const partner = partnerOf(tenant, 2);
    const off = await api.http.patch(
      '/v1/notification-preferences',
      { lead_stage: false },
      { token: partner.token },
    );
    expect(off.status).toBe(200);
    expect(off.body).toEqual({
      lead_stage: false,
      import_completed: true,
      commission: true,
      message: true,
      emailLocale: null,
      programLocale: 'en',
    });
    const lead = await submitLead(api, partner.token, { firstName: 'Opted', lastName: 'Out' });
    await moveLead(api, tenant, lead.id, 'qualified');
    // The company writes to the partner: a `message` email, which the partner still wants.
    const thread = await api.http.post(
      '/v1/message-threads',
      {
        partnerId: partner.id,
        programId: tenant.programId,
        leadId: lead.id,
        subject: 'About Opted Out',
        body: 'Can you introduce us?',
      },
      { token: tenant.apiKey },
    );
    expect(thread.status).toBe(201);
    const mails = await eventually(
      () => mailsTo(partner.email).length > 0 && mailsTo(partner.email),
      'the message email',
    );
    await eventually(async () => {
      const { rows } = await api.db.query(
        `SELECT count(*)::int AS n FROM email_outbox WHERE status = 'pending'`,
      );
      return rows[0].n === 0;
    }, 'an empty outbox');
    expect(mailsTo(partner.email)).toHaveLength(1);
    expect(mails[0]?.subject).toContain('New message from');
    expect(mails[0]?.text).toContain('Can you introduce us?');
    const { rows } = await api.db.query(
      `SELECT kind, status FROM email_outbox WHERE recipient = $1 ORDER BY created_at`,
      [partner.email],
    );
    expect(rows).toEqual([
      { kind: 'lead_stage', status: 'suppressed' },
      { kind: 'message', status: 'sent' },
    ]);
  });

  it('unsubscribes with the link: GET asks, POST (one-click) unsubscribes from that kind only', async () => {
    const partner = partnerOf(tenant, 0);
    const path = unsubscribeFromStages;

    const page = await api.http.get(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Unsubscribe from lead status updates?');
    const before = await api.http.get('/v1/notification-preferences', { token: partner.token });
    expect(before.body.lead_stage).toBe(true);

    const oneClick = await api.http.request('POST', path, {
      raw: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);
    expect(oneClick.text).toContain('You are unsubscribed');
    const after = await api.http.get('/v1/notification-preferences', { token: partner.token });
    expect(after.body).toEqual({
      lead_stage: false,
      import_completed: true,
      commission: true,
      message: true,
      emailLocale: null,
      programLocale: 'en',
    });

    const lead = await submitLead(api, partner.token, { firstName: 'After', lastName: 'Unsub' });
    await moveLead(api, tenant, lead.id, 'qualified');
    const { rows } = await api.db.query(
      `SELECT status FROM email_outbox WHERE recipient = $1 AND subject LIKE 'After Unsub%'`,
      [partner.email],
    );
    expect(rows).toEqual([{ status: 'suppressed' }]);

    const broken = await api.http.get('/v1/unsubscribe?token=lead_stage.not-a-real-token');
    expect(broken.status).toBe(404);
    expect(broken.text).toContain('This link is not valid');
    const wrongKind = await api.http.request('POST', path.replace('lead_stage', 'everything'));
    expect(wrongKind.status).toBe(404);
  });

  it('refuses notification preferences to company callers', async () => {
    const response = await api.http.get('/v1/notification-preferences', { token: tenant.apiKey });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('partner_only');
  });
});
