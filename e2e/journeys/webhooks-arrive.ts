import { isDeepStrictEqual } from 'node:util';
import { verify, type WebhookEvent, WebhookVerificationError } from '@leadbridge/sdk/webhooks';
import { expect } from '@playwright/test';
import type { ReceivedWebhook } from '../support/webhook-receiver';
import { known, type World } from '../support/world';

/** Every event type the company subscribed to in journey 1, and how often journeys 2–5 cause it. */
const EXPECTED: Record<WebhookEvent['type'], number> = {
  // The form's lead, then the four imported from the CSV and the two from the workbook.
  'lead.created': 7,
  // The partner's correction with the pencil.
  'lead.updated': 1,
  // New → Accepted, Accepted → Closed Won.
  'lead.stage_changed': 2,
  'customer.created': 1,
  'transaction.created': 1,
  // $50.00 for the win, 10% of the payment.
  'commission.created': 2,
  // The CSV, then the workbook.
  'import.completed': 2,
};

async function verified(hooks: ReceivedWebhook[], secret: string): Promise<WebhookEvent[]> {
  const events: WebhookEvent[] = [];
  for (const hook of hooks) events.push(await verify(hook.rawBody, hook.headers, secret));
  return events;
}

function tally(events: WebhookEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) counts[event.type] = (counts[event.type] ?? 0) + 1;
  return counts;
}

/**
 * Journey 6: the endpoint the company added on the Developers page (journey 1) received every
 * event of journeys 2–5, each signed with its secret (checked with the SDK's `verify`, which
 * refuses a tampered body), and the admin app's delivery log shows them delivered.
 */
export async function webhooksArrive(world: World): Promise<void> {
  const { cast } = world;
  const secret = known(world.facts.webhookSecret, 'the webhook secret');
  const leadId = known(world.facts.leadId, 'the lead id');

  // Deliveries are queued work: wait until all have arrived (or 30 s have passed), then check
  // the set softly so the checks below still report on what did arrive.
  const deadline = Date.now() + 30_000;
  let events = await verified(world.hooks.received(), secret);
  while (!isDeepStrictEqual(tally(events), EXPECTED) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    events = await verified(world.hooks.received(), secret);
  }
  expect.soft(tally(events), 'webhook events received, by type').toEqual(EXPECTED);
  const hooks = world.hooks.received().slice(0, events.length);

  // One event id per delivery (receivers dedupe on it), and it is the `webhook-id` header.
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  for (const [index, hook] of hooks.entries()) {
    expect(hook.headers['webhook-id']).toBe(events[index]?.id);
  }
  // A body changed on the way is refused.
  const first = hooks[0];
  if (!first) throw new Error('no webhook');
  const tampered = Buffer.from(first.rawBody.toString().replace(/"type"/, '"type" '));
  await expect(verify(tampered, first.headers, secret)).rejects.toThrow(WebhookVerificationError);

  // The payloads say what happened, in the program's words.
  const accepted = events.find((e) => e.type === 'lead.stage_changed' && e.data.to === 'qualified');
  expect(accepted).toMatchObject({
    data: { from: 'new', to: 'qualified', lead: { id: leadId, stageLabel: 'Accepted' } },
  });
  const created = events.find((e) => e.type === 'lead.created' && e.data.lead.id === leadId);
  expect(created).toMatchObject({
    data: { lead: { email: cast.lead.email, source: 'form', fields: { expectedSeats: 25 } } },
  });
  const transaction = events.find((e) => e.type === 'transaction.created');
  expect(transaction).toMatchObject({
    data: { transaction: { externalId: 'INV-2026-0042', amount: { amount: 123456 } } },
  });
  const imported = events.find(
    (e) => e.type === 'import.completed' && e.data.import.fileName === 'northstar-leads.csv',
  );
  expect(imported).toMatchObject({
    data: { import: { fileName: 'northstar-leads.csv', rowsImported: 4 } },
  });

  // The admin app's delivery log: every delivery succeeded on its first attempt.
  const page = world.company.page;
  await page.getByRole('navigation').getByRole('link', { name: 'Developers', exact: true }).click();
  await page.getByRole('link', { name: world.hooks.url }).click();
  const log = page.getByRole('table');
  const total = events.length;
  await expect(log.locator('tbody tr[data-delivery-id]')).toHaveCount(total);
  await expect(
    log.locator('tbody tr[data-delivery-id]').filter({ hasText: 'Succeeded' }),
  ).toHaveCount(total);
}
