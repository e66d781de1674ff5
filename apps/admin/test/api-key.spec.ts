import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Leadbridge } from '@leadbridge/sdk';
import { apiUrl } from './support/env';
import { expect, expectAccessible, screenshot, signIn, test } from './support/fixtures';
import { createLeads } from './support/tenant';

test('an API key created in the UI creates a lead through the SDK, and the lead shows in the inbox', async ({
  page,
  tenant,
}) => {
  await signIn(page, tenant);
  await page.goto('/developers');
  await page.getByRole('button', { name: 'Create API key' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('CRM sync');
  await page.getByRole('dialog').getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('created-api-key').textContent())?.trim() ?? '';
  expect(key).toMatch(/^sk_/);
  await expectAccessible(page, 'new API key dialog');
  await page.getByRole('button', { name: 'I have stored it' }).click();
  await expect(page.locator('tr[data-api-key="CRM sync"]')).toContainText('Never');

  // The company's server, in Node, with the key just shown.
  const server = new Leadbridge({ baseUrl: apiUrl(), apiKey: key });
  const partner = tenant.partners[1];
  if (!partner) throw new Error('no partner');
  const lead = await server.leads.create({
    programId: tenant.program.id,
    partnerId: partner.id,
    email: 'katherine@johnson.example',
    firstName: 'Katherine',
    lastName: 'Johnson',
    company: 'Langley',
  });

  await page.getByRole('link', { name: 'Leads' }).click();
  const row = page.locator(`tr[data-lead-id="${lead.id}"]`);
  await expect(row).toContainText('Katherine Johnson');
  await expect(row).toContainText(partner.name);
  await row.getByRole('link', { name: 'Katherine Johnson' }).click();
  await expect(page.locator('[data-event="created"]')).toContainText(
    'Submitted by CRM sync (API key)',
  );

  // The key's list entry records its use; revoking it stops it at once.
  await page.goto('/developers');
  await expect(page.locator('tr[data-api-key="CRM sync"]')).not.toContainText('Never');
  page.once('dialog', (d) => void d.accept());
  await page.locator('tr[data-api-key="CRM sync"]').getByRole('button', { name: 'Revoke' }).click();
  await expect(page.locator('tr[data-api-key="CRM sync"]')).toContainText('Revoked');
  await expect(server.leads.list()).rejects.toMatchObject({ status: 401 });
  await screenshot(page, 'developers');
});

test('a webhook endpoint receives signed deliveries, shown in its log, re-sent on demand, and can be disabled', async ({
  page,
  tenant,
}) => {
  // The company's receiver: answers 200 with a short body, remembering what arrived.
  const received: {
    id: string;
    body: string;
    headers: Record<string, string | string[] | undefined>;
  }[] = [];
  const receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ id: String(request.headers['webhook-id']), body, headers: request.headers });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('thanks, got it');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/leadbridge`;
  try {
    await signIn(page, tenant);
    await page.goto('/developers');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Endpoint URL').fill('not a url');
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(dialog.locator('.field-error')).toBeVisible();
    await dialog.getByLabel('Endpoint URL').fill(hookUrl);
    await dialog.getByText('customer.created').click();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    await page.getByRole('button', { name: 'Done' }).click();
    const item = page.locator(`[data-endpoint-url="${hookUrl}"]`);
    await expect(item).toContainText('3 events');

    const [lead] = await createLeads(tenant, 1, 0, 'Hook');
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    const first = received[0];
    if (!first || !lead) throw new Error('nothing delivered');
    // What arrived verifies with the secret the UI showed once (Standard Webhooks signature).
    const event = await Leadbridge.webhooks.verify<{
      type: string;
      data: { lead: { id: string } };
    }>(first.body, first.headers, secret);
    expect(event.type).toBe('lead.created');
    expect(event.data.lead.id).toBe(lead.id);

    await item.getByRole('link').click();
    const row = page.locator('tr[data-delivery-id]').first();
    await expect(row).toContainText('lead.created');
    await expect(row).toContainText('Succeeded');
    await expect(row).toContainText('200');
    await expect(row).toContainText(/\d+ ms/);
    await row.getByRole('button', { name: 'lead.created' }).click();
    await expect(page.locator('.delivery-detail')).toContainText('thanks, got it');
    await expect(page.locator('.delivery-detail')).toContainText(lead.id);
    await expectAccessible(page, 'webhook endpoint with deliveries');
    await screenshot(page, 'webhook-deliveries');

    await row.getByRole('button', { name: 'Re-send' }).click();
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(2);
    expect(received[1]?.id).toBe(first.id);

    await page.getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByText('This endpoint is disabled')).toBeVisible();
    const [endpoint] = await tenant.lb.webhooks.endpoints.list();
    expect(endpoint).toMatchObject({
      enabled: false,
      events: ['lead.created', 'lead.stage_changed', 'customer.created'],
    });
  } finally {
    receiver.close();
  }
});
