import { SUPPORTED_LOCALES } from '../i18n/locale.js';
import { fieldErrorMessage, localizeFieldErrors } from './field-error-messages.js';
import { FIELD_ERROR_CODES, type FieldErrorCode, isFieldErrorCode } from './field-errors.js';
import { FIELD_ERROR_MESSAGES_DE } from './messages-de.js';
import { FIELD_ERROR_MESSAGES_EN } from './messages-en.js';

const PARAMS = { label: 'Budget', max: 5, min: 1, value: 'x', expected: 3, actual: 4 };

describe('field error messages', () => {
  it('has an English and a German message for every code, and nothing else', () => {
    expect(Object.keys(FIELD_ERROR_MESSAGES_EN).sort()).toEqual([...FIELD_ERROR_CODES].sort());
    expect(Object.keys(FIELD_ERROR_MESSAGES_DE).sort()).toEqual([...FIELD_ERROR_CODES].sort());
  });

  it.each(
    FIELD_ERROR_CODES.flatMap((code) => SUPPORTED_LOCALES.map((locale) => [code, locale] as const)),
  )('%s in %s fills every placeholder', (code, locale) => {
    const message = fieldErrorMessage(code, PARAMS, locale);
    expect(message).not.toMatch(/[{}]/);
    expect(message.length).toBeGreaterThan(5);
  });

  it('differs between English and German for every code', () => {
    for (const code of FIELD_ERROR_CODES) {
      expect(fieldErrorMessage(code, PARAMS, 'de')).not.toBe(fieldErrorMessage(code, PARAMS, 'en'));
    }
  });

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
    expect(fieldErrorMessage('required', { label: 'X' }, 'fr' as 'en')).toBe('X is required');
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
