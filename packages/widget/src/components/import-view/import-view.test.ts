import { readFileSync } from 'node:fs';
import { testEnvironment } from '../../../test/support/environment.js';
import {
  expect,
  expectNoAxeViolations,
  openHost,
  test,
  waitForHostEvent,
} from '../../../test/support/fixtures.js';
import { importSchema } from '../../../test/support/schemas.js';
import { partnerClient, partnerToken, seedProgram } from '../../../test/support/seed.js';

/** 500 leads; four rows have a bad cell, one repeats a lead already registered. */
function leadsCsv(): string {
  const lines = ['First name,Last name,E-Mail,Company,Seats,Plan'];
  for (let index = 1; index <= 500; index++) {
    let email = `lead${index}@import.example`;
    let seats = String(index);
    let plan = index % 2 ? 'Starter' : 'business';
    if (index === 10) email = 'lead10-at-import.example';
    if (index === 20) seats = 'many';
    if (index === 30) email = '';
    if (index === 40) plan = 'Enterprise';
    if (index === 50) email = 'already@registered.example';
    lines.push(`Ada${index},Lovelace,${email},"Analytical Engines, Ltd",${seats},${plan}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

test('imports a 500-row CSV: preview, fix in place, import, history, error CSV, My leads', async ({
  page,
}) => {
  const program = await seedProgram({ formSchema: importSchema() });
  const token = await partnerToken(program);
  await partnerClient(token).leads.create({
    email: 'already@registered.example',
    fields: { seats: 1 },
  });
  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': testEnvironment().apiUrl,
        },
      },
    ],
  });
  const form = page.locator('#form');

  // As in the help article: the "⋮" next to "Submit a lead" opens the import, by keyboard too.
  const menuButton = form.getByRole('button', { name: 'More lead actions' });
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('menuitem', { name: 'Import leads' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('heading', { name: 'Import leads' })).toBeVisible();

  const templateDownload = page.waitForEvent('download');
  await form.getByRole('button', { name: 'Download CSV template' }).click();
  const template = readFileSync((await (await templateDownload).path()) ?? '', 'utf8');
  expect(template.startsWith('\ufeffFirst name,Last name,Email *,Company,Seats *,Plan\r\n')).toBe(
    true,
  );

  await form.locator('input[type="file"]').setInputFiles({
    name: 'partner-leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(leadsCsv()),
  });
  const counts = form.locator('[part~="counts"]');
  await expect(counts).toHaveText('496 ready to import, 4 with problems, 500 rows in all');
  // Columns were matched automatically ("E-Mail" → Email) and can be changed.
  await expect(form.getByLabel('Column “E-Mail”')).toHaveValue('email');

  // Virtualised: every row is in the grid's row count, only the visible ones in the DOM.
  const grid = form.getByRole('grid');
  await expect(grid).toHaveAttribute('aria-rowcount', '501');
  const rendered = await grid.locator('tbody tr[aria-rowindex]').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);

  await form.getByLabel('Show only rows with problems').check();
  await expect(grid).toHaveAttribute('aria-rowcount', '5');
  const badEmail = grid.locator('td[aria-invalid="true"]', { hasText: 'lead10-at-import.example' });
  await expect(badEmail).toBeVisible();
  const descriptionId = (await badEmail.getAttribute('aria-describedby')) ?? '';
  await expect(form.locator(`[id="${descriptionId}"]`)).toHaveText(
    'Email must be a valid email address',
  );
  await badEmail.hover();
  await expect(form.getByRole('tooltip')).toHaveText('Email must be a valid email address');

  // Fix two cells in place, from the keyboard; each row is checked again at once.
  await badEmail.click();
  await page.keyboard.press('Enter');
  const editor = grid.getByRole('textbox');
  await expect(editor).toBeFocused();
  await editor.fill('lead10@import.example');
  await page.keyboard.press('Enter');
  await expect(counts).toHaveText('497 ready to import, 3 with problems, 500 rows in all');
  const badSeats = grid.locator('td[aria-invalid="true"]', { hasText: 'many' });
  await badSeats.click();
  await page.keyboard.press('F2');
  await grid.getByRole('textbox').fill('20');
  await page.keyboard.press('Enter');
  await expect(counts).toHaveText('498 ready to import, 2 with problems, 500 rows in all');

  await expectNoAxeViolations(page);

  await form.getByRole('button', { name: 'Import and submit' }).click();
  await expect(
    form.getByText(/Import finished: 497 imported, 2 with problems, 1 already registered\./),
  ).toBeVisible({
    timeout: 30_000,
  });
  const imported = await waitForHostEvent(page, 'lead-form:imported', 'form');
  expect(imported.detail).toMatchObject({ rowsImported: 497, rowsFailed: 2, rowsDuplicate: 1 });

  // Import history: the import with its counts, and its error CSV.
  const history = form.getByRole('table', { name: 'Import history' });
  const row = history.getByRole('row', { name: /partner-leads\.csv/ });
  await expect(row).toContainText('Completed');
  await expect(row).toContainText('497');
  const errorsDownload = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Download error CSV for partner-leads.csv' }).click();
  const download = await errorsDownload;
  expect(download.suggestedFilename()).toBe('partner-leads-errors.csv');
  const errorCsv = readFileSync((await download.path()) ?? '', 'utf8');
  const lines = errorCsv
    .replace(/^\ufeff/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe('First name,Last name,E-Mail,Company,Seats,Plan,error');
  expect(lines).toHaveLength(4);
  expect(errorCsv).toContain(
    'Ada30,Lovelace,,"Analytical Engines, Ltd",30,business,Email is required',
  );
  expect(errorCsv).toMatch(
    /Ada40,Lovelace,lead40@import\.example,"Analytical Engines, Ltd",40,Enterprise,.*Enterprise/,
  );
  expect(errorCsv).toMatch(/Ada50,Lovelace,already@registered\.example,.*Duplicate/);

  await expectNoAxeViolations(page);

  // The imported leads are the partner's leads now, paged, the fixed row included.
  await form.getByRole('button', { name: 'View my leads' }).click();
  const leads = form.getByRole('table', { name: 'My leads' });
  await expect(leads.getByRole('row')).toHaveCount(26);
  await form.getByRole('button', { name: 'Load more' }).click();
  await expect(leads.getByRole('row')).toHaveCount(51);
  const search = form.getByRole('searchbox', { name: 'Search leads' });
  await search.fill('lead10@import.example');
  await expect(leads.getByRole('row')).toHaveCount(2);
  await expect(leads).toContainText('lead10@import.example');
  await expect(leads).toContainText('Analytical Engines, Ltd');
});

test('refuses a file that is not CSV, in plain words', async ({ page }) => {
  const program = await seedProgram({ formSchema: importSchema() });
  const token = await partnerToken(program);
  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': testEnvironment().apiUrl,
          view: 'import',
        },
      },
    ],
  });
  const form = page.locator('#form');
  await form.locator('input[type="file"]').setInputFiles({
    name: 'photo.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00]),
  });
  await expect(form.getByRole('alert')).toHaveText(
    /photo\.csv is neither a CSV file nor an Excel workbook/,
  );
});

test('a column the mapping missed can be matched by hand; every row is checked again', async ({
  page,
}) => {
  const program = await seedProgram({ formSchema: importSchema() });
  const token = await partnerToken(program);
  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': testEnvironment().apiUrl,
          view: 'import',
        },
      },
    ],
  });
  const form = page.locator('#form');
  const rows = ['Name;Contact;Seats'];
  // Seats from 1001: with Email unmapped, core takes a row whose only mapped cell equals the
  // template example (Seats "100") for the example row, and the import would skip it.
  for (let index = 1; index <= 5000; index++)
    rows.push(`Lin ${index};lin${index}@map.example;${index === 7 ? 'seven' : index + 1000}`);
  await form.locator('input[type="file"]').setInputFiles({
    name: 'semicolons.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\n')),
  });
  await expect(form.getByText('No column is matched to the required field Email.')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Import and submit' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(form.locator('[part~="counts"]')).toHaveText(
    '0 ready to import, 5,000 with problems, 5,000 rows in all',
  );

  await form.getByLabel('Column “Contact”').selectOption('email');
  await expect(form.locator('[part~="counts"]')).toHaveText(
    '4,999 ready to import, 1 with problems, 5,000 rows in all',
  );
  await expect(form.getByText('No column is matched to the required field Email.')).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Import and submit' })).toHaveAttribute(
    'aria-disabled',
    'false',
  );
});

/** A UTF-16 (little-endian, with BOM) CSV, as Excel's "Unicode text" export writes it. */
function utf16(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

test('a UTF-16 file the preview cannot read is mapped by the API dry run and imported as it is', async ({
  page,
}) => {
  const program = await seedProgram({ formSchema: importSchema() });
  const token = await partnerToken(program);
  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': testEnvironment().apiUrl,
          view: 'import',
        },
      },
    ],
  });
  const form = page.locator('#form');
  const lines = ['First name\tEmail\tSeats'];
  for (let index = 1; index <= 3; index++)
    lines.push(`Zoë${index}\tzoe${index}@utf16.example\t${index}`);
  await form.locator('input[type="file"]').setInputFiles({
    name: 'unicode.txt',
    mimeType: 'text/plain',
    buffer: utf16(`${lines.join('\r\n')}\r\n`),
  });
  // The browser's reader decodes it wrongly; the dry run read it as UTF-16 and found every column.
  await expect(form.locator('[part~="notice"]')).toContainText('encoded as UTF-16LE');
  await form.getByRole('button', { name: 'Import and submit' }).click();
  await expect(form.getByText(/Import finished: 3 imported, 0 with problems/)).toBeVisible({
    timeout: 30_000,
  });
  const leads = await partnerClient(token).leads.list({ q: 'utf16.example' });
  expect(leads.data.map((lead) => lead.firstName).sort()).toEqual(['Zoë1', 'Zoë2', 'Zoë3']);
});

test('a running import can be cancelled: what it imported stays, history says Cancelled', async ({
  page,
}) => {
  const program = await seedProgram({ formSchema: importSchema() });
  const token = await partnerToken(program);
  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': testEnvironment().apiUrl,
          view: 'import',
        },
      },
    ],
  });
  const form = page.locator('#form');
  const lines = ['Email\tSeats'];
  for (let index = 1; index <= 120_000; index++) lines.push(`c${index}@cancel.example\t1`);
  await form.locator('input[type="file"]').setInputFiles({
    name: 'huge.txt',
    mimeType: 'text/plain',
    buffer: utf16(`${lines.join('\r\n')}\r\n`),
  });
  await form.getByRole('button', { name: 'Import and submit' }).click();
  const cancel = form.getByRole('button', { name: 'Cancel import' });
  await cancel.click({ timeout: 30_000 });
  await expect(
    form.getByText(/Import cancelled\. Rows imported before it stopped stay/),
  ).toBeVisible({
    timeout: 30_000,
  });
  const history = form.getByRole('table', { name: 'Import history' });
  await expect(history.getByRole('row', { name: /huge\.txt/ })).toContainText('Cancelled');
  const imports = await partnerClient(token).imports.list();
  const cancelled = imports.data.find((item) => item.fileName === 'huge.txt');
  expect(cancelled?.status).toBe('cancelled');
  expect(cancelled?.rowsImported ?? 0).toBeLessThan(120_000);
});
