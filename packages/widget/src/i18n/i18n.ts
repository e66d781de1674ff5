import type { Locale } from '@leadbridge/core';
import { type CoreMessageKey, en } from './en.js';
import type { ViewMessageKey } from './views/en.js';

export type MessageKey = CoreMessageKey | ViewMessageKey;
export type MessageParams = Readonly<Record<string, string | number>>;

/** Looks up and fills in a message: `{name}` placeholders, English when a key is missing. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

type Messages = Readonly<Partial<Record<MessageKey, string>>>;

// English first-load strings ship in the entry; other languages and the lazy views' strings
// are chunks of their own, fetched once and kept here.
const loaded = new Map<string, Messages>([['core:en', en]]);

const LOADERS: Record<string, () => Promise<Messages>> = {
  'core:de': async () => (await import('./de.js')).de,
  'views:en': async () => (await import('./views/en.js')).enViews,
  'views:de': async () => (await import('./views/de.js')).deViews,
};

async function ensure(name: string): Promise<void> {
  if (loaded.has(name)) return;
  const load = LOADERS[name];
  if (load) loaded.set(name, await load());
}

/** Loads the strings for a locale: the first-load ones, plus the views' when `views`. */
export async function loadMessages(locale: Locale, views: boolean): Promise<void> {
  const names = [`core:${locale}`];
  if (views) names.push(`views:${locale}`, 'views:en');
  await Promise.all(names.map(ensure));
}

export function hasMessages(locale: Locale, views: boolean): boolean {
  return (
    loaded.has(`core:${locale}`) &&
    (!views || (loaded.has(`views:${locale}`) && loaded.has('views:en')))
  );
}

function fill(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

/**
 * A translator over what is loaded now. Build a new one after loading more strings: views
 * re-render when the function they were given changes.
 */
export function translatorFor(locale: Locale): Translate {
  const chain = [`core:${locale}`, `views:${locale}`, 'core:en', 'views:en']
    .map((name) => loaded.get(name))
    .filter((messages): messages is Messages => !!messages);
  return (key, params) => {
    for (const messages of chain) {
      const template = messages[key];
      if (template !== undefined) return fill(template, params);
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
