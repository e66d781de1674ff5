import { BUILT_IN_FIELD_MAX_LENGTHS, isBuiltInFieldKey } from './built-in-fields.js';
import type { FieldType } from './field-types.js';
import type { FormField, LeadFormSchema } from './form-schema.js';
import { normalizeLeadFormSchema } from './normalize-form-schema.js';
import { EMAIL_MAX_LENGTH, URL_MAX_LENGTH } from './value-rules.js';

/**
 * Longest value per type. Only free text (text, textarea, email, url) reports `too_long`; the
 * other types are bounded by their format.
 */
export const FIELD_MAX_LENGTHS: Readonly<Record<FieldType, number>> = {
  text: 255,
  textarea: 5000,
  email: EMAIL_MAX_LENGTH,
  phone: 50,
  url: URL_MAX_LENGTH,
  number: 100,
  select: 100,
  multiselect: 100,
  checkbox: 10,
  date: 10,
};

/** A field with everything the hot paths (1M-row imports) would otherwise recompute per value. */
export type CompiledField = {
  field: FormField;
  key: string;
  builtIn: boolean;
  /** Where errors for this field point: `email` or `fields.<key>`. */
  path: string;
  /** Email is required whatever the stored flag says. */
  required: boolean;
  maxLength: number;
  optionValues: ReadonlySet<string>;
  /** Lower-cased option values, then labels, to the option's value (for CSV cells). */
  optionLookup: ReadonlyMap<string, string>;
};

export type CompiledSchema = {
  schema: LeadFormSchema;
  fields: readonly CompiledField[];
  byKey: ReadonlyMap<string, CompiledField>;
};

export function compileField(field: FormField): CompiledField {
  const builtIn = isBuiltInFieldKey(field.key);
  const options = field.options ?? [];
  const optionLookup = new Map<string, string>();
  for (const option of options) {
    const value = option.value.trim().toLowerCase();
    if (!optionLookup.has(value)) optionLookup.set(value, option.value);
  }
  for (const option of options) {
    const label = option.label.trim().toLowerCase();
    if (!optionLookup.has(label)) optionLookup.set(label, option.value);
  }
  return {
    field,
    key: field.key,
    builtIn,
    path: builtIn ? field.key : `fields.${field.key}`,
    required: field.required || field.key === 'email',
    maxLength: isBuiltInFieldKey(field.key)
      ? BUILT_IN_FIELD_MAX_LENGTHS[field.key]
      : FIELD_MAX_LENGTHS[field.type],
    optionValues: new Set(options.map((option) => option.value)),
    optionLookup,
  };
}

const cache = /* @__PURE__ */ new WeakMap<LeadFormSchema, CompiledSchema>();

/**
 * Normalises and indexes a schema once per schema object. Schemas are treated as immutable:
 * build a new object to change one (as React state and parsed JSON naturally do).
 */
export function compileLeadFormSchema(schema: LeadFormSchema): CompiledSchema {
  const cached = cache.get(schema);
  if (cached) return cached;
  const normalized = normalizeLeadFormSchema(schema);
  const fields = normalized.fields.map(compileField);
  const compiled: CompiledSchema = {
    schema: normalized,
    fields,
    byKey: new Map(fields.map((field) => [field.key, field])),
  };
  cache.set(schema, compiled);
  return compiled;
}
