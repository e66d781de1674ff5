import { z } from 'zod/mini';

/**
 * The languages the widget and partner emails speak. `pt-BR` carries its region because
 * Brazilian and European Portuguese differ in words partners notice; the others are written to
 * read naturally across their regions.
 */
export const SUPPORTED_LOCALES = ['en', 'de', 'fr', 'es', 'pt-BR', 'it', 'nl'] as const;

export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export const localeSchema = /* @__PURE__ */ z.enum(SUPPORTED_LOCALES);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The supported locale with this exact tag or, failing that, the same language (`pt-PT` → `pt-BR`). */
function match(tag: string): Locale | undefined {
  const normalized = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!normalized) return undefined;
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === normalized);
  if (exact) return exact;
  const language = normalized.split('-')[0];
  return SUPPORTED_LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language);
}

/**
 * Picks the best supported locale for a BCP 47 tag such as `de-AT` or a browser's
 * `navigator.languages`, so callers never have to special-case region subtags.
 */
export function resolveLocale(preferred: string | readonly string[] | null | undefined): Locale {
  const tags = typeof preferred === 'string' ? [preferred] : (preferred ?? []);
  for (const tag of tags) {
    const found = match(tag);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}
