import { SUPPORTED_LOCALES } from '../i18n/locale.js';
import { FIELD_ERROR_CATALOGS } from './field-error-catalogs.js';
import { fieldErrorMessage, localizeFieldErrors } from './field-error-messages.js';
import { FIELD_ERROR_CODES, type FieldErrorCode, isFieldErrorCode } from './field-errors.js';

const PARAMS = { label: 'Budget', max: 5, min: 1, value: 'x', expected: 3, actual: 4 };

describe('field error messages', () => {
  it.each(SUPPORTED_LOCALES)('has a %s message for every code, and nothing else', (locale) => {
    const catalog = FIELD_ERROR_CATALOGS[locale];
    expect(Object.keys(catalog.messages).sort()).toEqual([...FIELD_ERROR_CODES].sort());
  });

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))(
    'uses in %s exactly the placeholders the English message has',
    (locale) => {
      const placeholders = (text: string) =>
        [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const code of FIELD_ERROR_CODES) {
        expect([code, placeholders(FIELD_ERROR_CATALOGS[locale].messages[code])]).toEqual([
          code,
          placeholders(FIELD_ERROR_CATALOGS.en.messages[code]),
        ]);
      }
    },
  );

  it.each(
    FIELD_ERROR_CODES.flatMap((code) => SUPPORTED_LOCALES.map((locale) => [code, locale] as const)),
  )('%s in %s fills every placeholder', (code, locale) => {
    const message = fieldErrorMessage(code, PARAMS, locale);
    expect(message).not.toMatch(/[{}]/);
    expect(message.length).toBeGreaterThan(5);
  });

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))(
    'differs from English in %s for every code',
    (locale) => {
      for (const code of FIELD_ERROR_CODES) {
        expect(fieldErrorMessage(code, PARAMS, locale)).not.toBe(
          fieldErrorMessage(code, PARAMS, 'en'),
        );
      }
    },
  );

  it('names the field', () => {
    expect(fieldErrorMessage('required', { label: 'Email' })).toBe('Email is required');
    expect(fieldErrorMessage('invalid_number', { label: 'Budget' }, 'en')).toBe(
      'Budget must be a number',
    );
    expect(fieldErrorMessage('required', { label: 'E-Mail' }, 'de')).toBe(
      'E-Mail ist erforderlich',
    );
    expect(fieldErrorMessage('too_long', { label: 'Notiz', max: 10 }, 'de')).toBe(
      'Notiz darf höchstens 10 Zeichen lang sein',
    );
    expect(fieldErrorMessage('required', { label: 'Société' }, 'fr')).toBe(
      'Société est obligatoire',
    );
    expect(fieldErrorMessage('invalid_email', { label: 'E-mail' }, 'pt-BR')).toBe(
      'E-mail deve ser um endereço de e-mail válido',
    );
  });

  it('falls back gracefully for missing params, unknown codes and unknown locales', () => {
    expect(fieldErrorMessage('required', {})).toBe('This field is required');
    expect(fieldErrorMessage('required', {}, 'de')).toBe('Dieses Feld ist erforderlich');
    expect(fieldErrorMessage('from_the_future' as FieldErrorCode, { label: 'X' })).toBe(
      'This value is invalid',
    );
    expect(fieldErrorMessage('toString' as FieldErrorCode, { label: 'X' })).toBe(
      'This value is invalid',
    );
    expect(fieldErrorMessage('required', { label: 'X' }, 'xx' as 'en')).toBe('X is required');
  });

  it('re-localises server errors', () => {
    const [error] = localizeFieldErrors(
      [
        {
          field: 'fields.budget',
          code: 'invalid_number',
          message: 'Budget must be a number',
          params: { label: 'Budget' },
        },
      ],
      'de',
    );
    expect(error).toEqual({
      field: 'fields.budget',
      code: 'invalid_number',
      message: 'Budget muss eine Zahl sein',
      params: { label: 'Budget' },
    });
    expect(isFieldErrorCode('required')).toBe(true);
    expect(isFieldErrorCode('nope')).toBe(false);
  });
});
