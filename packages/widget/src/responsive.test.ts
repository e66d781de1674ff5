import type { Locator, Page } from '@playwright/test';
import { testEnvironment } from '../test/support/environment.js';
import { expect, openHost, test } from '../test/support/fixtures.js';
import { layoutAtEveryWidth } from '../test/support/layout.js';
import { everyTypeSchema } from '../test/support/schemas.js';
import { partnerToken, type SeededProgram, seedProgram } from '../test/support/seed.js';

/**
 * Every view of the widget on a company's page at 375, 768 and 1280 px: the page never scrolls
 * sideways and every control can be reached. Screenshots of each view at each width land in
 * artifacts/widget/.
 */

interface Seeded {
  program: SeededProgram;
  token: string;
}

let seeded: Promise<Seeded> | null = null;

/** One program for the whole file: a long form, leads in every stage, customers, commissions, a thread. */
function seed(): Promise<Seeded> {
  seeded ??= (async () => {
    const program = await seedProgram({
      name: 'Northwind Traders International',
      formSchema: everyTypeSchema(),
      currency: 'EUR',
      offer: {
        rules: [
          { kind: 'flat', stage: 'closed_won', amount: { amount: 15000, currency: 'EUR' } },
          { kind: 'percentage', basisPoints: 1250, months: 12 },
        ],
      },
    });
    const partnerId = program.partners[0]?.id ?? '';
    const stages = ['new', 'qualified', 'unqualified', 'closed_lost', 'closed_won'] as const;
    for (const [index, stage] of [...stages, 'closed_won' as const].entries()) {
      const lead = await program.company.leads.create({
        programId: program.programId,
        partnerId,
        email: `maximilian.oberhausen-${index}@a-rather-long-company-domain.example`,
        firstName: 'Maximilian',
        lastName: `Oberhausen-Wittgenstein ${index + 1}`,
        company: 'Oberhausen Industrial Automation GmbH & Co. KG',
        fields: { seats: 25 + index, plan: 'business', consent: true },
      });
      if (stage === 'new') continue;
      const moved =
        stage === 'closed_lost'
          ? await program.company.leads
              .changeStage(lead.id, { stage: 'qualified' })
              .then(() => program.company.leads.changeStage(lead.id, { stage }))
          : await program.company.leads.changeStage(lead.id, { stage });
      if (stage === 'closed_won' && moved.customer && index === stages.length) {
        await program.company.customers.transactions.create(moved.customer.id, {
          externalId: `inv-${index}`,
          amount: 1_234_567,
          currency: 'EUR',
        });
      }
    }
    await program.company.messages.startThread({
      subject: 'Welcome to the Northwind partner program — a few things to know first',
      body: 'Hi! Tell us about your first leads. We review every lead within two working days, and you can reply here at any time.',
      partnerId,
      programId: program.programId,
    });
    return { program, token: await partnerToken(program) };
  })();
  return seeded;
}

async function openWidget(page: Page, attributes: Record<string, string>): Promise<Locator> {
  const { program } = await seed();
  await page.setViewportSize({ width: 1280, height: 800 });
  await openHost(page, {
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'api-base': testEnvironment().apiUrl,
          ...attributes,
        },
      },
    ],
  });
  return page.locator('#form');
}

async function signedIn(page: Page): Promise<Locator> {
  const { token } = await seed();
  const form = await openWidget(page, { 'session-token': token });
  await expect(form.getByRole('heading', { name: 'Submit a lead' })).toBeVisible();
  return form;
}

/** Boxes inside the widget that scroll sideways at the current width (by class name). */
function sidewaysScrollers(form: Locator): Promise<string[]> {
  return form.evaluate((host) =>
    [...(host.shadowRoot?.querySelectorAll('*') ?? [])]
      .filter((element) => {
        const overflow = getComputedStyle(element).overflowX;
        return (
          (overflow === 'auto' || overflow === 'scroll') &&
          element.scrollWidth > element.clientWidth + 1
        );
      })
      .map((element) => element.className || element.tagName.toLowerCase()),
  );
}

/** Every row's status badge lies inside the viewport as the page is (no sideways scrolling). */
async function expectStatusesInView(form: Locator, width: number): Promise<void> {
  const rights = await form
    .locator('[part~="row"] [part~="status-badge"]')
    .evaluateAll((badges) => badges.map((badge) => badge.getBoundingClientRect().right));
  expect(rights.length).toBeGreaterThan(0);
  for (const right of rights) expect(right).toBeLessThanOrEqual(width);
}

/** A CSV of 14 columns with long values and a few bad cells: wider than any screen. */
function wideCsv(): string {
  const header = [
    'First name',
    'Last name',
    'Email',
    'Company',
    'Notes',
    'Billing email',
    'Phone',
    'Website',
    'Expected seats',
    'Plan',
    'Products',
    'The lead agreed to be contacted',
    'Start date',
    'Industry',
  ];
  const rows = [header.join(',')];
  for (let index = 1; index <= 40; index++) {
    rows.push(
      [
        `Alexandra-Victoria ${index}`,
        'Featherstonehaugh-Cholmondeley',
        index === 3 ? 'not-an-email' : `alexandra.victoria${index}@some-very-long-domain.example`,
        '"Featherstonehaugh Consolidated Holdings, Ltd."',
        '"Met at the trade fair; wants a demo of the reporting module for the finance team."',
        `billing${index}@featherstonehaugh.example`,
        '+44 20 7946 0958',
        'https://featherstonehaugh.example/about-us',
        index === 5 ? 'lots' : String(10 + index),
        'business',
        'crm',
        'true',
        '2026-01-15',
        'Manufacturing and industrial automation',
      ].join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

test('sign-in and submit fit every width, with the ⋮ menu open too', async ({ page }) => {
  const problems: string[] = [];
  const signIn = await openWidget(page, {});
  await expect(signIn.getByRole('button', { name: 'Email me a code' })).toBeVisible();
  problems.push(...(await layoutAtEveryWidth(page, 'sign-in')));

  const form = await signedIn(page);
  // Number fields bring up a number keyboard on phones.
  await expect(form.getByLabel('Expected seats')).toHaveAttribute('inputmode', 'decimal');
  problems.push(...(await layoutAtEveryWidth(page, 'submit')));
  await form.getByRole('button', { name: 'More lead actions' }).click();
  await expect(form.getByRole('menuitem', { name: 'Import leads' })).toBeVisible();
  problems.push(...(await layoutAtEveryWidth(page, 'submit-menu')));
  expect(problems).toEqual([]);
});

test('importing a 14-column CSV fits every width: the preview scrolls in its own box', async ({
  page,
}) => {
  // Signed in inside the widget (a stored session), so "Sign out" is in the header too.
  const { program, token } = await seed();
  await page.addInitScript(({ key, value }) => sessionStorage.setItem(key, value), {
    key: `lead-form:session:${program.publishableKey}`,
    value: JSON.stringify({ token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
  });
  const form = await openWidget(page, {});
  await expect(form.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await form.getByRole('button', { name: 'More lead actions' }).click();
  await form.getByRole('menuitem', { name: 'Import leads' }).click();
  await expect(form.getByRole('heading', { name: 'Import leads' })).toBeVisible();
  const problems = await layoutAtEveryWidth(page, 'import');

  await page.setViewportSize({ width: 375, height: 800 });
  await form.locator('input[type="file"]').setInputFiles({
    name: 'featherstonehaugh-leads-export-2026.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(wideCsv()),
  });
  await expect(form.locator('[part~="counts"]')).toHaveText(
    '38 ready to import, 2 with problems, 40 rows in all',
  );
  problems.push(...(await layoutAtEveryWidth(page, 'import-preview')));

  // On a phone the grid scrolls sideways inside its own box, and the page does not.
  expect(problems).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await sidewaysScrollers(form)).toEqual(['grid-scroll']);
});

test('My leads, Customers, Commissions, Program and Messages fit every width', async ({ page }) => {
  const form = await signedIn(page);
  const problems: string[] = [];
  const tab = (name: string) => form.getByRole('tab', { name });

  await tab('My leads').click();
  await expect(form.locator('[part~="row"]')).toHaveCount(6);
  problems.push(...(await layoutAtEveryWidth(page, 'leads')));
  // On a phone each lead is a card: nothing scrolls sideways, every status is in view.
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await sidewaysScrollers(form)).toEqual([]);
  await expectStatusesInView(form, 375);

  await form.locator('[part~="lead-link"]').first().click();
  await expect(form.locator('#lead-detail-title')).toBeVisible();
  problems.push(...(await layoutAtEveryWidth(page, 'lead-detail')));

  await tab('Customers').click();
  await expect(form.locator('[part~="row"]')).toHaveCount(2);
  problems.push(...(await layoutAtEveryWidth(page, 'customers')));
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await sidewaysScrollers(form)).toEqual([]);
  await expectStatusesInView(form, 375);

  await tab('Commissions').click();
  await expect(form.locator('[part~="row"]')).toHaveCount(3);
  problems.push(...(await layoutAtEveryWidth(page, 'commissions')));
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await sidewaysScrollers(form)).toEqual([]);
  await expectStatusesInView(form, 375);

  await tab('Program').click();
  await expect(form.locator('[part~="offer"]')).toBeVisible();
  problems.push(...(await layoutAtEveryWidth(page, 'program')));

  await tab('Messages').click();
  await form.getByRole('button', { name: /Welcome to the Northwind partner program/ }).click();
  await expect(form.getByText('Tell us about your first leads')).toBeVisible();
  problems.push(...(await layoutAtEveryWidth(page, 'messages')));
  expect(problems).toEqual([]);
});

test('in a narrow column of a wide page, My leads shows cards: the widget follows its own width', async ({
  page,
}) => {
  const { program, token } = await seed();
  await page.setViewportSize({ width: 1280, height: 800 });
  await openHost(page, {
    css: 'main { max-width: none; } main section { width: 22rem; margin-inline-start: auto; }',
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': testEnvironment().apiUrl,
          view: 'leads',
        },
      },
    ],
  });
  const form = page.locator('#form');
  await expect(form.locator('[part~="row"]')).toHaveCount(6);
  // Cards, not a table cut off at the column's edge: nothing scrolls sideways, every status
  // lies inside the widget's own column.
  expect(await sidewaysScrollers(form)).toEqual([]);
  const column = await form.boundingBox();
  await expectStatusesInView(form, (column?.x ?? 0) + (column?.width ?? 0));
  const problems = await layoutAtEveryWidth(page, 'leads-narrow-column', [1280]);
  expect(problems).toEqual([]);
});
