import type { Locale } from '../i18n/locale.js';
import type { FieldErrorCatalog } from './field-error-catalog.js';
import { addFieldErrorCatalog } from './field-error-messages.js';
import { FIELD_ERRORS_DE } from './messages-de.js';
import { FIELD_ERRORS_EN } from './messages-en.js';
import { FIELD_ERRORS_ES } from './messages-es.js';
import { FIELD_ERRORS_FR } from './messages-fr.js';
import { FIELD_ERRORS_IT } from './messages-it.js';
import { FIELD_ERRORS_NL } from './messages-nl.js';
import { FIELD_ERRORS_PT_BR } from './messages-pt-br.js';

/** Every language's field error messages (servers and tests; browsers add the one they speak). */
export const FIELD_ERROR_CATALOGS: Readonly<Record<Locale, FieldErrorCatalog>> = {
  en: FIELD_ERRORS_EN,
  de: FIELD_ERRORS_DE,
  fr: FIELD_ERRORS_FR,
  es: FIELD_ERRORS_ES,
  'pt-BR': FIELD_ERRORS_PT_BR,
  it: FIELD_ERRORS_IT,
  nl: FIELD_ERRORS_NL,
};

export function addAllFieldErrorCatalogs(): void {
  for (const [locale, catalog] of Object.entries(FIELD_ERROR_CATALOGS)) {
    addFieldErrorCatalog(locale as Locale, catalog);
  }
}
