import { addFieldErrorCatalog, type FieldErrorCatalog, type Locale } from '@leadbridge/core';
import { type CoreMessageKey, en } from './en.js';
import type { ViewMessageKey } from './views/en.js';

export type MessageKey = CoreMessageKey | ViewMessageKey;
/** A message with plural forms (`key.one`, `key.other`, …), looked up by its `{count}`. */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}.other`
    ? Base
    : never
  : never;
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Looks up and fills in a message: `{name}` placeholders (numbers formatted for the locale),
 * the plural form `Intl.PluralRules` picks for `{count}`, English when a key is missing.
 */
export type Translate = (key: MessageKey | PluralKey, params?: MessageParams) => string;

type Messages = Readonly<Partial<Record<string, string>>>;
type LocaleModule = { messages: Messages; fieldErrors?: FieldErrorCatalog };

// English first-load strings ship in the entry; every other language, and the lazy views'
// strings, are chunks of their own (`locale-<tag>` and `locale-views-<tag>`), fetched once and
// kept here. A language's first-load chunk also brings core's field error messages.
const loaded = new Map<string, Messages>([['core:en', en]]);

const LOADERS: Record<string, () => Promise<LocaleModule>> = {
  'core:de': () => import('./de.js'),
  'core:fr': () => import('./fr.js'),
  'core:es': () => import('./es.js'),
  'core:pt-BR': () => import('./pt-BR.js'),
  'core:it': () => import('./it.js'),
  'core:nl': () => import('./nl.js'),
  'views:en': () => import('./views/en.js'),
  'views:de': () => import('./views/de.js'),
  'views:fr': () => import('./views/fr.js'),
  'views:es': () => import('./views/es.js'),
  'views:pt-BR': () => import('./views/pt-BR.js'),
  'views:it': () => import('./views/it.js'),
  'views:nl': () => import('./views/nl.js'),
};

async function ensure(name: string): Promise<void> {
  const load = LOADERS[name];
  if (loaded.has(name) || !load) return;
  const module = await load();
  if (module.fieldErrors) addFieldErrorCatalog(name.slice(5) as Locale, module.fieldErrors);
  loaded.set(name, module.messages);
}

/** Loads the strings for a locale: the first-load ones, plus the views' when `views`. */
export async function loadMessages(locale: Locale, views: boolean): Promise<void> {
  await Promise.all([`core:${locale}`, views ? `views:${locale}` : ''].map(ensure));
}

export function hasMessages(locale: Locale, views: boolean): boolean {
  return loaded.has(`core:${locale}`) && (!views || loaded.has(`views:${locale}`));
}

/**
 * A translator over what is loaded now. Build a new one after loading more strings: views
 * re-render when the function they were given changes.
 */
export function translatorFor(locale: Locale): Translate {
  const chain = [`core:${locale}`, `views:${locale}`, 'core:en', 'views:en']
    .map((name) => loaded.get(name))
    .filter((messages): messages is Messages => !!messages);
  const plural = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
  return (key, params = {}) => {
    const count = params.count;
    const keys =
      typeof count === 'number' ? [`${key}.${plural.select(count)}`, `${key}.other`] : [key];
    for (const candidate of keys) {
      for (const messages of chain) {
        const template = messages[candidate];
        if (template !== undefined) {
          return template.replace(/\{(\w+)\}/g, (match, name: string) => {
            const value = params[name];
            return typeof value === 'number'
              ? number.format(value)
              : value === undefined
                ? match
                : value;
          });
        }
      }
    }
    return key;
  };
}

export const englishTranslate: Translate = translatorFor('en');

export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
