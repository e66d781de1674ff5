import { expect, expectAccessible, test } from './support/fixtures';
import { createLeads } from './support/tenant';

test('a person signs in, sees their workspace, and signs out', async ({ page, tenant }) => {
  await page.goto('/leads');
  // Not signed in: sent to sign in, and back to where they were going afterwards.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fleads/);
  await expect(page.getByRole('heading', { name: 'Sign in to your workspace' })).toBeVisible();
  await expectAccessible(page, 'sign-in page');

  await page.getByLabel('Email').fill(tenant.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/invalid|incorrect|wrong/i);

  await page.getByLabel('Password').fill(tenant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/leads$/);
  await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible();
  await expect(page.getByText(tenant.companyName)).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a session ended elsewhere sends the person to sign in on their next action, then back', async ({
  page,
  tenant,
}) => {
  // A company with a lead: its dashboard (a new one's setup checklist keeps polling).
  await createLeads(tenant, 1);
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(tenant.email);
  await page.getByLabel('Password').fill(tenant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome back, Olivia');
  // The dashboard's charts finish loading first: a request still in flight when the session
  // ends would send the person to sign in before the click this test is about.
  await page.waitForLoadState('networkidle');
  // Signed out from another tab: this page still shows the app, but the session is gone.
  const session = await page.request.get('/v1/auth/me');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const signOut = await page.request.post('/v1/auth/sign-out', {
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(signOut.status()).toBe(204);
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcustomers/);
  await page.getByLabel('Email').fill(tenant.email);
  await page.getByLabel('Password').fill(tenant.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
});
