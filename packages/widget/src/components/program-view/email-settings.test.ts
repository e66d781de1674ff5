import { testEnvironment } from '../../../test/support/environment.js';
import { expect, openHost, test } from '../../../test/support/fixtures.js';
import { layoutAtEveryWidth } from '../../../test/support/layout.js';
import { database, partnerToken, seedProgram } from '../../../test/support/seed.js';

test('on a Brazilian page the widget speaks Portuguese from its first frame, and the partner picks the email language', async ({
  page,
}) => {
  const program = await seedProgram();
  const token = await partnerToken(program);
  // Every text the widget ever shows, frame by frame, from before it starts.
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { widgetTexts: Set<string> }).widgetTexts = seen;
    const look = () => {
      const text = document.querySelector('lead-form')?.shadowRoot?.textContent ?? '';
      if (text.trim()) seen.add(text.replace(/\s+/g, ' ').trim());
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await openHost(page, {
    lang: 'pt-BR',
    forms: [
      {
        id: 'form',
        attributes: {
          'publishable-key': program.publishableKey,
          'api-base': testEnvironment().apiUrl,
          'session-token': token,
        },
      },
    ],
  });
  const form = page.locator('#form');
  await expect(form.getByRole('heading', { name: 'Enviar um lead' })).toBeVisible();
  const texts = await page.evaluate(() => [
    ...(window as unknown as { widgetTexts: Set<string> }).widgetTexts,
  ]);
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) expect(text).not.toMatch(/Loading|Submit a lead|Fields marked/);

  await form.getByRole('tab', { name: 'Programa' }).click();
  const language = form.getByLabel('Idioma dos e-mails');
  await expect(language).toHaveValue('');
  await expect(language.locator('option:checked')).toHaveText('Padrão do programa (English)');
  await language.selectOption({ label: 'Français' });
  await expect(form.locator('[part~="status"]')).toHaveText('Salvo.');
  await form.getByLabel('Resultados de importação').uncheck();
  await expect(form.locator('[part~="status"]')).toHaveText('Salvo.');
  const { rows } = await database().query(
    'SELECT email_locale, notification_preferences FROM partners WHERE id = $1',
    [program.partners[0]?.id],
  );
  expect(rows[0]).toMatchObject({
    email_locale: 'fr',
    notification_preferences: { import_completed: false },
  });
  expect(await layoutAtEveryWidth(page, 'program-email-settings-pt-BR')).toEqual([]);

  // Reloaded, the choice is there; "program default" clears it.
  await page.reload();
  await form.getByRole('tab', { name: 'Programa' }).click();
  await expect(form.getByLabel('Idioma dos e-mails')).toHaveValue('fr');
  await form.getByLabel('Idioma dos e-mails').selectOption('');
  await expect(form.locator('[part~="status"]')).toHaveText('Salvo.');
  const after = await database().query('SELECT email_locale FROM partners WHERE id = $1', [
    program.partners[0]?.id,
  ]);
  expect(after.rows[0].email_locale).toBeNull();
});
