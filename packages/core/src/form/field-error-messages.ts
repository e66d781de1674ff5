import { interpolate } from '../i18n/interpolate.js';
import type { Locale } from '../i18n/locale.js';
import type { FieldError, FieldErrorCode, FieldErrorParams } from './field-errors.js';
import { FIELD_ERROR_MESSAGES_DE } from './messages-de.js';
import { FIELD_ERROR_MESSAGES_EN } from './messages-en.js';

const CATALOGS: Readonly<Record<Locale, Readonly<Record<FieldErrorCode, string>>>> = {
  en: FIELD_ERROR_MESSAGES_EN,
  de: FIELD_ERROR_MESSAGES_DE,
};

const FALLBACKS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: { label: 'This field', value: '', generic: 'This value is invalid' },
  de: { label: 'Dieses Feld', value: '', generic: 'Dieser Wert ist ungültig' },
};

/**
 * The message for an error code in a locale. Tolerates codes this version does not know (a
 * newer server may send them) and unknown locales, so re-localising never throws.
 */
export function fieldErrorMessage(
  code: FieldErrorCode,
  params: Readonly<FieldErrorParams> = {},
  locale: Locale = 'en',
): string {
  const catalog = CATALOGS[locale] ?? CATALOGS.en;
  const fallbacks = FALLBACKS[locale] ?? FALLBACKS.en;
  const template = Object.hasOwn(catalog, code) ? catalog[code] : fallbacks.generic;
  return interpolate(template ?? '', params, fallbacks);
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
