import { randomBytes } from 'node:crypto';
import { Leadbridge } from '@leadbridge/sdk';
import { eventually } from '../reliability/support/eventually';
import { parseCsv } from '../support/imports';
import { seedTenant } from '../support/seed';
import { CACHE_SECONDS, type Cluster, startCluster, waitForBoth } from './support/cluster';

/**
 * docs/scaling.md, running: two API replicas and two workers behind HAProxy, through PgBouncer
 * in transaction mode, on S3-compatible storage (see support/cluster.ts). Each test breaks or
 * spreads something across processes and counts what came out; the counts are printed at the
 * end.
 */
const counts: Record<string, string | number> = {};
const started = Date.now();
const TESTS = 4;
let finished = 0;

function count(name: string, value: string | number): void {
  counts[name] = value;
}

function served(response: Response): string {
  return response.headers.get('x-served-by') ?? '?';
}

function tally(servers: string[]): string {
  const by = new Map<string, number>();
  for (const server of servers) by.set(server, (by.get(server) ?? 0) + 1);
  return [...by.entries()]
    .sort()
    .map(([server, n]) => `${server} ${n}`)
    .join(', ');
}

describe('Leadbridge as a cluster', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster();
    count('cluster start', `${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  afterAll(async () => {
    if (finished < TESTS && cluster) process.stdout.write(`${cluster.logs()}\n`);
    await cluster?.stop();
    const rows = Object.entries(counts).map(([name, value]) => `  ${name.padEnd(46)} ${value}`);
    process.stdout.write(
      `\ncluster summary (${((Date.now() - started) / 1000).toFixed(0)} s)\n${rows.join('\n')}\n\n`,
    );
  });

  const api = (i: 0 | 1) => cluster.apis[i].process().url;

  describe('a 100,000-row import whose worker is killed midway', () => {
    const ROWS = 100_000;
    const EXISTING = 25;

    /** Valid rows, invalid emails, in-file repeats and leads the program already has. */
    function generate() {
      const lines = ['First name,Last name,Email,Company'];
      const expected = { imported: 0, failed: new Set<number>(), duplicate: new Set<number>() };
      const seen = new Set<string>();
      for (let i = 0; i < EXISTING; i++) seen.add(`known${i}@import.example`);
      for (let i = 0; i < ROWS; i++) {
        const row = i + 2; // the header is row 1
        let email = `lead${i}@import.example`;
        if (i < EXISTING) email = `known${i}@import.example`;
        else if (i % 997 === 0) email = `not-an-email-${i}`;
        else if (i % 641 === 0) email = `lead${i - 1}@import.example`;
        lines.push(`First${i},Row,${email},Co ${i % 50}`);
        if (!email.includes('@')) expected.failed.add(row);
        else if (seen.has(email)) expected.duplicate.add(row);
        else {
          seen.add(email);
          expected.imported++;
        }
      }
      return { csv: `${lines.join('\n')}\n`, ...expected };
    }

    it('is uploaded through one replica, survives its worker, and ends exact on the other', async () => {
      const tenant = await seedTenant(cluster.db, { partners: 1 });
      const partner = tenant.partners[0];
      if (!partner) throw new Error('no partner seeded');
      for (let i = 0; i < EXISTING; i++) {
        const response = await fetch(`${cluster.url}/v1/leads`, {
          method: 'POST',
          headers: { authorization: `Bearer ${partner.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ email: `known${i}@import.example` }),
        });
        expect(response.status).toBe(201);
      }
      const file = generate();
      const uploaded = await fetch(`${cluster.url}/v1/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${partner.token}`, 'content-type': 'text/csv' },
        body: file.csv,
      });
      expect(uploaded.status).toBe(202);
      const id = ((await uploaded.json()) as { id: string }).id;
      count('import: uploaded through', served(uploaded));
      count('import: file size', `${(Buffer.byteLength(file.csv) / 1024 / 1024).toFixed(1)} MiB`);
      // The file is in the bucket, under the company's prefix.
      expect(await cluster.s3.keys(cluster.bucket)).toEqual([
        expect.stringMatching(new RegExp(`^imports/${tenant.companyId}/[0-9a-f-]+\\.csv$`)),
      ]);

      const progress = async () => {
        const { rows } = await cluster.db.query<{ status: string; rows_processed: number }>(
          `SELECT status, rows_processed FROM imports WHERE id = $1`,
          [id],
        );
        return rows[0];
      };
      /** The worker process whose import lock session holds this import (pg_stat_activity). */
      const holder = async () => {
        const { rows } = await cluster.db.query<{ application_name: string }>(
          `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted
              AND a.application_name LIKE 'leadbridge-import %'`,
        );
        const pid = Number(/^leadbridge-import (\d+)@/.exec(rows[0]?.application_name ?? '')?.[1]);
        return cluster.workers.find((w) => w.pid() === pid);
      };

      await eventually(
        'the import past a quarter of its rows',
        async () => ((await progress())?.rows_processed ?? 0) > ROWS / 4,
        120_000,
      );
      const first = await eventually('the worker holding the import', holder, 10_000);
      await first.kill();
      const atKill = await progress();
      expect(atKill?.status).toBe('processing');
      expect(atKill?.rows_processed).toBeLessThan(ROWS);
      count('import: worker SIGKILLed', `${first.name} at row ${atKill?.rows_processed}`);

      const second = await eventually('another worker resuming the import', holder, 30_000);
      expect(second).not.toBe(first);
      count('import: resumed and finished by', second.name);
      await first.start();

      const done = await eventually(
        'the import finished',
        async () => {
          const response = await fetch(`${cluster.url}/v1/imports/${id}`, {
            headers: { authorization: `Bearer ${partner.token}` },
          });
          const body = (await response.json()) as { status: string };
          return body.status === 'completed' || body.status === 'failed' ? body : undefined;
        },
        240_000,
      );
      expect(done).toMatchObject({
        status: 'completed',
        rowsTotal: ROWS,
        rowsProcessed: ROWS,
        rowsImported: file.imported,
        rowsFailed: file.failed.size,
        rowsDuplicate: file.duplicate.size,
      });
      const { rows } = await cluster.db.query(
        `SELECT count(*)::int AS leads,
                count(DISTINCT email_normalized)::int AS emails,
                count(*) FILTER (WHERE import_id = $2)::int AS imported,
                count(DISTINCT import_row) FILTER (WHERE import_id = $2)::int AS import_rows,
                (SELECT count(*)::int FROM import_errors WHERE import_id = $2) AS errors,
                (SELECT count(*)::int FROM lead_events e JOIN leads l ON l.id = e.lead_id
                  WHERE l.import_id = $2 AND e.type = 'imported') AS events
           FROM leads WHERE program_id = $1`,
        [tenant.programId, id],
      );
      expect(rows[0]).toEqual({
        leads: EXISTING + file.imported,
        emails: EXISTING + file.imported,
        imported: file.imported,
        import_rows: file.imported,
        errors: file.failed.size + file.duplicate.size,
        events: file.imported,
      });
      count(
        'import: rows / imported / failed / duplicate',
        `${ROWS} / ${file.imported} / ${file.failed.size} / ${file.duplicate.size}`,
      );
      count('import: leads doubled', rows[0].leads - rows[0].emails);

      // The error CSV, from whichever replica answers: every bad row once, with its reason.
      const errors = await fetch(`${cluster.url}/v1/imports/${id}/errors.csv`, {
        headers: { authorization: `Bearer ${partner.token}` },
      });
      expect(errors.status).toBe(200);
      const [header, ...lines] = parseCsv(await errors.text());
      expect(header).toEqual(['First name', 'Last name', 'Email', 'Company', 'error']);
      const byEmail = (emails: string[]) => emails.sort();
      const failedEmails = lines.filter((l) => !l[2]?.includes('@')).map((l) => l[2] ?? '');
      const duplicateEmails = lines.filter((l) => l[2]?.includes('@')).map((l) => l[2] ?? '');
      expect(lines).toHaveLength(file.failed.size + file.duplicate.size);
      expect(byEmail(failedEmails)).toEqual(
        byEmail([...file.failed].map((row) => `not-an-email-${row - 2}`)),
      );
      expect(new Set(duplicateEmails).size).toBe(file.duplicate.size);
      for (const line of lines) expect(line[4]).toMatch(/\S/);
      count('import: error CSV rows (served by)', `${lines.length} (${served(errors)})`);
      // Finished imports leave nothing in the bucket.
      await eventually(
        'the upload removed from the bucket',
        async () => (await cluster.s3.keys(cluster.bucket)).length === 0,
        10_000,
      );
      finished++;
    });
  });

  describe('SDK clients while API replicas are killed and restarted', () => {
    const CLIENTS = 8;
    /** Leads each client submits at least, and at most (under the 120-a-minute partner limit). */
    const PER_CLIENT = 60;
    const MAX_PER_CLIENT = 115;

    it('store every lead exactly once and give no client an error', async () => {
      const tenant = await seedTenant(cluster.db, { partners: CLIENTS });
      const attempts: string[] = [];
      const countingFetch = async (input: Request, init?: RequestInit) => {
        try {
          const response = await fetch(input, init);
          attempts.push(
            response.headers.get('idempotent-replayed')
              ? `${response.status} replay`
              : String(response.status),
          );
          return response;
        } catch (error) {
          attempts.push('network error');
          throw error;
        }
      };
      let submitted = 0;
      // Clients keep submitting until both replicas have been killed and are back, so every
      // kill lands in traffic however fast this machine is.
      let killsDone = false;
      const outcomes: { email: string; id?: string; error?: string }[] = [];
      const client = async (n: number) => {
        const partner = tenant.partners[n];
        if (!partner) throw new Error(`no partner ${n}`);
        const sdk = new Leadbridge({
          baseUrl: cluster.url,
          sessionToken: partner.token,
          fetch: countingFetch,
        });
        for (let i = 0; (i < PER_CLIENT || !killsDone) && i < MAX_PER_CLIENT; i++) {
          const email = `sdk-${n}-${i}-${randomBytes(3).toString('hex')}@cluster.example`;
          try {
            const lead = await sdk.leads.create({ email, firstName: `Client${n}` });
            outcomes.push({ email, id: lead.id });
          } catch (error) {
            outcomes.push({ email, error: String(error) });
          }
          submitted++;
          // A steady pace, like real integrations, leaves room for both kills before the cap.
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
      const kills: { name: string; at: number }[] = [];
      for (const [index, at] of [
        [0, 80],
        [1, 200],
      ] as const) {
        await eventually(`${at} leads submitted`, () => submitted >= at, 120_000);
        const member = cluster.apis[index];
        await member.kill();
        kills.push({ name: member.name, at: submitted });
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await member.start();
        await waitForBoth(cluster.url);
      }
      killsDone = true;
      await Promise.all(clients);

      const total = outcomes.length;
      // Both kills came while the clients were still submitting.
      for (const kill of kills) expect(kill.at).toBeLessThan(total - CLIENTS);
      const errors = outcomes.filter((o) => o.error);
      expect(errors).toEqual([]);
      const { rows } = await cluster.db.query<{ email: string; id: string }>(
        `SELECT email, id FROM leads WHERE program_id = $1`,
        [tenant.programId],
      );
      expect(rows).toHaveLength(total);
      const stored = new Map(rows.map((row) => [row.email, row.id]));
      for (const outcome of outcomes) expect(stored.get(outcome.email)).toBe(outcome.id);
      count('sdk: clients / leads submitted', `${CLIENTS} / ${total}`);
      count(
        'sdk: replicas SIGKILLed and restarted',
        kills.map((kill) => `${kill.name} at lead ${kill.at}`).join('; '),
      );
      count('sdk: leads stored (exactly once)', rows.length);
      count('sdk: errors seen by clients', errors.length);
      count('sdk: HTTP attempts', tally(attempts));
      finished++;
    });
  });

  describe('webhooks and emails caused on one replica', () => {
    const LEADS = 20;
    const QUALIFIED = 10;

    it('are delivered exactly once by the worker pool, signed', async () => {
      const tenant = await seedTenant(cluster.db, { partners: 2 });
      const company = new Leadbridge({ baseUrl: api(0), apiKey: tenant.apiKey });
      const endpoint = await company.webhooks.endpoints.create({
        url: `${cluster.webhooks.url}/hooks/${tenant.companyId}`,
        events: ['lead.created', 'lead.stage_changed'],
      });
      cluster.webhooks.trust(`/hooks/${tenant.companyId}`, endpoint.secret);
      // Every replica's subscription cache knows the endpoint after this.
      await new Promise((resolve) => setTimeout(resolve, (CACHE_SECONDS + 1) * 1000));

      const leads: string[] = [];
      for (let i = 0; i < LEADS; i++) {
        const partner = tenant.partners[i % 2];
        if (!partner) throw new Error('no partner');
        const sdk = new Leadbridge({ baseUrl: api(0), sessionToken: partner.token });
        leads.push((await sdk.leads.create({ email: `hook${i}@cluster.example` })).id);
      }
      const onOther = new Leadbridge({ baseUrl: api(1), apiKey: tenant.apiKey });
      for (const id of leads.slice(0, QUALIFIED)) {
        await onOther.leads.changeStage(id, { stage: 'qualified' });
      }

      const mine = () =>
        cluster.webhooks.accepted.filter((hook) => hook.path === `/hooks/${tenant.companyId}`);
      const emails = () =>
        cluster.mail
          .messages()
          .filter((mail) => mail.to.some((to) => tenant.partners.some((p) => p.email === to)));
      await eventually('every webhook delivered', () => mine().length >= LEADS + QUALIFIED, 60_000);
      await eventually('every email sent', () => emails().length >= QUALIFIED, 60_000);
      // Long enough for a second delivery of anything to show up.
      await new Promise((resolve) => setTimeout(resolve, 4000));

      const hooks = mine();
      expect(cluster.webhooks.refused).toBe(0);
      expect(new Set(hooks.map((hook) => hook.webhookId)).size).toBe(hooks.length);
      expect(hooks.filter((hook) => hook.type === 'lead.created')).toHaveLength(LEADS);
      expect(hooks.filter((hook) => hook.type === 'lead.stage_changed')).toHaveLength(QUALIFIED);
      const created = hooks
        .filter((hook) => hook.type === 'lead.created')
        .map((hook) => (hook.data.lead as { id: string }).id);
      expect(created.sort()).toEqual([...leads].sort());
      const sent = emails();
      expect(sent).toHaveLength(QUALIFIED);
      const { rows } = await cluster.db.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM email_outbox WHERE company_id = $1 GROUP BY status`,
        [tenant.companyId],
      );
      expect(rows).toEqual([{ status: 'sent', n: QUALIFIED }]);
      count(
        'webhooks: delivered / distinct ids / bad signatures',
        `${hooks.length} / ${new Set(hooks.map((h) => h.webhookId)).size} / ${cluster.webhooks.refused}`,
      );
      count('emails: sent over SMTP / expected', `${sent.length} / ${QUALIFIED}`);
      finished++;
    });
  });

  describe('sessions, rate limits and caches', () => {
    const PASSWORD = 'correct horse battery';

    async function signIn(base: string, email: string, password: string) {
      return fetch(`${base}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: cluster.url },
        body: JSON.stringify({ email, password }),
      });
    }

    function cookieOf(response: Response): string {
      const header = response.headers.getSetCookie().find((c) => c.startsWith('lb_session='));
      if (!header) throw new Error(`no session cookie in a ${response.status} answer`);
      return header.split(';')[0] ?? '';
    }

    it('behave the same whichever replica answers', async () => {
      const email = `owner-${randomBytes(4).toString('hex')}@cluster.example`;
      const signUp = await fetch(`${cluster.url}/v1/auth/sign-up`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: cluster.url },
        body: JSON.stringify({
          companyName: 'Cluster Co',
          name: 'Olivia',
          email,
          password: PASSWORD,
        }),
      });
      expect(signUp.status).toBe(201);
      const session = {
        cookie: cookieOf(signUp),
        csrf: ((await signUp.json()) as { csrfToken: string }).csrfToken,
      };
      const write = {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        origin: cluster.url,
        'content-type': 'application/json',
      };

      // A session made on one replica works on both.
      const me: string[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${cluster.url}/v1/auth/me`, {
          headers: { cookie: session.cookie },
        });
        expect(response.status).toBe(200);
        me.push(served(response));
      }
      expect(new Set(me)).toEqual(new Set(['api1', 'api2']));
      count('sessions: one cookie, answered by', tally(me));

      // Cache: an API key checked (and cached) by both replicas, revoked through one.
      const created = await fetch(`${api(0)}/v1/api-keys`, {
        method: 'POST',
        headers: write,
        body: JSON.stringify({ name: 'cluster' }),
      });
      expect(created.status).toBe(201);
      const key = (await created.json()) as { id: string; key: string };
      for (const i of [0, 1] as const) {
        const ok = await fetch(`${api(i)}/v1/leads?limit=1`, {
          headers: { authorization: `Bearer ${key.key}` },
        });
        expect(ok.status).toBe(200);
      }
      const revoked = await fetch(`${api(0)}/v1/api-keys/${key.id}`, {
        method: 'DELETE',
        headers: write,
      });
      expect(revoked.status).toBe(204);
      const sameReplica = await fetch(`${api(0)}/v1/leads?limit=1`, {
        headers: { authorization: `Bearer ${key.key}` },
      });
      expect(sameReplica.status).toBe(401);
      const revokedAt = Date.now();
      await eventually(
        `the other replica refusing the key within its ${CACHE_SECONDS} s cache bound`,
        async () =>
          (
            await fetch(`${api(1)}/v1/leads?limit=1`, {
              headers: { authorization: `Bearer ${key.key}` },
            })
          ).status === 401,
        (CACHE_SECONDS + 2) * 1000,
      );
      count(
        'caches: revoked key refused by the other replica after',
        `${((Date.now() - revokedAt) / 1000).toFixed(1)} s (cache TTL ${CACHE_SECONDS} s)`,
      );

      // Cache: program rules cached on one replica, lead submission switched off on the other.
      const tenant = await seedTenant(cluster.db, { partners: 1 });
      const partner = tenant.partners[0];
      if (!partner) throw new Error('no partner');
      const submit = (i: 0 | 1) =>
        fetch(`${api(i)}/v1/leads`, {
          method: 'POST',
          headers: { authorization: `Bearer ${partner.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            email: `rules-${randomBytes(4).toString('hex')}@cluster.example`,
          }),
        });
      expect((await submit(0)).status).toBe(201);
      const company = new Leadbridge({ baseUrl: api(1), apiKey: tenant.apiKey });
      const program = await company.programs.get(tenant.programId);
      await company.programs.update(tenant.programId, {
        leadSubmissionEnabled: false,
        version: program.version,
      });
      const refused = await submit(0);
      expect(refused.status).toBe(403);
      count('caches: submission switched off on api2, api1 refuses at once', refused.status);

      // Rate limit: ten wrong passwords for one email, spread over both replicas, then 429.
      const attempts: string[] = [];
      for (let i = 0; i < 10; i++) {
        const wrong = await signIn(cluster.url, email, `guess ${i}`);
        expect(wrong.status).toBe(401);
        attempts.push(served(wrong));
      }
      expect(new Set(attempts)).toEqual(new Set(['api1', 'api2']));
      for (const i of [0, 1] as const) {
        const limited = await signIn(api(i), email, PASSWORD);
        expect(limited.status).toBe(429);
      }
      count('rate limit: 10 refusals answered by, then 429 on both', tally(attempts));

      // Signing out on one replica ends the session on the other at once.
      const out = await fetch(`${api(0)}/v1/auth/sign-out`, { method: 'POST', headers: write });
      expect(out.status).toBe(204);
      const after = await fetch(`${api(1)}/v1/auth/me`, { headers: { cookie: session.cookie } });
      expect(after.status).toBe(401);
      count('sessions: signed out on api1, api2 answers', after.status);
      finished++;
    });
  });
});
