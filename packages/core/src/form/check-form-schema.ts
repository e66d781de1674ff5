import { headerMatchKey } from '../csv/header-normalizer.js';
import type { Locale } from '../i18n/locale.js';
import { propertyLabel, zodIssuesToFieldErrors } from '../validation/zod-issues.js';
import {
  BUILT_IN_FIELD_KEYS,
  BUILT_IN_FIELD_TYPES,
  createBuiltInField,
  isBuiltInFieldKey,
} from './built-in-fields.js';
import { fieldError } from './field-error-messages.js';
import type { CheckResult, FieldError, FieldErrorCode, FieldErrorParams } from './field-errors.js';
import { fieldTypeHasOptions } from './field-types.js';
import { type LeadFormSchema, leadFormSchemaSchema } from './form-schema.js';
import { normalizeLeadFormSchema } from './normalize-form-schema.js';

// Keys that would collide with Object.prototype members wherever lead fields end up in a plain
// object (`fields[key]` would find a function for a lead that lacks the field).
const RESERVED_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

type CheckOptions = { locale?: Locale };

/**
 * Validates a form schema as an admin submits it: the shape first (the same zod schema the API
 * documents), then the rules between fields. On success returns the normalised schema.
 */
export function checkLeadFormSchema(
  input: unknown,
  options: CheckOptions = {},
): CheckResult<LeadFormSchema> {
  const checked = checkFormFields(input, options.locale ?? 'en', true);
  if (!('schema' in checked)) return checked;
  const { schema, keys, errors, add } = checked;
  for (const key of BUILT_IN_FIELD_KEYS) {
    if (!keys.has(key))
      add('fields', 'builtin_missing', { label: createBuiltInField(key, 0).label });
  }

  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, value: normalizeLeadFormSchema(schema) };
}

/**
 * Validates a program's application questions: the same field types and rules as the lead form,
 * without built-in fields (the applicant's name, email and company are asked apart). An empty
 * list is valid.
 */
export function checkApplicationQuestions(
  input: unknown,
  options: CheckOptions = {},
): CheckResult<LeadFormSchema> {
  const checked = checkFormFields(input, options.locale ?? 'en', false);
  if (!('schema' in checked)) return checked;
  const { schema, errors, add } = checked;
  schema.fields.forEach((field, index) => {
    if (isBuiltInFieldKey(field.key))
      add(`fields.${index}.key`, 'invalid_key', { label: field.key });
  });
  if (errors.length > 0) return { ok: false, errors };
  const fields = schema.fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => a.field.order - b.field.order || a.index - b.index)
    .map(({ field: { builtIn: _never, ...field } }, order) => ({ ...field, order }));
  return { ok: true, value: { fields } };
}

type AddError = (field: string, code: FieldErrorCode, params: FieldErrorParams) => void;

/** The shape (zod), then the rules between fields; `errors` collects what `add` reports. */
function checkFormFields(
  input: unknown,
  locale: Locale,
  builtIns: boolean,
):
  | { ok: false; errors: FieldError[] }
  | { schema: LeadFormSchema; keys: Set<string>; errors: FieldError[]; add: AddError } {
  const parsed = leadFormSchemaSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: zodIssuesToFieldErrors(parsed.error.issues, input, locale) };
  }
  const errors: FieldError[] = [];
  const add: AddError = (field, code, params) =>
    errors.push(fieldError(field, code, params, locale));
  const keys = checkFields(parsed.data, add, locale, builtIns);
  return { schema: parsed.data, keys, errors, add };
}

/** The rules between fields shared by lead forms and application questions; returns the keys. */
function checkFields(
  schema: LeadFormSchema,
  add: AddError,
  locale: Locale,
  builtIns: boolean,
): Set<string> {
  const keys = new Set<string>();
  const labels = new Set<string>();

  schema.fields.forEach((field, index) => {
    const path = `fields.${index}`;
    const label = field.label.trim() || field.key;
    if (RESERVED_KEYS.has(field.key)) add(`${path}.key`, 'invalid_key', { label: field.key });
    const duplicate = keys.has(field.key);
    if (duplicate) add(`${path}.key`, 'duplicate_key', { label, value: field.key });
    keys.add(field.key);

    const labelKey = headerMatchKey(field.label);
    if (field.label.trim() === '') {
      add(`${path}.label`, 'required', { label: propertyLabel('label', locale) });
    } else if (labelKey !== '' && labels.has(labelKey)) {
      // Labels are CSV headers: two that read alike could not be told apart on import.
      add(`${path}.label`, 'duplicate_label', { label, value: field.label });
    }
    labels.add(labelKey);

    const fieldOptions = field.options ?? [];
    if (fieldTypeHasOptions(field.type)) {
      if (fieldOptions.length === 0) add(`${path}.options`, 'options_required', { label });
      const values = new Set<string>();
      const optionLabels = new Set<string>();
      fieldOptions.forEach((option, optionIndex) => {
        const optionPath = `${path}.options.${optionIndex}`;
        // Case-insensitive because CSV cells are matched to options case-insensitively.
        const value = option.value.trim().toLowerCase();
        const optionLabel = option.label.trim().toLowerCase();
        if (value === '') add(`${optionPath}.value`, 'required', { label });
        else if (values.has(value)) {
          add(`${optionPath}.value`, 'duplicate_option', { label, value: option.value });
        }
        if (optionLabel === '') add(`${optionPath}.label`, 'required', { label });
        else if (optionLabels.has(optionLabel)) {
          add(`${optionPath}.label`, 'duplicate_option', { label, value: option.label });
        }
        values.add(value);
        optionLabels.add(optionLabel);
      });
    } else if (fieldOptions.length > 0) {
      add(`${path}.options`, 'options_forbidden', { label });
    }

    if (builtIns && isBuiltInFieldKey(field.key) && !duplicate) {
      if (field.type !== BUILT_IN_FIELD_TYPES[field.key]) {
        add(`${path}.type`, 'builtin_retyped', { label });
      }
      if (field.key === 'email' && !field.required) {
        add(`${path}.required`, 'builtin_optional', { label });
      }
    }
  });
  return keys;
}
