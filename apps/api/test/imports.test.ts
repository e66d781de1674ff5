import { mapHeaders } from '@leadbridge/core';
import { at, uniqueEmail } from './support/fixtures';
import {
  csvOf,
  IMPORT_FORM,
  importCsv,
  importEnv,
  parseCsv,
  upload,
  waitForImport,
} from './support/imports';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

const HEADER = ['First name', 'Last name', 'Email', 'Company', 'Budget', 'Company size'];

describe('CSV lead imports', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let other: SeededTenant;

  beforeAll(async () => {
    api = await startTestApi(importEnv());
    tenant = await seedTenant(api.db, { formSchema: IMPORT_FORM, name: 'Acme Über', partners: 3 });
    other = await seedTenant(api.db, { formSchema: IMPORT_FORM });
  });
  afterAll(() => api.close());

  it('serves the program template to the company and to its partners, and it maps back to every field', async () => {
    const company = await api.http.get(`/v1/programs/${tenant.programId}/lead-template.csv`, {
      token: tenant.apiKey,
    });
    expect(company.status).toBe(200);
    expect(company.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(company.headers.get('content-disposition')).toContain(
      'attachment; filename="acme-uber-partner-program-lead-template.csv"',
    );
    const partner = await api.http.get('/v1/partner/lead-template.csv', {
      token: at(tenant.partners, 0).token,
    });
    expect(partner.status).toBe(200);
    expect(partner.text).toBe(company.text);
    const table = parseCsv(company.text);
    const header = at(table, 0);
    const example = at(table, 1);
    expect(header).toEqual([
      'First name',
      'Last name',
      'Email *',
      'Company',
      'Budget *',
      'Company size',
    ]);
    expect(example).toHaveLength(header.length);
    const mapping = mapHeaders(IMPORT_FORM, header);
    expect(mapping.columns).toEqual([
      'firstName',
      'lastName',
      'email',
      'company',
      'budget',
      'size',
    ]);
    expect(mapping.missingRequired).toEqual([]);
    const foreign = await api.http.get(`/v1/programs/${other.programId}/lead-template.csv`, {
      token: tenant.apiKey,
    });
    expect(foreign.status).toBe(404);
  });

  it('imports the template as downloaded, skipping its example row', async () => {
    const template = await api.http.get('/v1/partner/lead-template.csv', {
      token: at(tenant.partners, 2).token,
    });
    const email = uniqueEmail('template');
    const filled = `${template.text}Tim,Berners,${email},CERN,12,11+\r\n`;
    const done = await importCsv(api, filled, { token: at(tenant.partners, 2).token });
    expect(done).toMatchObject({
      status: 'completed',
      rowsImported: 1,
      rowsFailed: 0,
      rowsTotal: 1,
    });
  });

  it('imports valid rows, reports invalid and duplicate ones with exact counts, and the fixed error CSV re-imports cleanly', async () => {
    const partner = at(tenant.partners, 0);
    const existing = uniqueEmail('existing');
    const submitted = await api.http.post(
      '/v1/leads',
      { email: existing, fields: { budget: 10 } },
      { token: at(tenant.partners, 1).token },
    );
    expect(submitted.status).toBe(201);
    const ada = uniqueEmail('ada');
    const grace = uniqueEmail('grace');
    const rows = [
      HEADER,
      ['Ada', 'Lovelace', ada, 'Analytical Engines', '1000', '1-10'], // row 2: valid
      ['Grace', 'Hopper', grace, 'Navy', '2,500', '11+'], // 3: valid
      ['Bad', 'Email', 'not-an-email', 'Co', '100', ''], // 4: invalid email
      ['No', 'Budget', uniqueEmail('nobudget'), 'Co', '', ''], // 5: required budget missing
      ['Ada', 'Again', ada.toUpperCase(), 'Analytical Engines', '5', ''], // 6: same as row 2
      ['Old', 'Lead', existing, 'Else', '7', ''], // 7: already in the program
      ['=HYPERLINK("http://evil")', 'Formula', 'also bad', 'Co', '1', ''], // 8: invalid + formula
      ['Size', 'Wrong', uniqueEmail('size'), 'Co', '1', 'huge'], // 9: unknown option
    ];
    const csv = `${csvOf(rows).trimEnd()}\r\n\r\n`;
    const response = await upload(api, csv, { token: partner.token, fileName: 'my leads.csv' });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      status: 'queued',
      fileName: 'my leads.csv',
      programId: tenant.programId,
      partner: { id: partner.id, name: partner.name },
      createdBy: { type: 'partner', name: partner.name },
      rowsTotal: 8,
      rowsProcessed: 0,
    });
    expect(response.headers.get('location')).toBe(`/v1/imports/${response.body.id}`);
    const done = await waitForImport(api, partner.token, response.body.id);
    expect(done).toMatchObject({
      status: 'completed',
      error: null,
      rowsTotal: 8,
      rowsProcessed: 8,
      rowsImported: 2,
      rowsFailed: 4,
      rowsDuplicate: 2,
    });
    expect(done.completedAt).toEqual(expect.any(String));

    const leads = await api.db.query(
      `SELECT l.email, l.first_name, l.fields, l.stage, l.source, l.import_row, l.partner_id,
              e.type AS event_type, e.data AS event_data, e.actor_type
         FROM leads l JOIN lead_events e ON e.lead_id = l.id
        WHERE l.import_id = $1 ORDER BY l.import_row`,
      [done.id],
    );
    expect(leads.rows).toEqual([
      {
        email: ada,
        first_name: 'Ada',
        fields: { budget: 1000, size: 'small' },
        stage: 'new',
        source: 'import',
        import_row: 2,
        partner_id: partner.id,
        event_type: 'imported',
        event_data: { importId: done.id, row: 2 },
        actor_type: 'partner',
      },
      expect.objectContaining({
        email: grace,
        fields: { budget: 2500, size: 'large' },
        import_row: 3,
      }),
    ]);

    const errors = await api.http.get(`/v1/imports/${done.id}/errors.csv`, {
      token: partner.token,
    });
    expect(errors.status).toBe(200);
    expect(errors.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(errors.headers.get('content-disposition')).toContain('filename="my-leads-errors.csv"');
    // A BOM first, so Excel reads the UTF-8 (fetch's text() strips it, so look at the bytes).
    const bytes = await fetch(`${api.url}/v1/imports/${done.id}/errors.csv`, {
      headers: { authorization: `Bearer ${partner.token}` },
    }).then((r) => r.arrayBuffer());
    expect([...new Uint8Array(bytes).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parseCsv(errors.text);
    expect(table[0]).toEqual([...HEADER, 'error']);
    const byName = table.slice(1).map((row) => [row[0], row[1], row[6]]);
    expect(byName).toEqual([
      ['Bad', 'Email', expect.stringMatching(/email/i)],
      ['No', 'Budget', expect.stringMatching(/Budget/)],
      ['Ada', 'Again', expect.stringMatching(/^Duplicate: the same email as row 2 of this file$/)],
      ['Old', 'Lead', expect.stringMatching(/^Duplicate: .*already submitted/)],
      [`'=HYPERLINK("http://evil")`, 'Formula', expect.stringMatching(/email/i)],
      ['Size', 'Wrong', expect.stringMatching(/Company size/)],
    ]);

    // The partner fixes the bad cells, drops the duplicates and uploads the error CSV itself.
    const fixed = table.filter((row, index) => index === 0 || !row[6]?.startsWith('Duplicate'));
    for (const row of fixed.slice(1)) {
      if (row[0] === 'Bad' || row[0]?.includes('HYPERLINK')) row[2] = uniqueEmail('fixed');
      if (row[0] === 'No') row[4] = '300';
      if (row[0] === 'Size') row[5] = '11+';
    }
    const again = await importCsv(api, csvOf(fixed), { token: partner.token });
    expect(again).toMatchObject({
      status: 'completed',
      rowsImported: 4,
      rowsFailed: 0,
      rowsDuplicate: 0,
    });
    const restored = await api.db.query(
      `SELECT first_name FROM leads WHERE import_id = $1 AND last_name = 'Formula'`,
      [again.id],
    );
    expect(restored.rows).toEqual([{ first_name: '=HYPERLINK("http://evil")' }]);
  });

  it('lets a company import for a partner named in the query, as a raw text/csv body', async () => {
    const partner = at(tenant.partners, 1);
    const csv = csvOf([
      ['email', 'budget'],
      [uniqueEmail('raw'), '5'],
    ]);
    const response = await upload(api, csv, {
      token: tenant.apiKey,
      raw: true,
      fields: {
        programId: tenant.programId,
        partnerKey: partner.partnerKey,
        fileName: 'crm-export.csv',
      },
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      fileName: 'crm-export.csv',
      partner: { id: partner.id },
      createdBy: { type: 'api_key', name: 'test key' },
    });
    const done = await waitForImport(api, tenant.apiKey, response.body.id);
    expect(done.rowsImported).toBe(1);

    // Multipart with the program and partner after the file: checked once the form is read.
    const later = await upload(
      api,
      csvOf([
        ['email', 'budget'],
        [uniqueEmail('later'), '6'],
      ]),
      {
        token: tenant.apiKey,
        fields: { programId: tenant.programId, partnerId: partner.id },
        fieldsAfterFile: true,
      },
    );
    expect(later.status).toBe(202);
    expect((await waitForImport(api, tenant.apiKey, later.body.id)).rowsImported).toBe(1);
    const laterRefused = await upload(api, csv, {
      token: tenant.apiKey,
      fields: { programId: other.programId, partnerId: at(other.partners, 0).id },
      fieldsAfterFile: true,
    });
    expect(laterRefused.status).toBe(404);

    const missingPartner = await upload(api, csv, {
      token: tenant.apiKey,
      raw: true,
      fields: { programId: tenant.programId },
    });
    expect(missingPartner.status).toBe(422);
    expect(missingPartner.body.errors[0].field).toBe('partnerId');
    const foreignProgram = await upload(api, csv, {
      token: tenant.apiKey,
      fields: { programId: other.programId, partnerId: at(other.partners, 0).id },
    });
    expect(foreignProgram.status).toBe(404);
    const unknownPartner = await upload(api, csv, {
      token: tenant.apiKey,
      fields: { programId: tenant.programId, partnerId: at(other.partners, 0).id },
    });
    expect(unknownPartner.status).toBe(404);
  });

  it('applies a column mapping sent with the upload', async () => {
    const partner = at(tenant.partners, 1);
    const email = uniqueEmail('mapped');
    const csv = csvOf([
      ['Contact', 'Spend', 'Notes'],
      [email, '42', 'call Monday'],
    ]);
    const unmapped = await upload(api, csv, { token: partner.token });
    expect(unmapped.status).toBe(422);
    expect(unmapped.body).toMatchObject({
      code: 'missing_required_columns',
      missingFields: ['email', 'budget'],
    });
    expect(unmapped.body.detail).toContain('Email, Budget');
    expect(unmapped.body.detail).toContain('Contact, Spend, Notes');

    const badMapping = await upload(api, csv, {
      token: partner.token,
      fields: { mapping: JSON.stringify({ 0: 'email', 1: 'nope' }) },
    });
    expect(badMapping.status).toBe(422);
    expect(badMapping.body.errors).toEqual([
      expect.objectContaining({ field: 'mapping.1', code: 'unknown_field' }),
    ]);

    const done = await importCsv(api, csv, {
      token: partner.token,
      fields: { mapping: JSON.stringify({ 0: 'email', 1: 'budget', 2: null }) },
    });
    expect(done).toMatchObject({ status: 'completed', rowsImported: 1 });
    const lead = await api.db.query(`SELECT fields FROM leads WHERE email = $1`, [email]);
    expect(lead.rows[0].fields).toEqual({ budget: 42 });
  });

  it('returns the same import for a retried upload with the same Idempotency-Key', async () => {
    const partner = at(tenant.partners, 2);
    const csv = csvOf([
      ['email', 'budget'],
      [uniqueEmail('idem'), '1'],
    ]);
    const headers = { 'idempotency-key': `upload-${Date.now()}` };
    const first = await upload(api, csv, { token: partner.token, headers });
    expect(first.status).toBe(202);
    await waitForImport(api, partner.token, first.body.id);
    const retry = await upload(api, csv, { token: partner.token, headers });
    expect(retry.status).toBe(202);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const count = await api.db.query(
      `SELECT count(*)::int AS n FROM imports WHERE idempotency_key = $1`,
      [headers['idempotency-key']],
    );
    expect(count.rows[0].n).toBe(1);
  });

  it('shows import history to its owner and the company, and hides it from other partners', async () => {
    const first = at(tenant.partners, 0);
    const second = at(tenant.partners, 1);
    const own = await api.http.get('/v1/imports?limit=200', { token: first.token });
    expect(own.status).toBe(200);
    expect(own.body.data.length).toBeGreaterThan(0);
    expect(
      own.body.data.every((item: { partner: { id: string } }) => item.partner.id === first.id),
    ).toBe(true);
    const id = own.body.data[0].id;

    for (const path of [`/v1/imports/${id}`, `/v1/imports/${id}/errors.csv`]) {
      const response = await api.http.get(path, { token: second.token });
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('not_found');
      const foreign = await api.http.get(path, { token: other.apiKey });
      expect(foreign.status).toBe(404);
    }
    const theirs = await api.http.get('/v1/imports?limit=200', { token: second.token });
    expect(theirs.body.data.some((item: { id: string }) => item.id === id)).toBe(false);

    const all = await api.http.get('/v1/imports?limit=200', { token: tenant.apiKey });
    const partnersSeen = new Set(
      all.body.data.map((item: { partner: { id: string } }) => item.partner.id),
    );
    expect(partnersSeen.size).toBe(3);
    const filtered = await api.http.get(`/v1/imports?partnerId=${first.id}&status=completed`, {
      token: tenant.apiKey,
    });
    expect(filtered.body.data.map((item: { id: string }) => item.id)).toEqual(
      own.body.data
        .filter((item: { status: string }) => item.status === 'completed')
        .map((item: { id: string }) => item.id),
    );
    expect((await api.http.get('/v1/imports', { token: other.apiKey })).body.data).toEqual([]);

    // Keyset pages walk the whole history once, newest first.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } =
        await api.http.get(`/v1/imports?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: tenant.apiKey,
        });
      seen.push(...page.body.data.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.data.map((item: { id: string }) => item.id));
  });

  it('documents the import routes in the OpenAPI document', async () => {
    const { body } = await api.http.get('/v1/openapi.json');
    expect(body.paths['/v1/imports'].post.operationId).toBe('createImport');
    // A workbook may be the raw body too (recognised by its content, whatever the type says).
    expect(Object.keys(body.paths['/v1/imports'].post.requestBody.content).sort()).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'multipart/form-data',
      'text/csv',
    ]);
    expect(body.paths['/v1/imports'].get.operationId).toBe('listImports');
    expect(body.paths['/v1/imports/{id}'].get.operationId).toBe('getImport');
    expect(body.paths['/v1/imports/{id}/errors.csv'].get.operationId).toBe('getImportErrorCsv');
    expect(body.paths['/v1/programs/{id}/lead-template.csv'].get.operationId).toBe(
      'getProgramLeadTemplate',
    );
    expect(body.paths['/v1/partner/lead-template.csv'].get.operationId).toBe(
      'getPartnerLeadTemplate',
    );
    expect(body.paths['/v1/imports/dry-run'].post.operationId).toBe('dryRunImport');
    expect(body.paths['/v1/imports/{id}/cancel'].post.operationId).toBe('cancelImport');
    expect(body.components.schemas.Import.properties.status.enum).toEqual([
      'queued',
      'processing',
      'completed',
      'failed',
      'cancelled',
    ]);
    // Error answers of the CSV routes are problems, not CSV.
    for (const path of ['/v1/imports/{id}/errors.csv', '/v1/programs/{id}/lead-template.csv']) {
      expect(Object.keys(body.paths[path].get.responses['404'].content)).toEqual([
        'application/problem+json',
      ]);
    }
  });

  it('lists imported leads in GET /v1/leads like any other lead', async () => {
    const partner = at(tenant.partners, 0);
    const email = uniqueEmail('listed');
    const done = await importCsv(
      api,
      csvOf([
        ['Email', 'Budget'],
        [email, '9'],
      ]),
      { token: partner.token },
    );
    const list = await api.http.get(`/v1/leads?q=${encodeURIComponent(email)}`, {
      token: partner.token,
    });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        email,
        source: 'import',
        importId: done.id,
        stage: 'new',
        fields: { budget: 9 },
      }),
    ]);
  });
});
