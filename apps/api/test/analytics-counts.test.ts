import { LEAD_STAGES } from '@leadbridge/core';
import { at, type Json, partnerOf, uniqueEmail } from './support/fixtures';
import { csvOf, IMPORT_FORM, importCsv, importEnv } from './support/imports';
import { createLead, moveLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

const HOUR_MS = 3_600_000;
const ZONES = ['UTC', 'Asia/Kolkata', 'America/New_York'];

/**
 * The dashboard reads pre-aggregated counts (ADR 0022). Whatever writes the leads — the form,
 * an import, stage moves, edits of the data, deletes — its numbers must equal what counting the
 * leads themselves gives, for ranges that do not start on the hour and in zones whose weeks do
 * not start on the hour.
 */
describe('dashboard counts stay exact as leads are written', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;

  beforeAll(async () => {
    // A fold every second: the dashboard's own folds then race the worker's, as in production.
    api = await startTestApi({ ...importEnv(), LEAD_COUNTS_FOLD_INTERVAL_SECONDS: '1' });
    tenant = await seedTenant(api.db, { formSchema: IMPORT_FORM, partners: 2 });
    other = await seedTenant(api.db, { formSchema: IMPORT_FORM, partners: 1 });
  });
  afterAll(() => api.close());

  /** Sunday 18:00 UTC two weeks back: 18:30 that day is Monday 00:00 in Kolkata. */
  function sundayEvening(): Date {
    const day = new Date();
    day.setUTCHours(18, 0, 0, 0);
    day.setUTCDate(day.getUTCDate() - day.getUTCDay() - 14);
    return day;
  }

  /** A range that starts and ends mid-hour, around everything the test writes. */
  function range(): { from: string; to: string } {
    const from = new Date(sundayEvening().getTime() - 30 * HOUR_MS - 17 * 60_000);
    const to = new Date(Date.now() + HOUR_MS + 23 * 60_000);
    return { from: from.toISOString(), to: to.toISOString() };
  }

  const body = () => ({ fields: { budget: 10 } });

  async function dashboard(t: SeededTenant, tz: string) {
    const { from, to } = range();
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&tz=${tz}`;
    const [weeks, funnel, byLeads, byWins] = await Promise.all([
      api.http.get(`/v1/analytics/leads-by-week?${q}`, { token: t.apiKey }),
      api.http.get(`/v1/analytics/funnel?${q}`, { token: t.apiKey }),
      api.http.get(`/v1/analytics/top-partners?${q}&sort=leads`, { token: t.apiKey }),
      api.http.get(`/v1/analytics/top-partners?${q}&sort=won`, { token: t.apiKey }),
    ]);
    for (const response of [weeks, funnel, byLeads, byWins]) expect(response.status).toBe(200);
    const perWeek: Record<string, number> = {};
    for (const week of weeks.body.data as Json[]) {
      for (const stage of LEAD_STAGES) {
        if (week[stage] > 0) perWeek[`${week.weekStart} ${stage}`] = week[stage];
      }
    }
    const partners = (response: Json) =>
      (response.body.data as Json[]).map((row) => ({
        id: row.partner.id,
        leads: row.leads,
        qualified: row.qualified,
        won: row.won,
      }));
    return {
      perWeek,
      stages: funnel.body.stages as Record<string, number>,
      byLeads: partners(byLeads),
      byWins: partners(byWins),
    };
  }

  /** The same numbers counted from the leads table directly. */
  async function counted(t: SeededTenant, tz: string) {
    const { from, to } = range();
    const where = `company_id = $1 AND created_at >= $2 AND created_at < $3`;
    const weeks = await api.db.query<{ key: string; n: number }>(
      `SELECT to_char(date_trunc('week', created_at AT TIME ZONE $4), 'YYYY-MM-DD') || ' ' || stage AS key,
              count(*)::int AS n
         FROM leads WHERE ${where} GROUP BY 1`,
      [t.companyId, from, to, tz],
    );
    const stages = await api.db.query<{ stage: string; n: number }>(
      `SELECT stage, count(*)::int AS n FROM leads WHERE ${where} GROUP BY 1`,
      [t.companyId, from, to],
    );
    const partners = await api.db.query<{
      id: string;
      leads: number;
      qualified: number;
      won: number;
    }>(
      `SELECT partner_id AS id, count(*)::int AS leads,
              count(*) FILTER (WHERE stage IN ('qualified', 'closed_won', 'closed_lost'))::int AS qualified,
              count(*) FILTER (WHERE stage = 'closed_won')::int AS won
         FROM leads WHERE ${where} GROUP BY 1`,
      [t.companyId, from, to],
    );
    const order = (key: 'leads' | 'won', other: 'leads' | 'won') =>
      [...partners.rows].sort(
        (a, b) => b[key] - a[key] || b[other] - a[other] || a.id.localeCompare(b.id),
      );
    return {
      perWeek: Object.fromEntries(weeks.rows.map((row) => [row.key, row.n])),
      stages: Object.fromEntries(
        LEAD_STAGES.map((stage) => [stage, stages.rows.find((r) => r.stage === stage)?.n ?? 0]),
      ),
      byLeads: order('leads', 'won'),
      byWins: order('won', 'leads'),
    };
  }

  async function expectExact() {
    for (const t of [tenant, other]) {
      for (const tz of ZONES) {
        expect({ tz, ...(await dashboard(t, tz)) }).toEqual({ tz, ...(await counted(t, tz)) });
      }
    }
  }

  it('counts leads created by form, import and SQL, moved, re-dated and deleted', async () => {
    await expectExact();

    const leads = [];
    for (let i = 0; i < 6; i++) leads.push(await createLead(api, tenant, body(), i % 2));
    await createLead(api, other, body());
    await expectExact();

    const csv = csvOf([
      ['First name', 'Last name', 'Email', 'Company', 'Budget'],
      ...Array.from({ length: 5 }, (_, i) => [`Row${i}`, 'Import', uniqueEmail('imp'), 'Co', '5']),
      ['Dup', 'Row', at(leads, 0).email, 'Co', '5'],
    ]);
    const done = await importCsv(api, csv, { token: partnerOf(tenant, 1).token });
    expect(done).toMatchObject({ status: 'completed', rowsImported: 5, rowsDuplicate: 1 });

    await moveLead(api, tenant, at(leads, 0).id, 'qualified');
    await moveLead(api, tenant, at(leads, 0).id, 'closed_won');
    await moveLead(api, tenant, at(leads, 1).id, 'qualified');
    await moveLead(api, tenant, at(leads, 2).id, 'unqualified');
    await expectExact();

    // Around the hour that holds Monday 00:00 in Kolkata (Sunday 18:30 UTC), so that hour's
    // leads fall into two different weeks there; one more an hour before the range starts.
    const evening = sundayEvening().getTime();
    const redate = async (leadId: string, ms: number) =>
      api.db.query(`UPDATE leads SET created_at = $2 WHERE id = $1`, [
        leadId,
        new Date(ms).toISOString(),
      ]);
    await redate(at(leads, 3).id, evening + 15 * 60_000);
    await redate(at(leads, 4).id, evening + 45 * 60_000);
    await redate(at(leads, 0).id, evening + 40 * 60_000);
    await redate(at(leads, 5).id, new Date(range().from).getTime() - HOUR_MS);
    await moveLead(api, tenant, at(leads, 1).id, 'closed_lost');
    await api.db.query(`DELETE FROM leads WHERE id = $1`, [at(leads, 2).id]);
    await createLead(api, tenant, body(), 1);
    await expectExact();

    // A range inside the re-dated hour: only raw leads, no whole hour or day.
    const from = new Date(evening + 10 * 60_000).toISOString();
    const to = new Date(evening + 50 * 60_000).toISOString();
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&tz=Asia/Kolkata`;
    const [weeks, top] = await Promise.all([
      api.http.get(`/v1/analytics/leads-by-week?${q}`, { token: tenant.apiKey }),
      api.http.get(`/v1/analytics/top-partners?${q}`, { token: tenant.apiKey }),
    ]);
    expect(weeks.body.data.map((w: Json) => [w.total, w.closed_won])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(top.body.data.map((p: Json) => p.leads).reduce((a: number, b: number) => a + b)).toBe(3);
  });

  it('folds new counts on a timer, so the change table stays small without dashboard views', async () => {
    for (let i = 0; i < 4; i++) await createLead(api, other, body());
    const pending = async () =>
      Number(
        (
          await api.db.query<{ n: string }>(
            `SELECT count(*) AS n FROM lead_count_changes WHERE company_id = $1`,
            [other.companyId],
          )
        ).rows[0]?.n,
      );
    const deadline = Date.now() + 15_000;
    while ((await pending()) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await pending()).toBe(0);
    const folded = await api.db.query<{ rollup: number; leads: number }>(
      `SELECT (SELECT coalesce(sum(leads), 0)::int FROM lead_counts_daily WHERE company_id = $1) AS rollup,
              (SELECT count(*)::int FROM leads WHERE company_id = $1) AS leads`,
      [other.companyId],
    );
    expect(folded.rows[0]?.rollup).toBe(folded.rows[0]?.leads);
    await expectExact();
  });
});
