import { partnerOf, uniqueEmail } from './support/fixtures';
import { createLead, moveLead } from './support/leads';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

describe('leads and customers across tenants', () => {
  let api: TestApi;
  let mine: SeededTenant;
  let theirs: SeededTenant;
  let theirLead: { id: string; email: string; version: number };
  let theirCustomerId: string;

  beforeAll(async () => {
    api = await startTestApi();
    mine = await seedTenant(api.db, { partners: 1 });
    theirs = await seedTenant(api.db, { partners: 1 });
    const lead = await createLead(api, theirs, {});
    const won = await moveLead(api, theirs, lead.id, 'closed_won');
    theirLead = won;
    theirCustomerId = won.customer.id;
  });
  afterAll(() => api.close());

  it('answers 404 for another company’s ids on every lead and customer route', async () => {
    const tokens = [mine.apiKey, partnerOf(mine, 0).token];
    for (const token of tokens) {
      const isPartner = token.startsWith('pt_');
      const responses = [
        await api.http.get(`/v1/leads/${theirLead.id}`, { token }),
        await api.http.get(`/v1/leads/${theirLead.id}/events`, { token }),
        await api.http.patch(
          `/v1/leads/${theirLead.id}`,
          { version: 2, firstName: 'X' },
          { token },
        ),
        await api.http.get(`/v1/customers/${theirCustomerId}`, { token }),
        await api.http.get(`/v1/customers/${theirCustomerId}/transactions`, { token }),
      ];
      if (!isPartner) {
        responses.push(
          await api.http.post(`/v1/leads/${theirLead.id}/stage`, { stage: 'qualified' }, { token }),
          await api.http.post(
            `/v1/customers/${theirCustomerId}/transactions`,
            { externalId: 'steal', amount: 100, currency: 'USD' },
            { token },
          ),
        );
      }
      for (const response of responses) {
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('not_found');
      }
    }
    const bulk = await api.http.post(
      '/v1/leads/bulk-stage',
      { ids: [theirLead.id], stage: 'closed_lost' },
      { token: mine.apiKey },
    );
    expect(bulk.body.results).toEqual([
      expect.objectContaining({ id: theirLead.id, ok: false, code: 'not_found' }),
    ]);
    const { rows } = await api.db.query(
      `SELECT l.stage, l.first_name, l.version, (SELECT count(*)::int FROM transactions) AS payments
         FROM leads l WHERE l.id = $1`,
      [theirLead.id],
    );
    expect(rows[0]).toMatchObject({ stage: 'closed_won', version: 2, payments: 0 });
    expect(rows[0].first_name).not.toBe('X');
  });

  it('refuses to file a lead into another company’s program or for its partner', async () => {
    const intoTheirProgram = await api.http.post(
      '/v1/leads',
      { email: uniqueEmail(), programId: theirs.programId, partnerId: partnerOf(theirs, 0).id },
      { token: mine.apiKey },
    );
    expect(intoTheirProgram.status).toBe(404);
    const forTheirPartner = await api.http.post(
      '/v1/leads',
      { email: uniqueEmail(), programId: mine.programId, partnerId: partnerOf(theirs, 0).id },
      { token: mine.apiKey },
    );
    expect(forTheirPartner.status).toBe(404);
    const byTheirKey = await api.http.post(
      '/v1/leads',
      {
        email: uniqueEmail(),
        programId: mine.programId,
        partnerKey: partnerOf(theirs, 0).partnerKey,
      },
      { token: mine.apiKey },
    );
    expect(byTheirKey.status).toBe(404);
    // The same email is free in another company's program: duplicates are per program.
    const sameEmail = await api.http.post(
      '/v1/leads',
      { email: theirLead.email },
      {
        token: partnerOf(mine, 0).token,
      },
    );
    expect(sameEmail.status).toBe(201);
  });

  it('never lists another company’s leads or customers, whatever the filters', async () => {
    for (const path of [
      '/v1/leads?limit=200',
      `/v1/leads?partnerId=${partnerOf(theirs, 0).id}`,
      `/v1/leads?programId=${theirs.programId}`,
      `/v1/leads?q=${encodeURIComponent(theirLead.email)}`,
      '/v1/customers?limit=200',
      `/v1/customers?partnerId=${partnerOf(theirs, 0).id}`,
    ]) {
      const response = await api.http.get(path, { token: mine.apiKey });
      expect(response.status).toBe(200);
      expect(response.text).not.toContain(theirLead.id);
      expect(response.text).not.toContain(theirCustomerId);
    }
  });
});
