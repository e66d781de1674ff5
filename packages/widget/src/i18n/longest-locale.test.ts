import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LOCALES } from '@leadbridge/core';
import type { Locator, Page } from '@playwright/test';
import { testEnvironment } from '../../test/support/environment.js';
import { expect, openHost, test } from '../../test/support/fixtures.js';
import { artifactsDir } from '../../test/support/layout.js';
import { everyTypeSchema } from '../../test/support/schemas.js';
import { partnerToken, seedProgram } from '../../test/support/seed.js';
import { en } from './en.js';
import { enViews } from './views/en.js';

/**
 * The Submit and Import views in the language whose texts there are longest (measured from the
 * catalogs), and in the one with the longest single word (which cannot wrap): no label, button,
 * tab, heading or legend is wider than its box, at 375 and 1280 px. Screenshots of each land in
 * artifacts/widget/i18n/.
 */

type Catalog = Readonly<Record<string, string>>;

/** The keys the shell, the Submit view and the Import view show. */
const SHOWN = /^(shell|submit|field|import)\./;

async function catalogFor(locale: string): Promise<Catalog> {
  if (locale === 'en') return { ...en, ...enViews };
  const [core, views] = await Promise.all([
    import(`./${locale}.js`) as Promise<{ messages: Catalog }>,
    import(`./views/${locale}.js`) as Promise<{ messages: Catalog }>,
  ]);
  return { ...core.messages, ...views.messages };
}

async function measure(): Promise<{ longest: string; longestWord: string; table: string[] }> {
  const rows: { locale: string; length: number; word: string }[] = [];
  for (const locale of SUPPORTED_LOCALES) {
    const shown = Object.entries(await catalogFor(locale))
      .filter(([key]) => SHOWN.test(key))
      .map(([, text]) => text.replace(/\{\w+\}/g, ''));
    // A word cannot wrap; hyphens and slashes can.
    const words = shown.flatMap((text) =>
      text.split(/[\s\u00a0/-]+/).map((word) => word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')),
    );
    const word = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    rows.push({ locale, length: shown.join('').length, word });
  }
  const byLength = [...rows].sort((a, b) => b.length - a.length);
  const byWord = [...rows].sort((a, b) => b.word.length - a.word.length);
  return {
    longest: byLength[0]?.locale ?? 'en',
    longestWord: byWord[0]?.locale ?? 'en',
    table: rows.map((row) => `${row.locale}: ${row.length} characters, longest word “${row.word}”`),
  };
}

/** Elements with text wider than their own box: cut off, or spilling over their neighbours. */
function overflowing(form: Locator): Promise<string[]> {
  return form.evaluate((host) => {
    const selector =
      'label, button, [role="tab"], [role="menuitem"], legend, h2, h3, h4, .badge, .help, .field-error, p';
    return [...(host.shadowRoot?.querySelectorAll(selector) ?? [])]
      .filter((element) => {
        const box = element as HTMLElement;
        // The preview grid scrolls sideways in its own box by design.
        if (box.closest('.grid-scroll') || box.offsetParent === null) return false;
        return box.scrollWidth > box.clientWidth + 1;
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()} “${(element.textContent ?? '').trim().slice(0, 60)}” is ${(element as HTMLElement).scrollWidth}px wide in ${(element as HTMLElement).clientWidth}px`,
      );
  });
}

async function check(page: Page, form: Locator, name: string): Promise<string[]> {
  const directory = join(artifactsDir, 'i18n');
  mkdirSync(directory, { recursive: true });
  const problems: string[] = [];
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    for (const line of await overflowing(form)) problems.push(`${name} at ${width}px: ${line}`);
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (sideways > 0) problems.push(`${name} at ${width}px: the page scrolls sideways`);
    await page.screenshot({ path: join(directory, `${name}-${width}.png`), fullPage: true });
  }
  return problems;
}

/** A CSV with a bad email and a bad number, so the preview shows problems and counts. */
const CSV = [
  'First name,Last name,Email,Company,Expected seats',
  'Amélie,Durand,amelie@example.fr,Durand SARL,12',
  'Jean,Martin,pas-un-email,Martin & Fils,beaucoup',
  'Chloé,Bernard,chloe@example.fr,Bernard SA,5',
].join('\r\n');

test('the longest languages fit the Submit and Import views at 375 and 1280 px', async ({
  page,
}) => {
  const { longest, longestWord, table } = await measure();
  test.info().annotations.push({ type: 'measured', description: table.join('; ') });
  const program = await seedProgram({
    name: 'Programme partenaires Northwind International',
    formSchema: everyTypeSchema(),
  });
  const token = await partnerToken(program);
  const problems: string[] = [];
  for (const locale of [...new Set([longest, longestWord])]) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openHost(page, {
      forms: [
        {
          id: 'form',
          attributes: {
            'publishable-key': program.publishableKey,
            'api-base': testEnvironment().apiUrl,
            'session-token': token,
            locale,
          },
        },
      ],
    });
    const form = page.locator('#form');
    const catalog = await catalogFor(locale);
    const submit = form.getByRole('button', { name: catalog['submit.button'] });
    await expect(submit).toBeVisible();
    // Every field's error on screen: the longest texts the form shows.
    await submit.click();
    await expect(form.locator('.field-error').first()).toBeVisible();
    problems.push(...(await check(page, form, `${locale}-submit`)));

    await page.setViewportSize({ width: 1280, height: 900 });
    await form.getByRole('button', { name: catalog['submit.moreActions'] }).click();
    await form.getByRole('menuitem', { name: catalog['submit.importLeads'] }).click();
    await expect(form.getByRole('heading', { name: catalog['import.title'] })).toBeVisible();
    problems.push(...(await check(page, form, `${locale}-import`)));
    await form.locator('input[type="file"]').setInputFiles({
      name: 'prospects-salon-professionnel-2026.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await expect(form.locator('[part~="counts"]')).toBeVisible();
    problems.push(...(await check(page, form, `${locale}-import-preview`)));
  }
  expect(problems).toEqual([]);
});
