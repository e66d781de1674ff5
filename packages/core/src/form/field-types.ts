import { z } from 'zod/mini';

export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'phone',
  'url',
  'number',
  'select',
  'multiselect',
  'checkbox',
  'date',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export const fieldTypeSchema = /* @__PURE__ */ z.enum(FIELD_TYPES);

/** The only types whose values come from a list, and so the only ones that carry `options`. */
export const OPTION_FIELD_TYPES = ['select', 'multiselect'] as const;

export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && (FIELD_TYPES as readonly string[]).includes(value);
}

export function fieldTypeHasOptions(type: FieldType): boolean {
  return type === 'select' || type === 'multiselect';
}
