import { SUPPORTED_LOCALES } from '@leadbridge/core';
import { expect, test } from '@playwright/test';
import { en } from './en.js';
import { enViews } from './views/en.js';

/**
 * Every language has every message of the widget, in the plural forms its `Intl.PluralRules`
 * uses, with exactly the English placeholders, and no English left in. Runs in Node: the
 * catalogs are plain modules.
 */

type Catalog = Readonly<Record<string, string>>;

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** "Status" is German, Dutch and Brazilian Portuguese for status, too. */
const STATUS = [
  'leads.stageFilter',
  'leads.col.status',
  'leads.detail.status',
  'customers.col.status',
  'commissions.col.status',
  'import.history.status',
];

/** Keys whose text is the same as in English on purpose, per language (loanwords, symbols). */
const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  all: [
    'field.empty',
    'leads.detail.source.api',
    'leads.col.name',
    'commissions.col.lead',
    'import.rowOk',
  ],
  de: [...STATUS],
  fr: [
    'shell.tab.commissions',
    'shell.tab.messages',
    'commissions.title',
    'messages.title',
    'messages.body',
    'import.history.date',
    'commissions.col.date',
    'leads.detail.source',
  ],
  es: ['field.no'],
  'pt-BR': [...STATUS],
  it: ['field.no', 'import.history.file', 'leads.col.email'],
  nl: [...STATUS, 'apply.website'],
};

async function catalogs(locale: string): Promise<{ core: Catalog; views: Catalog }> {
  if (locale === 'en') return { core: en, views: enViews };
  const [core, views] = await Promise.all([
    import(`./${locale}.js`) as Promise<{ messages: Catalog }>,
    import(`./views/${locale}.js`) as Promise<{ messages: Catalog }>,
  ]);
  return { core: core.messages, views: views.messages };
}

/** The keys a language must have: English's, with each plural in that language's categories. */
function expectedKeys(english: Catalog, locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of Object.keys(english)) {
    const plural = /^(.*)\.(zero|one|two|few|many|other)$/.exec(key);
    if (plural?.[1] && Object.hasOwn(english, `${plural[1]}.other`)) {
      for (const category of categories) keys.add(`${plural[1]}.${category}`);
    } else keys.add(key);
  }
  return [...keys].sort();
}

/** The English message a key translates (a plural form translates English's `other`). */
function englishFor(english: Catalog, key: string): string {
  const base = key.replace(/\.(zero|one|two|few|many|other)$/, '');
  return english[key] ?? english[`${base}.other`] ?? '';
}

for (const locale of SUPPORTED_LOCALES.filter((tag) => tag !== 'en')) {
  test(`${locale} has every message, plural form and placeholder, and no English left`, async () => {
    const english = await catalogs('en');
    const translated = await catalogs(locale);
    const same = new Set([...(SAME_AS_ENGLISH.all ?? []), ...(SAME_AS_ENGLISH[locale] ?? [])]);
    for (const part of ['core', 'views'] as const) {
      const source = english[part];
      const target = translated[part];
      expect(Object.keys(target).sort(), `${locale} ${part} keys`).toEqual(
        expectedKeys(source, locale),
      );
      const problems: string[] = [];
      for (const [key, text] of Object.entries(target)) {
        const original = englishFor(source, key);
        if (placeholders(text).join() !== placeholders(original).join())
          problems.push(`${key}: placeholders ${placeholders(text)} ≠ ${placeholders(original)}`);
        if (text.trim() === '') problems.push(`${key}: empty`);
        if (text === original && !same.has(key)) problems.push(`${key}: still English`);
      }
      expect(problems, `${locale} ${part}`).toEqual([]);
    }
  });
}

test('English plural forms cover what Intl.PluralRules picks in English', async () => {
  const { core, views } = await catalogs('en');
  for (const catalog of [core, views]) {
    expect(Object.keys(catalog).sort()).toEqual(expectedKeys(catalog, 'en'));
  }
});
