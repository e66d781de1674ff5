import type { Locale } from './locale.js';

// A module of its own: browser bundles that only resolve locales leave the names out.
/** Each language's own name, for pickers ("Français", not "French"). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  it: 'Italiano',
  nl: 'Nederlands',
};
