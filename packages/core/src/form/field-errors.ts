import { z } from 'zod/mini';

export const FIELD_ERROR_CODES = [
  // a lead's values
  'required',
  'invalid_type',
  'invalid_characters',
  'too_long',
  'too_short',
  'too_many',
  'invalid_email',
  'invalid_phone',
  'invalid_url',
  'invalid_number',
  'invalid_option',
  'invalid_checkbox',
  'invalid_date',
  'invalid_format',
  'unknown_field',
  // a CSV row as a whole
  'empty_row',
  'extra_cells',
  'missing_cells',
  // a program's form schema
  'invalid_key',
  'duplicate_key',
  'duplicate_label',
  'options_required',
  'options_forbidden',
  'duplicate_option',
  'builtin_missing',
  'builtin_retyped',
  'builtin_optional',
  // a program's offer
  'out_of_range',
  'not_positive',
  'invalid_currency',
  'currency_mismatch',
  'duplicate_rule',
  'stage_not_rewardable',
] as const;

export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export type FieldErrorParams = Record<string, string | number>;

/**
 * One problem with one input. `field` is a built-in key (`email`), `fields.<key>` for a custom
 * field, a dotted path into a submitted document (`fields.3.options`), or '' for the whole
 * row/document. `code` and `params` are stable so a client can re-render `message` in its locale.
 */
export type FieldError = {
  field: string;
  code: FieldErrorCode;
  message: string;
  params?: FieldErrorParams;
};

export type CheckResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const fieldErrorCodeSchema = /* @__PURE__ */ z.enum(FIELD_ERROR_CODES);

// In a pure-annotated arrow so the nested calls drop out of bundles that never use it.
export const fieldErrorSchema = /* @__PURE__ */ (() =>
  z.object({
    field: z.string(),
    code: fieldErrorCodeSchema,
    message: z.string(),
    params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  }))();

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}
