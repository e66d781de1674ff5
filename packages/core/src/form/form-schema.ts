import { z } from 'zod/mini';
import { type FieldType, fieldTypeSchema } from './field-types.js';

export type FormFieldOption = { value: string; label: string };

export type FormField = {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  helpText?: string;
  placeholder?: string;
  options?: FormFieldOption[];
  order: number;
  builtIn?: boolean;
};

export type LeadFormSchema = { fields: FormField[] };

/**
 * Keys become JSON property names, CSV aliases and database JSON keys, hence the conservative
 * identifier shape.
 */
export const FIELD_KEY_PATTERN = /^[a-z][a-zA-Z0-9_]{0,49}$/;
export const MAX_FORM_FIELDS = 50;
export const FIELD_LABEL_MAX_LENGTH = 100;
export const FIELD_HELP_TEXT_MAX_LENGTH = 500;
export const FIELD_PLACEHOLDER_MAX_LENGTH = 200;
export const MAX_FIELD_OPTIONS = 200;
export const OPTION_MAX_LENGTH = 100;

// Only what JSON Schema can say lives in these schemas (they feed the OpenAPI document);
// cross-field rules are in checkLeadFormSchema. Each is built in a pure-annotated arrow, so a
// bundle importing only validateLead (say) leaves the nested zod calls — and zod — out.
export const formFieldOptionSchema = /* @__PURE__ */ (() =>
  z.object({
    value: z.string().check(z.minLength(1), z.maxLength(OPTION_MAX_LENGTH)),
    label: z.string().check(z.minLength(1), z.maxLength(OPTION_MAX_LENGTH)),
  }))();

export const formFieldSchema = /* @__PURE__ */ (() =>
  z.object({
    key: z.string().check(z.regex(FIELD_KEY_PATTERN)),
    label: z.string().check(z.minLength(1), z.maxLength(FIELD_LABEL_MAX_LENGTH)),
    type: fieldTypeSchema,
    required: z.boolean(),
    helpText: z.optional(z.string().check(z.maxLength(FIELD_HELP_TEXT_MAX_LENGTH))),
    placeholder: z.optional(z.string().check(z.maxLength(FIELD_PLACEHOLDER_MAX_LENGTH))),
    options: z.optional(z.array(formFieldOptionSchema).check(z.maxLength(MAX_FIELD_OPTIONS))),
    order: z.number(),
    builtIn: z.optional(z.boolean()),
  }))();

export const leadFormSchemaSchema = /* @__PURE__ */ (() =>
  z.object({
    fields: z.array(formFieldSchema).check(z.maxLength(MAX_FORM_FIELDS)),
  }))();
