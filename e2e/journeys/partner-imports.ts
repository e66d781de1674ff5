import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { World } from '../support/world';
import { leadForm } from './partner-submits';

const FILE = 'northstar-leads.csv';
const WORKBOOK = 'trade-fair.xlsx';

/** The partner's Excel workbook: a notes sheet first, a hidden one, and the fair's leads. */
async function tradeFairWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Read me').addRow(['Leads from the Hannover fair are on the next sheet']);
  workbook.addWorksheet('Old contacts', { state: 'hidden' }).addRow(['Email']);
  const fair = workbook.addWorksheet('Trade fair');
  fair.addRow(['First name', 'Last name', 'E-mail', 'Company', 'Expected seats']);
  fair.addRow(['Barbara', 'Liskov', 'barbara-at-mit.example', 'MIT', 9]);
  fair.addRow(['Ken', 'Thompson', 'ken@bell.example', 'Bell Labs', { formula: '2*6', result: 12 }]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads a download the way the partner's spreadsheet would open it (BOM dropped). */
async function downloaded(page: Page, click: () => Promise<void>) {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const text = readFileSync((await file.path()) ?? '', 'utf8').replace(/^\ufeff/, '');
  return { name: file.suggestedFilename(), lines: text.trimEnd().split(/\r?\n/) };
}

/** Fixes one highlighted cell in the preview grid from the keyboard, as the help text says. */
async function fixCell(page: Page, grid: Locator, bad: string, good: string): Promise<void> {
  const cell = grid.locator('td[aria-invalid="true"]', { hasText: bad });
  await cell.click();
  await page.keyboard.press('Enter');
  const editor = grid.getByRole('textbox');
  await expect(editor).toBeFocused();
  await editor.fill(good);
  await page.keyboard.press('Enter');
}

/**
 * Journey 4: the partner downloads the CSV template, fills it in with some mistakes, previews
 * it (bad cells highlighted), fixes two in place, imports, then downloads the error CSV of what
 * could not be imported and finds exactly those rows, each with its reason. Then the partner
 * drops an Excel workbook with two visible sheets, picks one, fixes a cell and imports it.
 */
export async function partnerImports(world: World): Promise<void> {
  const { cast } = world;
  const page = world.partner.page;
  const form = leadForm(page);

  // As in the help article: the "⋮" next to "Submit a lead" → "Import leads".
  await form.getByRole('tab', { name: 'Submit a lead' }).click();
  await form.getByRole('button', { name: 'More lead actions' }).click();
  await form.getByRole('menuitem', { name: 'Import leads' }).click();
  await expect(form.getByRole('heading', { name: 'Import leads' })).toBeVisible();

  // The template has this program's columns (required ones starred) and one example row.
  const template = await downloaded(page, () =>
    form.getByRole('button', { name: 'Download CSV template' }).click(),
  );
  expect(template.lines[0]).toBe('First name,Last name,Email *,Company,Expected seats *');
  expect(template.lines).toHaveLength(2);

  // The partner keeps the example row and adds seven leads below it.
  const rows = [
    'Radia,Perlman,radia@spanning.example,DEC,12',
    'Grace,Hopper,grace-at-navy.example,US Navy,40', // fixed in the preview
    'Alan,Turing,alan@bletchley.example,Bletchley Park,many', // fixed in the preview
    'Edsger,Dijkstra,,Eindhoven University,7', // no email: left as is
    `${cast.lead.firstName},${cast.lead.lastName},${cast.lead.email},${cast.lead.company},25`, // already registered
    'Linus,Torvalds,linus@kernel.example,Transmeta,5',
    'Margaret,Hamilton,margaret@apollo.example,=1+2,', // no seats, and a formula: left as is
  ];
  await form.locator('input[type="file"]').setInputFiles({
    name: FILE,
    mimeType: 'text/csv',
    buffer: Buffer.from(`${[...template.lines, ...rows].join('\r\n')}\r\n`),
  });

  // The preview: every row checked; the example is recognised and skipped.
  const counts = form.locator('[part~="counts"]');
  await expect(counts).toHaveText('3 ready to import, 4 with problems, 8 rows in all');
  const grid = form.getByRole('grid', { name: `Rows of ${FILE}` });
  await expect(grid).toContainText('Template example (skipped)');
  const badEmail = grid.locator('td[aria-invalid="true"]', { hasText: 'grace-at-navy.example' });
  const described = (await badEmail.getAttribute('aria-describedby')) ?? '';
  await expect(form.locator(`[id="${described}"]`)).toHaveText(
    'Email must be a valid email address',
  );

  await fixCell(page, grid, 'grace-at-navy.example', 'grace@navy.example');
  await expect(counts).toHaveText('4 ready to import, 3 with problems, 8 rows in all');
  await fixCell(page, grid, 'many', '3');
  await expect(counts).toHaveText('5 ready to import, 2 with problems, 8 rows in all');

  // Import and submit: rows with problems stay out; the duplicate is refused by the server.
  await form.getByRole('button', { name: 'Import and submit' }).click();
  await expect(
    form.getByText('Import finished: 4 imported, 2 with problems, 1 already registered.'),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#notice')).toHaveText('Import finished: 4 leads added.');

  // Import history, with its counts and the error CSV of what was not imported.
  const history = form.getByRole('table', { name: 'Import history' });
  const entry = history.getByRole('row', { name: new RegExp(FILE.replace('.', '\\.')) });
  await expect(entry).toContainText('Completed');
  await expect(entry).toContainText('4');
  const errors = await downloaded(page, () =>
    entry.getByRole('button', { name: `Download error CSV for ${FILE}` }).click(),
  );
  expect(errors.name).toBe('northstar-leads-errors.csv');
  expect(errors.lines[0]).toBe('First name,Last name,Email *,Company,Expected seats *,error');
  expect(errors.lines).toHaveLength(4);
  expect(errors.lines).toContain('Edsger,Dijkstra,,Eindhoven University,7,Email is required');
  expect(errors.lines.find((line) => line.startsWith(`${cast.lead.firstName},`))).toMatch(
    /Duplicate/,
  );
  // A formula cell goes back to the partner neutralised (OWASP CSV injection).
  expect(errors.lines).toContain(
    "Margaret,Hamilton,margaret@apollo.example,'=1+2,,Expected seats is required",
  );

  // The partner is emailed the outcome.
  const mail = await world.mail.waitFor(
    cast.partner.email,
    (m) => m.subject.startsWith(`Your import of ${FILE} is done`),
    'import finished',
  );
  expect(mail.subject).toBe(
    `Your import of ${FILE} is done: 4 leads submitted, 3 rows need attention`,
  );

  // Later, from the "⋮" menu: "View import history" lists the import with its counts.
  await form.getByRole('tab', { name: 'Submit a lead' }).click();
  await form.getByRole('button', { name: 'More lead actions' }).click();
  await form.getByRole('menuitem', { name: 'View import history' }).click();
  await expect(
    form
      .getByRole('table', { name: 'Import history' })
      .getByRole('row', { name: new RegExp(FILE.replace('.', '\\.')) }),
  ).toContainText('Completed');

  // The imported leads are the partner's leads now, the fixed ones included.
  await form.getByRole('tab', { name: 'My leads' }).click();
  const leads = form.getByRole('table', { name: 'My leads' });
  await expect(leads.getByRole('row')).toHaveCount(6);
  await expect(leads.getByRole('row', { name: /Grace Hopper/ })).toContainText(
    'grace@navy.example',
  );
  await expect(leads.getByRole('row', { name: /Alan Turing/ })).toContainText('New');
  await expect(leads).not.toContainText('Edsger');

  // Then an Excel workbook with two visible sheets: the partner picks the fair's, fixes a cell.
  await form.getByRole('tab', { name: 'Submit a lead' }).click();
  await form.getByRole('button', { name: 'More lead actions' }).click();
  await form.getByRole('menuitem', { name: 'Import leads' }).click();
  await form.locator('input[type="file"]').setInputFiles({
    name: WORKBOOK,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await tradeFairWorkbook(),
  });
  await expect(form.getByRole('radio')).toHaveCount(2);
  await form.getByRole('radio', { name: 'Trade fair' }).check();
  await form.getByRole('button', { name: 'Preview this sheet' }).click();
  await expect(counts).toHaveText('1 ready to import, 1 with problems, 2 rows in all');
  const sheetGrid = form.getByRole('grid');
  await expect(sheetGrid).toContainText('12');
  await fixCell(page, sheetGrid, 'barbara-at-mit.example', 'barbara@mit.example');
  await expect(counts).toHaveText('2 ready to import, 0 with problems, 2 rows in all');
  await form.getByRole('button', { name: 'Import and submit' }).click();
  await expect(
    form.getByText('Import finished: 2 imported, 0 with problems, 0 already registered.'),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    form
      .getByRole('table', { name: 'Import history' })
      .getByRole('row', { name: new RegExp(WORKBOOK.replace('.', '\\.')) }),
  ).toContainText('Completed');
  await form.getByRole('tab', { name: 'My leads' }).click();
  await expect(leads.getByRole('row', { name: /Barbara Liskov/ })).toContainText(
    'barbara@mit.example',
  );
}
