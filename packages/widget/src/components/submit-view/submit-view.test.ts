import { testEnvironment } from '../../../test/support/environment.js';
import {
  expect,
  expectNoAxeViolations,
  hostEvents,
  openHost,
  test,
  waitForHostEvent,
} from '../../../test/support/fixtures.js';
import { everyTypeSchema } from '../../../test/support/schemas.js';
import { partnerToken, seedProgram } from '../../../test/support/seed.js';

test.describe('Submit view', () => {
  test('submits a lead with custom fields of every type; the host hears lead-form:submitted', async ({
    page,
  }) => {
    const program = await seedProgram({ formSchema: everyTypeSchema() });
    const token = await partnerToken(program);
    await openHost(page, {
      forms: [
        {
          id: 'form',
          attributes: {
            'publishable-key': program.publishableKey,
            'session-token': token,
            'api-base': testEnvironment().apiUrl,
            view: 'submit',
          },
        },
      ],
    });
    const form = page.locator('#form');
    await expect(form.getByRole('heading', { name: 'Submit a lead' })).toBeVisible();
    await form.getByLabel('First name').fill('Grace');
    await form.getByLabel('Last name').fill('Hopper');
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('grace@navy.example');
    await form.getByLabel('Company').fill('US Navy');
    await form.getByLabel('Notes').fill('Wants a demo\nnext week');
    await form.getByLabel('Billing email').fill('billing@navy.example');
    await form.getByLabel('Phone').fill('+1 202 555 0100');
    await form.getByLabel('Website').fill('navy.example');
    await form.getByLabel('Expected seats').fill('250');
    await form.getByLabel('Plan').selectOption('business');
    await form.getByRole('group', { name: 'Products' }).getByLabel('CRM').check();
    await form.getByRole('group', { name: 'Products' }).getByLabel('BI').check();
    await form.getByLabel('The lead agreed to be contacted').check();
    await form.getByLabel('Start date').fill('2026-03-01');
    await form.getByLabel('Industry').fill('Defence');
    await form.getByRole('button', { name: 'Submit lead' }).click();

    await expect(form.getByRole('heading', { name: 'Lead submitted' })).toBeVisible();
    const submitted = await waitForHostEvent(page, 'lead-form:submitted', 'form');
    const leadId = String(submitted.detail.leadId);
    const lead = await program.company.leads.get(leadId);
    expect(lead).toMatchObject({
      email: 'grace@navy.example',
      firstName: 'Grace',
      company: 'US Navy',
      source: 'form',
      fields: {
        notes: 'Wants a demo\nnext week',
        billingEmail: 'billing@navy.example',
        website: 'https://navy.example',
        seats: 250,
        plan: 'business',
        products: ['crm', 'bi'],
        consent: true,
        startDate: '2026-03-01',
        industry: 'Defence',
      },
    });
    expect(lead.partner.id).toBe(program.partners[0]?.id);

    await form.getByRole('button', { name: 'Submit another lead' }).click();
    await expect(form.getByLabel('First name')).toHaveValue('');
  });

  test('shows a field error when the field is left, tied to the input, and clears it once fixed', async ({
    page,
  }) => {
    const program = await seedProgram({ formSchema: everyTypeSchema() });
    const token = await partnerToken(program);
    await openHost(page, {
      forms: [
        {
          id: 'form',
          attributes: {
            'publishable-key': program.publishableKey,
            'session-token': token,
            'api-base': testEnvironment().apiUrl,
            view: 'submit',
          },
        },
      ],
    });
    const form = page.locator('#form');
    const email = form.getByRole('textbox', { name: 'Email', exact: true });
    await email.fill('not-an-email');
    await email.blur();
    const error = form.locator('[part~="field-error"]', {
      hasText: 'Email must be a valid email address',
    });
    await expect(error).toBeVisible();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    const errorId = await error.getAttribute('id');
    expect(describedBy.split(' ')).toContain(errorId);
    // Announced for screen readers, too.
    await expect(
      form.getByRole('status').filter({ hasText: 'Email must be a valid email address' }),
    ).toHaveCount(1);

    await email.fill('ada@example.com');
    await expect(error).toHaveCount(0);
    await expect(email).toHaveAttribute('aria-invalid', 'false');

    // Submitting with required fields empty marks each of them and focuses the first.
    await form.getByRole('button', { name: 'Submit lead' }).click();
    const errors = form.locator('[part~="field-error"]');
    await expect(errors.filter({ hasText: 'Expected seats is required' })).toBeVisible();
    await expect(errors.filter({ hasText: 'Plan is required' })).toBeVisible();
    await expect(
      errors.filter({ hasText: 'The lead agreed to be contacted is required' }),
    ).toBeVisible();
    await expect(form.getByLabel('Expected seats')).toBeFocused();
    expect(
      (await hostEvents(page)).filter((event) => event.type === 'lead-form:submitted'),
    ).toEqual([]);

    await expectNoAxeViolations(page);
  });

  test('explains a duplicate lead in plain words, next to the email', async ({ page }) => {
    const program = await seedProgram({ partners: 2 });
    const first = await partnerToken(program, 0);
    const second = await partnerToken(program, 1);
    await openHost(page, {
      forms: [
        {
          id: 'form',
          attributes: {
            'publishable-key': program.publishableKey,
            'session-token': first,
            'api-base': testEnvironment().apiUrl,
            view: 'submit',
          },
        },
      ],
    });
    let form = page.locator('#form');
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('taken@acme.example');
    await form.getByRole('button', { name: 'Submit lead' }).click();
    await expect(form.getByRole('heading', { name: 'Lead submitted' })).toBeVisible();

    await openHost(page, {
      forms: [
        {
          id: 'form',
          attributes: {
            'publishable-key': program.publishableKey,
            'session-token': second,
            'api-base': testEnvironment().apiUrl,
            view: 'submit',
          },
        },
      ],
    });
    form = page.locator('#form');
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('Taken@ACME.example');
    await form.getByRole('button', { name: 'Submit lead' }).click();
    await expect(form.getByRole('alert')).toContainText('already registered in this program');
    await expect(
      form.locator('[part~="field-error"]', { hasText: 'Already registered in this program' }),
    ).toBeVisible();
    await expect(form.getByRole('textbox', { name: 'Email', exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    const error = await waitForHostEvent(page, 'lead-form:error', 'form');
    expect(error.detail.code).toBe('duplicate_lead');
  });

  test('hides the form with a plain message when the program takes no leads', async ({ page }) => {
    const program = await seedProgram({ leadSubmissionEnabled: false });
    const token = await partnerToken(program);
    await openHost(page, {
      forms: [
        {
          id: 'form',
          attributes: {
            'publishable-key': program.publishableKey,
            'session-token': token,
            'api-base': testEnvironment().apiUrl,
            view: 'submit',
          },
        },
      ],
    });
    const form = page.locator('#form');
    await expect(
      form.getByText('This program is not accepting leads at the moment.'),
    ).toBeVisible();
    await expect(form.getByRole('button', { name: 'Submit lead' })).toHaveCount(0);
  });

  test('speaks German with locale="de", core’s validation messages included', async ({ page }) => {
    const program = await seedProgram({ formSchema: everyTypeSchema() });
    const token = await partnerToken(program);
    await openHost(page, {
      forms: [
        {
          id: 'form',
          attributes: {
            'publishable-key': program.publishableKey,
            'session-token': token,
            'api-base': testEnvironment().apiUrl,
            view: 'submit',
            locale: 'de',
          },
        },
      ],
    });
    const form = page.locator('#form');
    await expect(form.getByRole('heading', { name: 'Lead einreichen' })).toBeVisible();
    const seats = form.getByLabel('Expected seats');
    await seats.fill('viele');
    await seats.blur();
    await expect(
      form.locator('[part~="field-error"]', { hasText: 'Expected seats muss eine Zahl sein' }),
    ).toBeVisible();
    await expect(form.getByRole('button', { name: 'Lead einreichen' })).toBeVisible();

    // The locale switches at runtime, errors on screen included.
    await form.evaluate((element) => element.setAttribute('locale', 'en'));
    await expect(form.getByRole('heading', { name: 'Submit a lead' })).toBeVisible();
    await expect(
      form.locator('[part~="field-error"]', { hasText: 'Expected seats must be a number' }),
    ).toBeVisible();
  });
});
