import type { Locale } from '../i18n/locale.js';
import { isBuiltInFieldKey } from './built-in-fields.js';
import { compileLeadFormSchema } from './compiled-schema.js';
import { fieldError, fieldErrorCatalog } from './field-error-messages.js';
import type { FieldError } from './field-errors.js';
import { validateCompiledField } from './field-validator.js';
import type { LeadFormSchema } from './form-schema.js';
import type { LeadData, LeadFieldValue, LeadPatch } from './lead-data.js';

export type ValidateLeadOptions = {
  locale?: Locale;
  /** For edits: validate only the properties present in the input. */
  partial?: boolean;
};

export type LeadValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPresent(record: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(record, key) && record[key] !== undefined;
}

/**
 * Validates and normalises a lead against a program's form schema: every field is checked and
 * every problem reported, so a form or a CSV preview can mark all bad inputs at once. Accepts
 * anything (parsed JSON, a CSV row's coerced input) and never throws.
 */
export function validateLead(
  schema: LeadFormSchema,
  input: unknown,
  options: ValidateLeadOptions & { partial: true },
): LeadValidationResult<LeadPatch>;
export function validateLead(
  schema: LeadFormSchema,
  input: unknown,
  options?: ValidateLeadOptions & { partial?: false },
): LeadValidationResult<LeadData>;
export function validateLead(
  schema: LeadFormSchema,
  input: unknown,
  options?: ValidateLeadOptions,
): LeadValidationResult<LeadData | LeadPatch>;
export function validateLead(
  schema: LeadFormSchema,
  input: unknown,
  options: ValidateLeadOptions = {},
): LeadValidationResult<LeadData | LeadPatch> {
  const locale = options.locale ?? 'en';
  const partial = options.partial === true;
  if (!isRecord(input)) {
    return {
      ok: false,
      errors: [fieldError('', 'invalid_type', { label: fieldErrorCatalog(locale).lead }, locale)],
    };
  }
  const compiled = compileLeadFormSchema(schema);
  const errors: FieldError[] = [];

  let customInput: Record<string, unknown> = {};
  if (isRecord(input.fields)) {
    customInput = input.fields;
  } else if (input.fields !== undefined && input.fields !== null) {
    errors.push(fieldError('fields', 'invalid_type', { label: 'fields' }, locale));
  }

  const builtIns: Partial<Record<string, LeadFieldValue | null>> = {};
  const custom: Record<string, LeadFieldValue | null> = {};
  for (const field of compiled.fields) {
    const source = field.builtIn ? input : customInput;
    const present = isPresent(source, field.key);
    if (partial && !present) continue;
    const result = validateCompiledField(field, present ? source[field.key] : undefined, locale);
    if (!result.ok) {
      errors.push(result.error);
    } else if (field.builtIn) {
      builtIns[field.key] = result.value;
    } else if (result.value !== null || partial) {
      custom[field.key] = result.value;
    }
  }

  // Unknown properties are refused rather than dropped: a typo in an integration would
  // otherwise lose data silently.
  for (const key of Object.keys(input)) {
    if (key !== 'fields' && !isBuiltInFieldKey(key)) {
      errors.push(fieldError(key, 'unknown_field', { label: key }, locale));
    }
  }
  for (const key of Object.keys(customInput)) {
    const field = compiled.byKey.get(key);
    if (!field || field.builtIn) {
      errors.push(fieldError(`fields.${key}`, 'unknown_field', { label: key }, locale));
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  if (partial) return { ok: true, value: toPatch(builtIns, custom, input) };
  return {
    ok: true,
    value: {
      email: String(builtIns.email ?? ''),
      firstName: asText(builtIns.firstName),
      lastName: asText(builtIns.lastName),
      company: asText(builtIns.company),
      fields: custom as Record<string, LeadFieldValue>,
    },
  };
}

function asText(value: LeadFieldValue | null | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function toPatch(
  builtIns: Partial<Record<string, LeadFieldValue | null>>,
  custom: Record<string, LeadFieldValue | null>,
  input: Record<string, unknown>,
): LeadPatch {
  const patch: LeadPatch = {};
  if ('email' in builtIns && typeof builtIns.email === 'string') patch.email = builtIns.email;
  if ('firstName' in builtIns) patch.firstName = asText(builtIns.firstName);
  if ('lastName' in builtIns) patch.lastName = asText(builtIns.lastName);
  if ('company' in builtIns) patch.company = asText(builtIns.company);
  if (isRecord(input.fields)) patch.fields = custom;
  return patch;
}
