import { at, uniqueEmail } from './support/fixtures';
import { csvOf, IMPORT_FORM, importEnv, upload } from './support/imports';
import { type SeededTenant, seedTenant } from './support/seed';
import { storedFiles } from './support/storage';
import { startTestApi, type TestApi } from './support/test-api';

describe('import limits', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let env: Record<string, string>;

  beforeAll(async () => {
    // No workers: accepted imports stay queued, which is what the running-limit test needs.
    env = importEnv({
      IMPORT_MAX_BYTES: '4096',
      IMPORT_MAX_ROWS: '10',
      IMPORT_MAX_RUNNING_PER_PARTNER: '1',
      RUN_WORKERS: 'false',
    });
    api = await startTestApi(env);
    tenant = await seedTenant(api.db, { formSchema: IMPORT_FORM, partners: 3 });
  });
  afterAll(() => api.close());

  const rows = (count: number) =>
    csvOf([
      ['Email', 'Budget'],
      ...Array.from({ length: count }, (_, i) => [uniqueEmail(`r${i}`), '1']),
    ]);

  it('refuses a file over the size limit, whether the size is declared or only seen while streaming', async () => {
    const big = `Email,Budget,Notes\r\n${`${uniqueEmail()},1,${'n'.repeat(200)}\r\n`.repeat(20)}`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(4096);
    const token = at(tenant.partners, 0).token;
    const declared = await upload(api, big, { token });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ code: 'file_too_large', maxBytes: 4096 });
    expect(declared.body.detail).toMatch(/larger than the 4 kB/);

    // Chunked transfer: no Content-Length, so the limit is enforced on the bytes as they arrive.
    const chunks = [big.slice(0, 3000), big.slice(3000)];
    const streamed = await fetch(`${api.url}/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next === undefined) controller.close();
          else controller.enqueue(new TextEncoder().encode(next));
        },
      }),
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { code: string }).code).toBe('file_too_large');
    expect(await storedFiles(env)).toEqual([]);
    const count = await api.db.query(`SELECT count(*)::int AS n FROM imports`);
    expect(count.rows[0].n).toBe(0);
  });

  it('refuses a file with more rows than allowed', async () => {
    const response = await upload(api, rows(11), { token: at(tenant.partners, 0).token });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'too_many_rows', maxRows: 10 });
    expect(response.body.detail).toMatch(/more than the 10 rows/);
  });

  it('refuses a second import while the partner has one running, other partners unaffected', async () => {
    const first = at(tenant.partners, 0);
    const second = at(tenant.partners, 1);
    const accepted = await upload(api, rows(10), { token: first.token });
    expect(accepted.status).toBe(202);
    expect(accepted.body.status).toBe('queued');
    const refused = await upload(api, rows(2), { token: first.token });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'import_already_running',
      runningImportIds: [accepted.body.id],
    });
    // The company uploading for the same partner is held to the same limit.
    const byCompany = await upload(api, rows(2), {
      token: tenant.apiKey,
      fields: { programId: tenant.programId, partnerId: first.id },
    });
    expect(byCompany.status).toBe(409);
    expect((await upload(api, rows(2), { token: second.token })).status).toBe(202);
  });

  it('refuses imports into a program that has importing switched off', async () => {
    const closed = await seedTenant(api.db, { formSchema: IMPORT_FORM, leadImportEnabled: false });
    const response = await upload(api, rows(1), { token: at(closed.partners, 0).token });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'lead_import_disabled' });
    const byCompany = await upload(api, rows(1), {
      token: closed.apiKey,
      raw: true,
      fields: { programId: closed.programId, partnerId: at(closed.partners, 0).id },
    });
    expect(byCompany.status).toBe(403);
  });

  it('refuses bodies that are neither multipart nor CSV, and a form without the file', async () => {
    const token = at(tenant.partners, 2).token;
    const json = await api.http.post('/v1/imports', { email: 'x@y.z' }, { token });
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('unsupported_media_type');
    const form = new FormData();
    form.append('mapping', '{}');
    const noFile = await fetch(`${api.url}/v1/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(noFile.status).toBe(422);
    expect(((await noFile.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe(
      'file',
    );
  });
});
