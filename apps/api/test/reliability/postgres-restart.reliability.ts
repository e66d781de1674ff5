import { randomBytes, randomUUID } from 'node:crypto';
import { type ApiProcess, startApiProcess } from '@leadbridge/devkit/api-process';
import { Pool } from 'pg';
import { type SeededTenant, seedTenant } from '../support/seed';
import { TEST_APP_SECRET } from '../support/test-api';
import { eventually } from './support/eventually';
import { type OwnPostgres, startOwnPostgres } from './support/own-postgres';
import { tally } from './support/tally';
import { partnerToken } from './support/tenant';

/** A request with no answer by then counts as a hang (the API must answer 503 promptly). */
const ANSWER_DEADLINE_MS = 10_000;
const WORKERS = 6;

type Phase = 'before' | 'down' | 'after';

interface Outcome {
  phase: Phase;
  what: string;
  status: number | 'no answer';
  code?: string;
  contentType?: string;
  retryAfter?: string | null;
}

interface Submission {
  partner: string;
  email: string;
  key: string;
  /** Every answer this submission got (status and problem code), first attempt first. */
  statuses: string[];
}

describe('PostgreSQL restarted under load', () => {
  let pg: OwnPostgres;
  let api: ApiProcess;
  let tenant: SeededTenant;
  let phase: Phase = 'before';
  let running = true;
  const outcomes: Outcome[] = [];
  const submissions: Submission[] = [];

  beforeAll(async () => {
    pg = await startOwnPostgres();
    api = await startApiProcess({
      env: { DATABASE_URL: pg.databaseUrl, APP_SECRET: TEST_APP_SECRET, DATABASE_POOL_SIZE: '10' },
    });
    const db = new Pool({ connectionString: pg.databaseUrl, max: 2 });
    tenant = await seedTenant(db, { partners: WORKERS });
    await db.end();
  });
  afterAll(async () => {
    running = false;
    // A crashed API shows up as "no answer"; LB_SHOW_API_OUTPUT=1 prints what it last said.
    if (process.env.LB_SHOW_API_OUTPUT) console.log(api?.output().slice(-30000));
    await api?.stop();
    await pg?.destroy();
  });

  async function call(method: string, path: string, token: string, body?: unknown, key?: string) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key) headers['idempotency-key'] = key;
    try {
      const response = await fetch(`${api.url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
      });
      const text = await response.text();
      const json =
        /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : null;
      return {
        status: response.status as number | 'no answer',
        code: json?.code as string | undefined,
        contentType: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after'),
      };
    } catch {
      return { status: 'no answer' as const };
    }
  }

  /** One lead submission with a fresh Idempotency-Key, remembered for the final checks. */
  async function submit(partner: string) {
    const submission: Submission = {
      partner,
      email: `load-${randomBytes(6).toString('hex')}@example.com`,
      key: randomUUID(),
      statuses: [],
    };
    submissions.push(submission);
    const result = await call(
      'POST',
      '/v1/leads',
      partner,
      { email: submission.email },
      submission.key,
    );
    submission.statuses.push(`${result.status}${result.code ? ` ${result.code}` : ''}`);
    return result;
  }

  /**
   * One client (one partner): submits leads with an Idempotency-Key, as the SDK does, and reads —
   * steadily, about 100 submissions a minute (under the per-partner limit).
   */
  async function client(n: number): Promise<void> {
    const partner = partnerToken(tenant, n);
    for (let i = 0; running; i++) {
      const kind = (i + n) % 3;
      let result: Awaited<ReturnType<typeof call>>;
      let what: string;
      if (kind === 0) {
        what = 'GET /v1/leads';
        result = await call('GET', '/v1/leads?limit=20', tenant.apiKey);
      } else if (kind === 1) {
        what = 'GET /health';
        result = await call('GET', '/health', tenant.apiKey);
      } else {
        what = 'POST /v1/leads';
        result = await submit(partner);
      }
      outcomes.push({ phase, what, ...result });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('answers 503 problems while the database is down, recovers by itself, and keeps every accepted lead once', async () => {
    const clients = Array.from({ length: WORKERS }, (_, n) => client(n));
    await new Promise((resolve) => setTimeout(resolve, 3000));

    // The shutdown lands on a burst of submissions: some are cut off mid-request.
    const burst = Array.from({ length: 4 * WORKERS }, (_, i) =>
      submit(partnerToken(tenant, i % WORKERS)),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    phase = 'down';
    await pg.stop();
    await Promise.all(burst);
    tally('faults injected', 1);
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await pg.start();
    phase = 'after';
    // Recovery without restarting the API: submissions succeed again.
    const recoveredAt = outcomes.length;
    await eventually(
      'submissions accepted again after the restart',
      () =>
        outcomes.slice(recoveredAt).some((o) => o.what === 'POST /v1/leads' && o.status === 201),
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    running = false;
    await Promise.all(clients);

    const byPhase = (p: Phase) => outcomes.filter((o) => o.phase === p);
    const label = (o: Outcome) => `${o.status}${o.code ? ` ${o.code}` : ''}`;
    const summary = (['before', 'down', 'after'] as Phase[]).map((p) => {
      const counts: Record<string, number> = {};
      for (const o of byPhase(p)) counts[label(o)] = (counts[label(o)] ?? 0) + 1;
      return `  ${p}: ${JSON.stringify(counts)}`;
    });
    console.log(`PostgreSQL restart under load, answers per phase\n${summary.join('\n')}`);
    // Never a 500, never a hang, in any phase.
    expect(
      outcomes.filter((o) => o.status === 'no answer' || (o.status >= 500 && o.status !== 503)),
    ).toEqual([]);
    // While down: only clean 503 problems (health answers its own 503 JSON), each with Retry-After.
    const down = byPhase('down').filter((o) => o.status !== 200 && o.status !== 201);
    expect(down.length).toBeGreaterThan(0);
    for (const outcome of down) {
      if (outcome.what === 'GET /health') {
        expect(outcome).toMatchObject({ status: 503 });
        continue;
      }
      expect(outcome).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(outcome.contentType).toContain('application/problem+json');
      expect(outcome.retryAfter).toMatch(/^\d+$/);
    }
    expect(byPhase('before').every((o) => o.status === 200 || o.status === 201)).toBe(true);
    expect(api.child.exitCode).toBeNull();

    const rows = await storedLeads();
    const stored = new Map(rows.map((row) => [row.email, row.n]));
    const accepted = submissions.filter((s) => s.statuses.includes('201'));
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.filter((s) => stored.get(s.email) !== 1).map((s) => s.email)).toEqual([]);
    // Nothing stored that no client ever submitted; nothing stored twice.
    const submitted = new Set(submissions.map((s) => s.email));
    expect(rows.filter((row) => !submitted.has(row.email) || row.n !== 1)).toEqual([]);
    tally('rows checked', rows.length);
  });

  it('lets a client retry a submission cut off by the outage with its Idempotency-Key, creating it once', async () => {
    const failed = submissions.filter((s) => s.statuses[0] !== '201');
    expect(failed.length).toBeGreaterThan(0);
    for (const submission of failed) {
      const retried = await call(
        'POST',
        '/v1/leads',
        submission.partner,
        { email: submission.email },
        submission.key,
      );
      submission.statuses.push(`${retried.status}${retried.code ? ` ${retried.code}` : ''}`);
    }
    const stored = new Map((await storedLeads()).map((row) => [row.email, row.n]));
    const unresolved = failed
      .filter((s) => s.statuses.at(-1) !== '201' || stored.get(s.email) !== 1)
      .map((s) => ({ email: s.email, answers: s.statuses, stored: stored.get(s.email) ?? 0 }));
    expect(unresolved).toEqual([]);
  });

  async function storedLeads(): Promise<{ email: string; n: number }[]> {
    const db = new Pool({ connectionString: pg.databaseUrl, max: 1 });
    try {
      const { rows } = await db.query<{ email: string; n: number }>(
        `SELECT email, count(*)::int AS n FROM leads WHERE company_id = $1 GROUP BY email`,
        [tenant.companyId],
      );
      return rows;
    } finally {
      await db.end();
    }
  }
});
