import type { FieldType } from './field-types.js';
import type { FormField, LeadFormSchema } from './form-schema.js';

export const BUILT_IN_FIELD_KEYS = ['firstName', 'lastName', 'email', 'company'] as const;

export type BuiltInFieldKey = (typeof BUILT_IN_FIELD_KEYS)[number];

export const BUILT_IN_FIELD_TYPES: Readonly<Record<BuiltInFieldKey, FieldType>> = {
  firstName: 'text',
  lastName: 'text',
  email: 'email',
  company: 'text',
};

/** Names are stored in their own columns, so their limit is the column's, not a text field's. */
export const BUILT_IN_FIELD_MAX_LENGTHS: Readonly<Record<BuiltInFieldKey, number>> = {
  firstName: 200,
  lastName: 200,
  email: 254,
  company: 200,
};

export function isBuiltInFieldKey(key: unknown): key is BuiltInFieldKey {
  return typeof key === 'string' && (BUILT_IN_FIELD_KEYS as readonly string[]).includes(key);
}

export function createBuiltInField(key: BuiltInFieldKey, order: number): FormField {
  const labels: Record<BuiltInFieldKey, string> = {
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    company: 'Company',
  };
  return {
    key,
    label: labels[key],
    type: BUILT_IN_FIELD_TYPES[key],
    required: key === 'email',
    order,
    builtIn: true,
  };
}

/** A fresh, mutable copy of the default form, for editors that build on it. */
export function createDefaultLeadFormSchema(): LeadFormSchema {
  return { fields: BUILT_IN_FIELD_KEYS.map((key, index) => createBuiltInField(key, index)) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

// Frozen because it is shared by every caller; a mutation would leak into other programs.
// The arrow makes the annotation cover the inner call too (it would cover deepFreeze alone).
export const DEFAULT_LEAD_FORM_SCHEMA: LeadFormSchema = /* @__PURE__ */ (() =>
  deepFreeze(createDefaultLeadFormSchema()))();
