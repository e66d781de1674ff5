import { createDefaultLeadFormSchema } from '@leadbridge/core';
import { testEnvironment } from '../../../test/support/environment.js';
import {
  expect,
  expectNoAxeViolations,
  hostEvents,
  openHost,
  test,
  waitForHostEvent,
} from '../../../test/support/fixtures.js';
import { importSchema } from '../../../test/support/schemas.js';
import { partnerToken, seedProgram } from '../../../test/support/seed.js';

const apiBase = () => testEnvironment().apiUrl;

test('host contract: events, theming through custom properties and ::part, the host font', async ({
  page,
}) => {
  const program = await seedProgram();
  const token = await partnerToken(program);
  await openHost(page, {
    css: `#form { --lead-form-accent: rgb(120, 20, 90); --lead-form-radius: 0px; }
          #form::part(button-primary) { text-transform: uppercase; }
          #form::part(title) { letter-spacing: 2px; }`,
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': token,
          'api-base': apiBase(),
        },
      },
    ],
  });
  const form = page.locator('#form');
  const ready = await waitForHostEvent(page, 'lead-form:ready', 'form');
  expect(ready.detail).toMatchObject({
    signedIn: true,
    preview: false,
    programName: expect.stringContaining('Partner Program'),
  });

  const submit = form.getByRole('button', { name: 'Submit lead' });
  const style = await submit.evaluate((button) => {
    const computed = getComputedStyle(button);
    return {
      background: computed.backgroundColor,
      radius: computed.borderTopLeftRadius,
      transform: computed.textTransform,
      font: computed.fontFamily,
    };
  });
  expect(style).toEqual({
    background: 'rgb(120, 20, 90)',
    radius: '0px',
    transform: 'uppercase',
    font: 'Georgia, "Times New Roman", serif',
  });
  await expect(form.getByRole('heading', { level: 2 })).toHaveCSS('letter-spacing', '2px');

  await form.getByRole('textbox', { name: 'Email', exact: true }).fill('events@host.example');
  await submit.click();
  const submitted = await waitForHostEvent(page, 'lead-form:submitted', 'form');
  expect(submitted.detail.leadId).toMatch(/^[0-9a-f-]{36}$/);
  expect((await hostEvents(page)).map((event) => event.type)).toEqual([
    'lead-form:ready',
    'lead-form:submitted',
  ]);
});

test('two widgets for two programs on one page work independently', async ({ page }) => {
  const first = await seedProgram({ name: 'Alpha' });
  const second = await seedProgram({ name: 'Beta', formSchema: importSchema() });
  await openHost(page, {
    forms: [
      {
        id: 'alpha',
        attributes: {
          'publishable-key': first.publishableKey,
          'session-token': await partnerToken(first),
          'api-base': apiBase(),
          view: 'submit',
        },
      },
      {
        id: 'beta',
        attributes: {
          'publishable-key': second.publishableKey,
          'session-token': await partnerToken(second),
          'api-base': apiBase(),
          view: 'submit',
        },
      },
    ],
  });
  const alpha = page.locator('#alpha');
  const beta = page.locator('#beta');
  await expect(alpha.getByRole('heading', { name: 'Alpha Partner Program' })).toBeVisible();
  await expect(beta.getByRole('heading', { name: 'Beta Partner Program' })).toBeVisible();
  await expect(beta.getByLabel('Seats')).toBeVisible();
  await expect(alpha.getByLabel('Seats')).toHaveCount(0);

  await beta.getByRole('textbox', { name: 'Email', exact: true }).fill('half-typed@beta.example');
  await alpha.getByRole('textbox', { name: 'Email', exact: true }).fill('lead@alpha.example');
  await alpha.getByRole('button', { name: 'Submit lead' }).click();
  const submitted = await waitForHostEvent(page, 'lead-form:submitted', 'alpha');
  await expect(alpha.getByRole('heading', { name: 'Lead submitted' })).toBeVisible();
  // The other widget kept its own state and heard nothing.
  await expect(beta.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(
    'half-typed@beta.example',
  );
  expect(
    (await hostEvents(page)).filter((event) => event.target === 'beta').map((event) => event.type),
  ).toEqual(['lead-form:ready']);
  const lead = await first.company.leads.get(String(submitted.detail.leadId));
  expect(lead.programId).toBe(first.programId);
  expect((await second.company.leads.list({ limit: 5 })).data).toEqual([]);
});

test('leaks no globals, defines the element once, and a refreshed session token is used', async ({
  page,
}) => {
  const program = await seedProgram({ partners: 2 });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openHost(page, {
    load: 'manual',
    // No api-base: the widget talks to the origin its script came from (the API).
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'session-token': await partnerToken(program, 0),
        },
      },
    ],
  });
  const before = await page.evaluate(() => Object.keys(window));
  const script = `${apiBase()}/widget/lead-form.js`;
  await page.evaluate(async (src) => {
    await import(src);
    // The same widget loaded again (another tag, another URL) must not redefine the element.
    await import(`${src}?again`);
  }, script);
  await waitForHostEvent(page, 'lead-form:ready', 'form');
  const form = page.locator('#form');
  await expect(form.getByText(`Signed in as ${program.partners[0]?.name}`)).toBeVisible();
  const after = await page.evaluate(() => Object.keys(window));
  expect(after.filter((key) => !before.includes(key))).toEqual([]);
  expect(errors).toEqual([]);

  const refreshed = await partnerToken(program, 1);
  await form.evaluate((element, token) => {
    (element as HTMLElement & { sessionToken: string }).sessionToken = token;
  }, refreshed);
  await expect(form.getByText(`Signed in as ${program.partners[1]?.name}`)).toBeVisible();
});

test('preview mode renders a given schema without any network call, live as it changes', async ({
  page,
}) => {
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/v1/')) apiCalls.push(request.url());
  });
  await openHost(page, {
    forms: [{ id: 'form', attributes: { preview: true, 'api-base': apiBase() } }],
  });
  const form = page.locator('#form');
  await expect(form.getByText('Preview', { exact: true })).toBeVisible();
  const schema = createDefaultLeadFormSchema();
  schema.fields.push({
    key: 'budget',
    label: 'Budget',
    type: 'number',
    required: true,
    order: 9,
    helpText: 'In euros',
  });
  await form.evaluate((element, value) => {
    (element as HTMLElement & { schema: unknown }).schema = value;
  }, schema);
  await expect(form.getByLabel('Budget')).toBeVisible();
  await expect(form.getByText('In euros')).toBeVisible();

  await form.getByRole('textbox', { name: 'Email', exact: true }).fill('preview@example.com');
  await form.getByLabel('Budget').fill('1200');
  await form.getByRole('button', { name: 'Submit lead' }).click();
  await expect(form.getByRole('heading', { name: 'Preview — nothing was sent' })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(apiCalls).toEqual([]);
  expect((await hostEvents(page)).map((event) => event.type)).toEqual(['lead-form:ready']);
});

test('a site the program does not allow gets a plain message and a lead-form:error', async ({
  page,
}) => {
  const program = await seedProgram();
  await openHost(
    page,
    {
      forms: [
        {
          id: 'form',
          attributes: { 'publishable-key': program.publishableKey, 'api-base': apiBase() },
        },
      ],
    },
    testEnvironment().otherHostUrl,
  );
  const form = page.locator('#form');
  await expect(form.getByRole('alert')).toHaveText(/This website is not allowed to show this form/);
  const error = await waitForHostEvent(page, 'lead-form:error', 'form');
  expect(error.detail.code).toBe('origin_not_allowed');
});
