import { testEnvironment } from '../../../test/support/environment.js';
import { expect, expectNoAxeViolations, openHost, test } from '../../../test/support/fixtures.js';
import { partnerClient, partnerToken, seedProgram } from '../../../test/support/seed.js';

test('Program summary shows the offer in words; messages: unread count, read, reply, write about a lead', async ({
  page,
}) => {
  const program = await seedProgram({
    offer: {
      rules: [{ kind: 'flat', stage: 'closed_won', amount: { amount: 5000, currency: 'EUR' } }],
    },
    stageLabels: { closed_won: 'Signed customer' },
  });
  const partnerId = program.partners[0]?.id ?? '';
  const token = await partnerToken(program);
  const lead = await partnerClient(token).leads.create({
    email: 'mia@lead.example',
    firstName: 'Mia',
    lastName: 'Wong',
  });
  await program.company.messages.startThread({
    subject: 'Welcome to the program',
    body: 'Hi! Tell us about your first leads.',
    partnerId,
    programId: program.programId,
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
  await form.getByRole('tab', { name: 'Program' }).click();
  const offer = form.locator('[part~="offer"]');
  await expect(offer).toContainText('€50.00');
  await expect(offer).toContainText('Signed customer');
  await expectNoAxeViolations(page);

  const messagesTab = form.getByRole('tab', { name: /Messages/ });
  await expect(messagesTab).toContainText('1 unread');
  await messagesTab.click();
  await form.getByRole('button', { name: /Welcome to the program/ }).click();
  await expect(form.getByText('Hi! Tell us about your first leads.')).toBeVisible();
  await expect(messagesTab).not.toContainText('unread');
  await form.getByLabel('Reply').fill('Thanks — first one is on its way.');
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(form.locator('[part~="message"]').last()).toContainText(
    'Thanks — first one is on its way.',
  );
  await expectNoAxeViolations(page);

  // From a lead's detail: a conversation about that lead.
  await form.getByRole('tab', { name: 'My leads' }).click();
  await form.getByRole('button', { name: 'Mia Wong' }).click();
  await form.getByRole('button', { name: 'Message the company about this lead' }).click();
  await expect(form.getByLabel('Subject')).toHaveValue('About Mia Wong');
  await form
    .getByRole('textbox', { name: 'Message', exact: true })
    .fill('Mia wants a call on Friday.');
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(form.getByRole('heading', { name: 'About Mia Wong' })).toBeVisible();

  const threads = await program.company.messages.listThreads({ limit: 10 });
  const about = threads.data.find((thread) => thread.subject === 'About Mia Wong');
  expect(about?.lead?.id).toBe(lead.id);
  expect(about?.unreadCount).toBe(1);
});
