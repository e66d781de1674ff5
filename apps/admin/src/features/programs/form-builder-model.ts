import {
  checkLeadFormSchema,
  FIELD_KEY_PATTERN,
  FIELD_TYPES,
  type FieldType,
  type FormField,
  fieldTypeHasOptions,
  type LeadFormSchema,
} from '@leadbridge/core';

export const TYPE_LABELS: Record<FieldType, string> = {
  text: 'Short text',
  textarea: 'Long text',
  email: 'Email',
  phone: 'Phone',
  url: 'Website',
  number: 'Number',
  select: 'Dropdown',
  multiselect: 'Multiple choice',
  checkbox: 'Checkbox',
  date: 'Date',
};

export const TYPES = FIELD_TYPES;

/** The draft: fields in display order (their `order` is rewritten from the position on save). */
export function withOrder(fields: FormField[]): FormField[] {
  return fields.map((field, index) => ({ ...field, order: index }));
}

export function sortedFields(schema: LeadFormSchema): FormField[] {
  return [...schema.fields].sort((a, b) => a.order - b.order).map((f) => ({ ...f }));
}

/** `Budget (USD)` → `budgetUsd`, unique among `taken`, always matching core's key pattern. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^\w\s]/g, ' ')
    .trim()
    .split(/[\s_]+/)
    .filter(Boolean);
  let key = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]?.toUpperCase() + w.slice(1).toLowerCase()))
    .join('')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40);
  if (!FIELD_KEY_PATTERN.test(key)) key = 'field';
  let candidate = key;
  for (let n = 2; taken.has(candidate); n++) candidate = `${key}${n}`;
  return candidate;
}

export function newField(fields: FormField[]): FormField {
  const taken = new Set(fields.map((f) => f.key));
  let label = 'New field';
  for (let n = 2; fields.some((f) => f.label === label); n++) label = `New field ${n}`;
  return {
    key: keyFromLabel(label, taken),
    label,
    type: 'text',
    required: false,
    order: fields.length,
  };
}

/**
 * The list with field `index` changed to `next`. A field not yet saved keeps its key following
 * its label (so "Company size" is sent as `companySize`, not `newField2`) until someone types a
 * key of their own; a saved field's key never moves, since stored answers are filed under it.
 */
export function changeField(
  list: FormField[],
  index: number,
  next: FormField,
  savedKeys: ReadonlySet<string>,
): FormField[] {
  return list.map((field, i) => {
    if (i !== index) return field;
    const others = new Set(list.filter((_, j) => j !== i).map((x) => x.key));
    const followsLabel =
      !savedKeys.has(field.key) && field.key === keyFromLabel(field.label, others);
    return followsLabel && next.label !== field.label && next.key === field.key
      ? { ...next, key: keyFromLabel(next.label, others) }
      : next;
  });
}

/** A type change keeps what still applies: options only for choice types. */
export function retype(field: FormField, type: FieldType): FormField {
  const next: FormField = { ...field, type };
  if (fieldTypeHasOptions(type))
    next.options = field.options?.length
      ? field.options
      : [{ value: 'option1', label: 'Option 1' }];
  else delete next.options;
  return next;
}

/**
 * Core's verdict on the draft (a lead form, or with `checkApplicationQuestions` a program's
 * application questions), with errors grouped by field position for display.
 */
export function checkDraft(
  fields: FormField[],
  check: typeof checkLeadFormSchema = checkLeadFormSchema,
) {
  const result = check({ fields: withOrder(fields) });
  const byIndex = new Map<number, Record<string, string>>();
  const general: string[] = [];
  if (!result.ok) {
    for (const error of result.errors) {
      const match = /^fields\.(\d+)\.?(.*)$/.exec(error.field);
      if (!match) {
        general.push(error.message);
        continue;
      }
      const index = Number(match[1]);
      const errors = byIndex.get(index) ?? {};
      errors[match[2] || 'field'] ??= error.message;
      byIndex.set(index, errors);
    }
  }
  return { result, byIndex, general };
}
