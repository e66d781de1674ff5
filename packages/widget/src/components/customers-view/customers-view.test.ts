import { testEnvironment } from '../../../test/support/environment.js';
import { expect, expectNoAxeViolations, openHost, test } from '../../../test/support/fixtures.js';
import { partnerClient, partnerToken, seedProgram } from '../../../test/support/seed.js';

test('Customers show status and revenue; Commissions show each one and the totals', async ({
  page,
}) => {
  const program = await seedProgram({
    currency: 'EUR',
    offer: {
      rules: [
        { kind: 'flat', stage: 'closed_won', amount: { amount: 5000, currency: 'EUR' } },
        { kind: 'percentage', basisPoints: 1000, months: 12 },
      ],
    },
  });
  const token = await partnerToken(program);
  const partner = partnerClient(token);
  const signedUp = await partner.leads.create({
    email: 'una@signed.example',
    firstName: 'Una',
    company: 'Signed Co',
  });
  const paying = await partner.leads.create({
    email: 'pat@paying.example',
    firstName: 'Pat',
    company: 'Paying Co',
  });
  await program.company.leads.changeStage(signedUp.id, { stage: 'closed_won' });
  const won = await program.company.leads.changeStage(paying.id, { stage: 'closed_won' });
  const customerId = won.customer?.id ?? '';
  await program.company.customers.transactions.create(customerId, {
    externalId: 'inv-1',
    amount: 123456,
    currency: 'EUR',
  });
  await expect
    .poll(async () => (await program.company.commissions.list({ limit: 10 })).data.length)
    .toBe(3);
  const firstFlat = (await program.company.commissions.list({ limit: 10 })).data.find(
    (c) => c.kind === 'flat',
  );
  await program.company.commissions.updateStatus({
    ids: [firstFlat?.id ?? ''],
    status: 'approved',
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
  await form.getByRole('tab', { name: 'Customers' }).click();
  const customers = form.getByRole('table', { name: 'Customers' });
  await expect(customers.getByRole('row', { name: /Una/ })).toContainText('Signed up');
  await expect(customers.getByRole('row', { name: /Una/ })).toContainText('€0.00');
  await expect(customers.getByRole('row', { name: /Pat/ })).toContainText('Paid');
  await expect(customers.getByRole('row', { name: /Pat/ })).toContainText('€1,234.56');
  await expectNoAxeViolations(page);

  await form.getByRole('tab', { name: 'Commissions' }).click();
  const commissions = form.getByRole('table', { name: 'Commissions' });
  await expect(commissions.getByRole('row')).toHaveCount(4);
  await expect(commissions.getByRole('row', { name: /€123\.46/ })).toContainText('Pending');
  await expect(commissions.getByRole('row', { name: /Approved/ })).toContainText('€50.00');
  const totals = form.locator('[part~="totals"]');
  await expect(totals).toContainText('Earned (approved and paid)€50.00');
  await expect(totals).toContainText('Pending€173.46');
  await expectNoAxeViolations(page);
});
