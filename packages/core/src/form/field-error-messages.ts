import { interpolate } from '../i18n/interpolate.js';
import type { Locale } from '../i18n/locale.js';
import type { FieldErrorCatalog } from './field-error-catalog.js';
import type { FieldError, FieldErrorCode, FieldErrorParams } from './field-errors.js';
import { FIELD_ERRORS_EN } from './messages-en.js';

// English is built in; other languages are added when they are needed, so a browser bundle
// carries only the one it speaks (the widget loads each as a chunk of its own). Servers add all
// of them with `addAllFieldErrorCatalogs()`.
const catalogs = new Map<string, FieldErrorCatalog>([['en', FIELD_ERRORS_EN]]);

/** Makes a language's messages available to every function that takes a locale. */
export function addFieldErrorCatalog(locale: Locale, catalog: FieldErrorCatalog): void {
  catalogs.set(locale, catalog);
}

/** The messages for a locale: its own once added, else English. */
export function fieldErrorCatalog(locale: Locale = 'en'): FieldErrorCatalog {
  return catalogs.get(locale) ?? FIELD_ERRORS_EN;
}

/**
 * The message for an error code in a locale. Tolerates codes this version does not know (a
 * newer server may send them) and unknown locales, so re-localising never throws.
 */
export function fieldErrorMessage(
  code: FieldErrorCode,
  params: Readonly<FieldErrorParams> = {},
  locale: Locale = 'en',
): string {
  const catalog = fieldErrorCatalog(locale);
  const template = Object.hasOwn(catalog.messages, code) ? catalog.messages[code] : undefined;
  return interpolate(template ?? catalog.generic, params, { label: catalog.label, value: '' });
}

export function fieldError(
  field: string,
  code: FieldErrorCode,
  params: FieldErrorParams,
  locale: Locale = 'en',
): FieldError {
  return { field, code, message: fieldErrorMessage(code, params, locale), params };
}

/** Re-renders errors received from the server in the reader's locale. */
export function localizeFieldErrors(errors: readonly FieldError[], locale: Locale): FieldError[] {
  return errors.map((error) => ({
    ...error,
    message: fieldErrorMessage(error.code, error.params, locale),
  }));
}
