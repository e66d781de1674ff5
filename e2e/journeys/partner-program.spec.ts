import { test } from '@playwright/test';
import { openWorld, type World } from '../support/world';
import { companyQualifies } from './company-qualifies';
import { companySetsUp } from './company-sets-up';
import { partnerImports } from './partner-imports';
import { partnerSubmits } from './partner-submits';
import { stopsCleanly } from './stops-cleanly';
import { webhooksArrive } from './webhooks-arrive';
import { wonAndPaid } from './won-and-paid';

// One company's partner program from sign-up to paid commissions, on the system as `npm start`
// runs it. Serial: each journey continues where the previous one left the people and the data,
// and a failed journey skips the rest (their start would be missing).
test.describe.configure({ mode: 'serial' });

let world: World | undefined;
const the = (): World => {
  if (!world) throw new Error('the system did not start');
  return world;
};

test.beforeAll(async ({ browser }, testInfo) => {
  // A first `npm start` initialises PostgreSQL, migrates and seeds the demo company.
  testInfo.setTimeout(240_000);
  world = await openWorld(browser);
});
test.afterAll(async () => world?.close());

test('1. a company signs up, builds its program and copies the embed snippet', async () => {
  await companySetsUp(the());
});

test('2. the partner signs in with an emailed code and submits a lead', async () => {
  await partnerSubmits(the());
});

test('3. the company accepts the lead; the partner is emailed and sees "Accepted"', async () => {
  await companyQualifies(the());
});

test('4. the partner imports a CSV, fixes cells in the preview, gets the error CSV, then a workbook', async () => {
  await partnerImports(the());
});

test('5. the company wins the lead and records a payment; the partner sees it paid', async () => {
  await wonAndPaid(the());
});

test('6. the company’s webhook endpoint received every event, signed', async () => {
  await webhooksArrive(the());
});

test('Ctrl-C stops npm start cleanly', async () => {
  await stopsCleanly(the());
});
