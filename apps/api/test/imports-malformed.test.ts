import { at, uniqueEmail } from './support/fixtures';
import { csvOf, IMPORT_FORM, importCsv, importEnv, parseCsv, upload } from './support/imports';
import { type SeededTenant, seedTenant } from './support/seed';
import { startTestApi, type TestApi } from './support/test-api';

// biome-ignore lint/suspicious/noExplicitAny: assertions read JSON bodies of many shapes.
type Json = any;

describe('malformed CSV files', () => {
  let api: TestApi;
  let tenant: SeededTenant;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi(importEnv());
    tenant = await seedTenant(api.db, { formSchema: IMPORT_FORM, partners: 1 });
    token = at(tenant.partners, 0).token;
  });
  afterAll(() => api.close());

  async function leadsOf(importId: string): Promise<Json[]> {
    const { rows } = await api.db.query(
      `SELECT email, first_name, last_name, company_name, fields, import_row FROM leads
        WHERE import_id = $1 ORDER BY import_row`,
      [importId],
    );
    return rows;
  }

  async function errorRows(importId: string): Promise<string[][]> {
    const response = await api.http.get(`/v1/imports/${importId}/errors.csv`, { token });
    expect(response.status).toBe(200);
    return parseCsv(response.text);
  }

  it('refuses binary files as not CSV', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
      0x52,
    ]);
    const asFile = await upload(api, png, { token, fileName: 'leads.csv' });
    expect(asFile.status).toBe(415);
    expect(asFile.body).toMatchObject({ code: 'not_csv' });
    expect(asFile.body.detail).toMatch(/not a CSV file/);
    const zip = Buffer.concat([
      Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'),
      Buffer.alloc(64, 7),
    ]);
    const raw = await upload(api, zip, { token, raw: true });
    expect(raw.status).toBe(415);
    expect(raw.body.code).toBe('not_csv');
    const stored = await api.db.query(`SELECT count(*)::int AS n FROM imports`);
    expect(stored.rows[0].n).toBe(0);
  });

  it('refuses an empty file, a blank one and one with a header but no rows', async () => {
    expect((await upload(api, '', { token })).body).toMatchObject({
      status: 422,
      code: 'empty_file',
    });
    expect((await upload(api, '\r\n\r\n  \r\n', { token })).body.code).toBe('empty_file');
    const headerOnly = await upload(api, 'Email,Budget\r\n\r\n', { token });
    expect(headerOnly.status).toBe(422);
    expect(headerOnly.body).toMatchObject({ code: 'no_rows', headers: ['Email', 'Budget'] });
  });

  it('refuses a file without a header row, naming the missing columns', async () => {
    const response = await upload(api, `${uniqueEmail()},100\r\n${uniqueEmail()},200\r\n`, {
      token,
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('missing_required_columns');
    expect(response.body.detail).toMatch(/no column for the required fields Email, Budget/);
  });

  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
    ['pipes', '|'],
  ])('detects %s as the delimiter', async (_name, delimiter) => {
    const email = uniqueEmail();
    const csv = csvOf(
      [
        ['Email', 'Company', 'Budget'],
        [email, 'Müller, Schmidt & Co', '1.5'],
      ],
      '\r\n',
      delimiter,
    );
    const done = await importCsv(api, csv, { token });
    expect(done).toMatchObject({ status: 'completed', rowsImported: 1, rowsFailed: 0 });
    expect(await leadsOf(done.id)).toEqual([
      expect.objectContaining({
        email,
        company_name: 'Müller, Schmidt & Co',
        fields: { budget: 1.5 },
      }),
    ]);
  });

  it('reads a UTF-8 BOM, CRLF, LF and CR line ends, quoted newlines, and skips empty lines', async () => {
    const [a, b, c, d] = [uniqueEmail('a'), uniqueEmail('b'), uniqueEmail('c'), uniqueEmail('d')];
    const csv =
      '\ufeffEmail,Company,Budget\r\n' +
      `${a},"Acme\r\nHoldings",1\r\n` +
      '\r\n' +
      `${b},"Line\nbreak ""quoted""",2\n` +
      ',,\n' +
      `${c},Plain,3\r\n` +
      `${d},Last,4`;
    const done = await importCsv(api, csv, { token });
    expect(done).toMatchObject({
      status: 'completed',
      rowsTotal: 4,
      rowsImported: 4,
      rowsFailed: 0,
    });
    const leads = await leadsOf(done.id);
    expect(leads.map((lead: Json) => [lead.email, lead.company_name, lead.import_row])).toEqual([
      // One record each despite the line breaks (single-line text collapses them, as the form does).
      [a, 'Acme Holdings', 2],
      [b, 'Line break "quoted"', 4],
      [c, 'Plain', 6],
      [d, 'Last', 7],
    ]);
    const classicMac = await importCsv(
      api,
      `Email,Budget\r${uniqueEmail()},1\r${uniqueEmail()},2\r`,
      { token },
    );
    expect(classicMac.rowsImported).toBe(2);
  });

  it('reads Windows-1252 (Excel "CSV" on Windows) and UTF-16 (Excel "Unicode text") files', async () => {
    const email = uniqueEmail('latin');
    const ansi = Buffer.from(`Email;Company;Budget\r\n${email};Müller – Söhne;5\r\n`, 'latin1');
    ansi[ansi.indexOf(0x13)] = 0x96; // en dash in Windows-1252 (latin1 cannot encode it)
    const done = await importCsv(api, ansi, { token });
    expect((await leadsOf(done.id))[0].company_name).toBe('Müller \u2013 Söhne');

    const unicodeEmail = uniqueEmail('utf16');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`Email\tCompany\tBudget\r\n${unicodeEmail}\t日本語\t7\r\n`, 'utf16le'),
    ]);
    const wide = await importCsv(api, utf16, { token });
    expect(await leadsOf(wide.id)).toEqual([
      expect.objectContaining({ email: unicodeEmail, company_name: '日本語' }),
    ]);
  });

  it('reports an unclosed quote on its row and imports the rows before it', async () => {
    const [a, b] = [uniqueEmail('before'), uniqueEmail('after')];
    const csv = `Email,Company,Budget\r\n${a},Fine,1\r\n${uniqueEmail()},"Unclosed,2\r\n${b},Swallowed,3\r\n`;
    const done = await importCsv(api, csv, { token });
    expect(done).toMatchObject({ status: 'completed', rowsImported: 1, rowsFailed: 1 });
    expect((await leadsOf(done.id)).map((lead: Json) => lead.email)).toEqual([a]);
    const row = at(await errorRows(done.id), 1);
    expect(row[1]).toContain(b); // everything after the quote was read into that cell
    expect(row[3]).toMatch(/quoted value in this row is never closed/);
  });

  it('reports a misplaced quote on its row and goes on with the next rows', async () => {
    const [a, b] = [uniqueEmail('a'), uniqueEmail('b')];
    const csv = `Email,Company,Budget\r\n${uniqueEmail()},"Acme "Best" Inc",1\r\n${a},Fine,2\r\n${b},5" screens,3\r\n`;
    const done = await importCsv(api, csv, { token });
    expect(done).toMatchObject({ rowsImported: 2, rowsFailed: 1 });
    expect((await leadsOf(done.id)).map((lead: Json) => [lead.email, lead.company_name])).toEqual([
      [a, 'Fine'],
      [b, '5" screens'],
    ]);
    const row = at(await errorRows(done.id), 1);
    expect(row[3]).toMatch(/misplaced/);
  });

  it('refuses at upload a quote that swallows more than a megabyte', async () => {
    const filler = `${'x'.repeat(99)}\r\n`.repeat(12_000);
    const csv = `Email,Company,Budget\r\n${uniqueEmail()},"never closed,1\r\n${filler}`;
    const response = await upload(api, csv, { token });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'unclosed_quote', row: 2 });
  });

  it('reports extra and missing cells, and a 100 kB cell, per row without stopping', async () => {
    const [ok, huge] = [uniqueEmail('ok'), uniqueEmail('huge')];
    const bigCell = 'y'.repeat(100 * 1024);
    const csv = csvOf([
      ['First name', 'Email', 'Budget'],
      ['Extra', uniqueEmail(), '1', 'surplus', 'cells'],
      ['Missing', uniqueEmail()],
      [bigCell, huge, '3'],
      ['Trailing', ok, '4', '', ''],
    ]);
    const done = await importCsv(api, csv, { token });
    expect(done).toMatchObject({ status: 'completed', rowsImported: 1, rowsFailed: 3 });
    expect((await leadsOf(done.id)).map((lead: Json) => lead.email)).toEqual([ok]);
    const rows = await errorRows(done.id);
    expect(at(rows, 1).slice(0, 2)).toEqual(['Extra', expect.any(String)]);
    expect(at(rows, 1)[at(rows, 1).length - 1]).toMatch(/5 cells but the header has 3/);
    expect(at(rows, 2)[3]).toMatch(/only 2 cells but the header has 3/);
    expect(at(rows, 3)[0]).toBe(bigCell);
    expect(at(rows, 3)[3]).toMatch(/First name must be at most 200 characters/);
  });

  it('neutralises formula cells in the error CSV and restores them when it is re-imported', async () => {
    const cells = ['=1+2', '+SUM(A1)', '-3+4', '@cmd', '\tTab'];
    const csv = csvOf([
      ['First name', 'Last name', 'Company', 'Email', 'Budget'],
      [at(cells, 0), at(cells, 1), at(cells, 2), 'not-an-email', '1'],
      [at(cells, 3), at(cells, 4), 'Co', 'also-not', '2'],
    ]);
    const done = await importCsv(api, csv, { token });
    expect(done.rowsFailed).toBe(2);
    const response = await api.http.get(`/v1/imports/${done.id}/errors.csv`, { token });
    const rows = parseCsv(response.text);
    expect(at(rows, 1).slice(0, 3)).toEqual([`'=1+2`, `'+SUM(A1)`, `'-3+4`]);
    expect(at(rows, 2).slice(0, 2)).toEqual([`'@cmd`, `'\tTab`]);
    at(rows, 1)[3] = uniqueEmail('f1');
    at(rows, 2)[3] = uniqueEmail('f2');
    const again = await importCsv(api, csvOf(rows), { token });
    expect(again).toMatchObject({ rowsImported: 2, rowsFailed: 0 });
    expect(
      (await leadsOf(again.id)).map((lead: Json) => [lead.first_name, lead.last_name]),
    ).toEqual([
      ['=1+2', '+SUM(A1)'],
      ['@cmd', 'Tab'], // trimmed like any text input
    ]);
  });
});
