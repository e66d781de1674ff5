import { readFileSync } from 'node:fs';
import type { LeadFormSchema } from '@leadbridge/core';
import ExcelJS from 'exceljs';
import { testEnvironment } from '../../../test/support/environment.js';
import { expect, expectNoAxeViolations, openHost, test } from '../../../test/support/fixtures.js';
import { layoutAtEveryWidth } from '../../../test/support/layout.js';
import { importSchema } from '../../../test/support/schemas.js';
import { database, partnerToken, seedProgram } from '../../../test/support/seed.js';

/** The import form plus a date and a text field whose values have leading zeros. */
function workbookSchema(): LeadFormSchema {
  const schema = importSchema();
  const order = schema.fields.length;
  schema.fields.push(
    { key: 'startDate', label: 'Start date', type: 'date', required: false, order },
    {
      key: 'customerNo',
      label: 'Customer number',
      type: 'text',
      required: false,
      order: order + 1,
    },
  );
  return schema;
}

/**
 * A workbook as a spreadsheet program saves it: a "Notes" sheet first, a hidden "Archive", and
 * "Messe_Hannover_Maerz_2025_Leads" (31 characters, Excel's longest, no space to wrap at) with three leads (one bad email), a
 * date, a formula and a text column with leading zeros.
 */
async function twoSheetWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Notes').addRow(['Leads are on the other sheet']);
  workbook.addWorksheet('Archive', { state: 'hidden' }).addRow(['Email']);
  const leads = workbook.addWorksheet('Messe_Hannover_Maerz_2025_Leads');
  leads.addRow(['First name', 'Last name', 'Email', 'Seats', 'Start date', 'Customer number']);
  leads.getColumn(6).numFmt = '@';
  leads.addRow([
    'Ada',
    'Lovelace',
    'ada@workbook.example',
    3,
    new Date(Date.UTC(2025, 2, 14)),
    '00123',
  ]);
  leads.addRow([
    'Grace',
    'Hopper',
    'grace-at-workbook.example',
    { formula: '2*4', result: 8 },
    null,
    '0042',
  ]);
  leads.addRow(['Alan', 'Turing', 'alan@workbook.example', 5, null, null]);
  // No seats (required): left as is, it goes to the error file.
  leads.addRow(['Edsger', 'Dijkstra', 'edsger@workbook.example', null, null, '007']);
  leads.getCell('E2').numFmt = 'dd.mm.yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('imports a sheet of an Excel workbook: pick the sheet, preview, fix a cell, import', async ({
  page,
}) => {
  const program = await seedProgram({ formSchema: workbookSchema() });
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
  const sheetName = 'Messe_Hannover_Maerz_2025_Leads';
  const workbookChunk = page.waitForRequest(/workbook-file-[\w-]+\.js$/);
  await form.locator('input[type="file"]').setInputFiles({
    name: 'fair-leads.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await twoSheetWorkbook(),
  });
  // The reader arrives only now, for the workbook.
  await workbookChunk;

  // Two visible sheets: the partner picks one; the hidden sheet is not offered.
  await expect(form.getByRole('heading', { name: 'Choose a sheet' })).toBeVisible();
  const choices = form.getByRole('radio');
  await expect(choices).toHaveCount(2);
  await expect(form.getByRole('radio', { name: 'Notes' })).toBeChecked();
  await expect(form.getByRole('radio', { name: 'Archive' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(await layoutAtEveryWidth(page, 'import-sheet-picker', [375, 1280])).toEqual([]);

  await form.getByRole('radio', { name: sheetName }).check();
  await form.getByRole('button', { name: 'Preview this sheet' }).click();
  const counts = form.locator('[part~="counts"]');
  await expect(counts).toHaveText('2 ready to import, 2 with problems, 4 rows in all');
  await expect(
    form.getByRole('heading', { name: `Preview — fair-leads.xlsx › ${sheetName}` }),
  ).toBeVisible();
  const grid = form.getByRole('grid');
  // Dates as the date field takes them, the formula's saved result, text with its zeros.
  await expect(grid).toContainText('2025-03-14');
  await expect(grid).toContainText('00123');
  await expect(grid).toContainText('0042');

  const badEmail = grid.locator('td[aria-invalid="true"]', {
    hasText: 'grace-at-workbook.example',
  });
  await badEmail.click();
  await page.keyboard.press('Enter');
  await grid.getByRole('textbox').fill('grace@workbook.example');
  await page.keyboard.press('Enter');
  await expect(counts).toHaveText('3 ready to import, 1 with problems, 4 rows in all');

  await form.getByRole('button', { name: 'Import and submit' }).click();
  await expect(
    form.getByText('Import finished: 3 imported, 1 with problems, 0 already registered.'),
  ).toBeVisible({ timeout: 30_000 });
  const history = form.getByRole('table', { name: 'Import history' });
  const entry = history.getByRole('row', { name: /fair-leads\.xlsx/ });
  await expect(entry).toContainText('Completed');
  // The error file is CSV, named after the workbook, with the sheet's columns.
  const errorsDownload = page.waitForEvent('download');
  await entry.getByRole('button', { name: 'Download error CSV for fair-leads.xlsx' }).click();
  const download = await errorsDownload;
  expect(download.suggestedFilename()).toBe('fair-leads-errors.csv');
  const errorCsv = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\ufeff/, '');
  expect(errorCsv.trimEnd().split(/\r?\n/)).toEqual([
    'First name,Last name,Email,Seats,Start date,Customer number,error',
    'Edsger,Dijkstra,edsger@workbook.example,,,007,Seats is required',
  ]);

  const { rows } = await database().query(
    `SELECT email, fields FROM leads WHERE program_id = $1 ORDER BY import_row`,
    [program.programId],
  );
  expect(rows).toEqual([
    {
      email: 'ada@workbook.example',
      fields: { seats: 3, startDate: '2025-03-14', customerNo: '00123' },
    },
    { email: 'grace@workbook.example', fields: { seats: 8, customerNo: '0042' } },
    { email: 'alan@workbook.example', fields: { seats: 5 } },
  ]);
});

test('a file named .xlsx that is no workbook is refused in plain words', async ({ page }) => {
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
    name: 'leads.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('Email\nada@example.com\n'),
  });
  await expect(form.getByRole('alert')).toHaveText(
    /leads\.xlsx could not be read as an Excel workbook: it is not a complete zip archive/,
  );
});
