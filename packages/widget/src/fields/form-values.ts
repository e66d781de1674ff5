import {
  type FieldError,
  type FormField,
  fieldErrorMessage,
  isBuiltInFieldKey,
  isFieldErrorCode,
  type LeadFormSchema,
  type LeadInput,
  type LeadPatchInput,
  type Locale,
  normalizeLeadFormSchema,
} from '@leadbridge/core';
import type { Lead } from '../api/types.js';

type LeadFieldValue = Lead['fields'][string];

/** What an input holds: text, a checkbox's state, or a multiselect's chosen values. */
export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

export function emptyValue(field: FormField): FormValue {
  if (field.type === 'checkbox') return false;
  if (field.type === 'multiselect') return [];
  return '';
}

/** The schema's fields in form order, built-ins included (core's canonical form). */
export function formFields(schema: LeadFormSchema): FormField[] {
  return normalizeLeadFormSchema(schema).fields;
}

export function initialValues(fields: readonly FormField[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) values[field.key] = emptyValue(field);
  return values;
}

function toFormValue(field: FormField, value: LeadFieldValue | null | undefined): FormValue {
  if (value === null || value === undefined) return emptyValue(field);
  if (field.type === 'checkbox') return value === true;
  if (field.type === 'multiselect') return Array.isArray(value) ? value : [String(value)];
  return Array.isArray(value) ? value.join(', ') : String(value);
}

export function valuesFromLead(fields: readonly FormField[], lead: Lead): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const raw = isBuiltInFieldKey(field.key)
      ? field.key === 'company'
        ? lead.company
        : lead[field.key]
      : lead.fields[field.key];
    values[field.key] = toFormValue(field, raw);
  }
  return values;
}

function isEmpty(value: FormValue): boolean {
  return value === '' || (Array.isArray(value) && value.length === 0);
}

/** The body of a new lead: built-ins on top, custom fields under `fields`, empties left out. */
export function toLeadInput(fields: readonly FormField[], values: FormValues): LeadInput {
  const input: LeadInput = { email: '' };
  const custom: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.key] ?? emptyValue(field);
    if (isBuiltInFieldKey(field.key)) {
      if (typeof value === 'string' && (value !== '' || field.key === 'email')) {
        input[field.key] = value;
      }
    } else if (field.type === 'checkbox' ? value === true : !isEmpty(value)) {
      custom[field.key] = value;
    }
  }
  if (Object.keys(custom).length > 0) input.fields = custom;
  return input;
}

function sameValue(a: FormValue, b: FormValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item) => b.includes(item));
  }
  return a === b;
}

/** The fields whose value differs from `before`. */
export function changedKeys(
  fields: readonly FormField[],
  before: FormValues,
  after: FormValues,
): string[] {
  return fields
    .filter(
      (field) =>
        !sameValue(before[field.key] ?? emptyValue(field), after[field.key] ?? emptyValue(field)),
    )
    .map((field) => field.key);
}

/** An edit: only the changed fields; an emptied field is sent as null (cleared). */
export function toLeadPatch(
  fields: readonly FormField[],
  before: FormValues,
  after: FormValues,
): LeadPatchInput {
  const changed = new Set(changedKeys(fields, before, after));
  const patch: LeadPatchInput = {};
  const custom: Record<string, unknown> = {};
  for (const field of fields) {
    if (!changed.has(field.key)) continue;
    const value = after[field.key] ?? emptyValue(field);
    const sent = field.type === 'checkbox' ? value : isEmpty(value) ? null : value;
    if (isBuiltInFieldKey(field.key)) {
      if (field.key === 'email') patch.email = typeof value === 'string' ? value : '';
      else patch[field.key] = typeof sent === 'string' ? sent : null;
    } else {
      custom[field.key] = sent;
    }
  }
  if (Object.keys(custom).length > 0) patch.fields = custom;
  return patch;
}

/** The form field an error path points at: `email` → email, `fields.budget` → budget. */
export function fieldKeyOfPath(path: string): string {
  return path.startsWith('fields.') ? path.slice('fields.'.length) : path;
}

/** An error from core or the API in the reader's language, naming its field by its label. */
export function localizeFieldError(
  error: FieldError,
  fields: readonly FormField[],
  locale: Locale,
): string {
  if (!isFieldErrorCode(error.code)) return error.message;
  const field = fields.find((candidate) => candidate.key === fieldKeyOfPath(error.field));
  return fieldErrorMessage(
    error.code,
    { label: field?.label ?? error.field, ...error.params },
    locale,
  );
}

/** A value as a person reads it: option labels, yes/no, dates as typed. */
export function displayValue(
  field: FormField,
  value: LeadFieldValue | null | undefined,
  words: { yes: string; no: string; empty: string },
): string {
  if (value === null || value === undefined || value === '') {
    return field.type === 'checkbox' ? words.no : words.empty;
  }
  const label = (option: string) =>
    field.options?.find((candidate) => candidate.value === option)?.label ?? option;
  if (field.type === 'checkbox') return value === true ? words.yes : words.no;
  if (Array.isArray(value)) return value.length ? value.map(label).join(', ') : words.empty;
  if (field.type === 'select') return label(String(value));
  return String(value);
}
