import {
  BUILT_IN_FIELD_KEYS,
  BUILT_IN_FIELD_TYPES,
  createBuiltInField,
  isBuiltInFieldKey,
} from './built-in-fields.js';
import type { FormField, LeadFormSchema } from './form-schema.js';

/**
 * The canonical form of a valid schema: fields sorted by `order` (ties keep their position) and
 * renumbered 0…n-1, built-ins flagged, canonically typed and present (missing ones appended),
 * and email required. Never mutates its input.
 */
export function normalizeLeadFormSchema(schema: LeadFormSchema): LeadFormSchema {
  const sorted = schema.fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => a.field.order - b.field.order || a.index - b.index)
    .map(({ field }) => field);
  const present = new Set(sorted.map((field) => field.key));
  const fields: FormField[] = sorted.map((field) => {
    if (!isBuiltInFieldKey(field.key)) {
      const { builtIn: _ignored, ...custom } = field;
      return { ...custom };
    }
    const { options: _none, ...rest } = field;
    return {
      ...rest,
      type: BUILT_IN_FIELD_TYPES[field.key],
      required: field.key === 'email' ? true : field.required,
      builtIn: true,
    };
  });
  for (const key of BUILT_IN_FIELD_KEYS) {
    if (!present.has(key)) fields.push(createBuiltInField(key, 0));
  }
  return { fields: fields.map((field, order) => ({ ...field, order })) };
}
