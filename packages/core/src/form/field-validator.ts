import type { Locale } from '../i18n/locale.js';
import { type CompiledField, compileField } from './compiled-schema.js';
import { fieldError } from './field-error-messages.js';
import type { FieldError, FieldErrorCode, FieldErrorParams } from './field-errors.js';
import type { FormField } from './form-schema.js';
import type { LeadFieldValue } from './lead-data.js';
import {
  exceedsLength,
  hasForbiddenCharacters,
  isValidEmail,
  isValidIsoDate,
  normalizePhone,
  normalizeUrl,
  parseDecimal,
  toSingleLine,
} from './value-rules.js';

export type ValueCheck =
  | { ok: true; value: LeadFieldValue | null }
  | { ok: false; code: FieldErrorCode; params?: FieldErrorParams };

const LENGTH_CHECKED: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'text',
  'textarea',
  'email',
  'url',
]);

const EMPTY: ValueCheck = { ok: true, value: null };

function fail(code: FieldErrorCode, params?: FieldErrorParams): ValueCheck {
  return params ? { ok: false, code, params } : { ok: false, code };
}

function preview(value: string): string {
  return value.length > 50 ? `${value.slice(0, 49)}…` : value;
}

function checkString(compiled: CompiledField, raw: string): ValueCheck {
  const trimmed = raw.trim();
  if (trimmed === '') return EMPTY;
  if (hasForbiddenCharacters(trimmed)) return fail('invalid_characters');
  const type = compiled.field.type;
  const value = type === 'textarea' ? trimmed.replace(/\r\n?/g, '\n') : toSingleLine(trimmed);
  // Only free text has a length to report; for formatted types the format message says more.
  if (LENGTH_CHECKED.has(type) && exceedsLength(value, compiled.maxLength)) {
    return fail('too_long', { max: compiled.maxLength });
  }
  switch (type) {
    case 'email':
      return isValidEmail(value) ? { ok: true, value } : fail('invalid_email');
    case 'phone': {
      const phone = normalizePhone(value);
      return phone === null ? fail('invalid_phone') : { ok: true, value: phone };
    }
    case 'url': {
      const url = normalizeUrl(value);
      return url === null ? fail('invalid_url') : { ok: true, value: url };
    }
    case 'select':
      return compiled.optionValues.has(value)
        ? { ok: true, value }
        : fail('invalid_option', { value: preview(value) });
    case 'date':
      return isValidIsoDate(value) ? { ok: true, value } : fail('invalid_date');
    case 'number': {
      const number = parseDecimal(value);
      return number === null ? fail('invalid_number') : { ok: true, value: number };
    }
    default:
      return { ok: true, value };
  }
}

function checkMultiselect(compiled: CompiledField, raw: unknown): ValueCheck {
  if (!Array.isArray(raw)) return fail('invalid_type');
  const values: string[] = [];
  const invalid: string[] = [];
  for (const item of raw) {
    if (typeof item !== 'string') return fail('invalid_type');
    const value = item.trim();
    if (value === '' || values.includes(value)) continue;
    if (compiled.optionValues.has(value)) values.push(value);
    else if (!invalid.includes(value)) invalid.push(value);
  }
  if (invalid.length > 0) return fail('invalid_option', { value: preview(invalid.join(', ')) });
  return values.length === 0 ? EMPTY : { ok: true, value: values };
}

/**
 * Checks one raw value against its field, without the required rule. Returns the normalised
 * value, or null for "empty". Never throws, whatever `raw` is.
 */
export function checkFieldValue(compiled: CompiledField, raw: unknown): ValueCheck {
  const type = compiled.field.type;
  if (type === 'checkbox') {
    if (raw === undefined || raw === null) return { ok: true, value: false };
    return typeof raw === 'boolean' ? { ok: true, value: raw } : fail('invalid_checkbox');
  }
  if (raw === undefined || raw === null) return EMPTY;
  if (type === 'multiselect') return checkMultiselect(compiled, raw);
  if (type === 'number' && typeof raw === 'number') {
    return Number.isFinite(raw) ? { ok: true, value: raw } : fail('invalid_number');
  }
  if (typeof raw !== 'string') {
    if (type === 'number') return fail('invalid_number');
    if (type === 'date') return fail('invalid_date');
    return fail('invalid_type');
  }
  return checkString(compiled, raw);
}

export function isEmptyValue(value: LeadFieldValue | null): boolean {
  return value === null || value === false || (Array.isArray(value) && value.length === 0);
}

/** Value check plus the required rule, as a FieldError pointing at the field. */
export function validateCompiledField(
  compiled: CompiledField,
  raw: unknown,
  locale: Locale,
): { ok: true; value: LeadFieldValue | null } | { ok: false; error: FieldError } {
  const check = checkFieldValue(compiled, raw);
  const label = compiled.field.label;
  if (!check.ok) {
    return {
      ok: false,
      error: fieldError(compiled.path, check.code, { label, ...check.params }, locale),
    };
  }
  if (compiled.required && isEmptyValue(check.value)) {
    return { ok: false, error: fieldError(compiled.path, 'required', { label }, locale) };
  }
  return check;
}

/**
 * Validates one input as the user types: the same rules as validateLead, for one field.
 * `value` is what the input holds (a string, a boolean for a checkbox, a string[] for a
 * multiselect); an empty optional value gives `{ ok: true, value: null }`.
 */
export function validateField(
  field: FormField,
  value: unknown,
  locale: Locale = 'en',
): { ok: true; value: LeadFieldValue | null } | { ok: false; error: FieldError } {
  return validateCompiledField(compileField(field), value, locale);
}
