import { type FormField, isBuiltInFieldKey, type LeadFormSchema } from '@leadbridge/core';
import type { Lead } from '@leadbridge/sdk';

/** The form's fields in the order partners see them. */
export function orderedFields(schema: LeadFormSchema | undefined): FormField[] {
  return [...(schema?.fields ?? [])].sort((a, b) => a.order - b.order);
}

/** A lead's value for a form field (built-ins live on the lead, custom ones in `fields`). */
export function fieldValue(lead: Lead, key: string): unknown {
  if (key === 'company') return lead.company;
  if (isBuiltInFieldKey(key)) return lead[key];
  return lead.fields[key];
}

/** A stored value as a person reads it: option labels for choices, Yes/No for checkboxes. */
export function displayValue(field: FormField | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const optionLabel = (v: unknown) =>
    field?.options?.find((o) => o.value === v)?.label ?? String(v);
  if (Array.isArray(value)) return value.length ? value.map(optionLabel).join(', ') : '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field?.type === 'select') return optionLabel(value);
  return String(value);
}

export type Draft = Record<string, unknown>;

/** The edit form's starting values: what the lead holds now, as inputs want them. */
export function draftOf(lead: Lead, schema: LeadFormSchema | undefined): Draft {
  const draft: Draft = {};
  for (const field of orderedFields(schema)) {
    const value = fieldValue(lead, field.key);
    if (field.type === 'multiselect') draft[field.key] = Array.isArray(value) ? value : [];
    else if (field.type === 'checkbox') draft[field.key] = value === true;
    else draft[field.key] = value === null || value === undefined ? '' : String(value);
  }
  return draft;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Only what the person changed, shaped as the API's patch (custom fields under `fields`). */
export function patchOf(base: Draft, draft: Draft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (same(base[key], value)) continue;
    const sent = value === '' ? null : value;
    if (isBuiltInFieldKey(key)) patch[key] = key === 'email' ? (value ?? '') : sent;
    else fields[key] = sent;
  }
  if (Object.keys(fields).length) patch.fields = fields;
  return patch;
}

/** Fields whose value differs between two versions of a lead. */
export function changedKeys(
  before: Lead,
  after: Lead,
  schema: LeadFormSchema | undefined,
): string[] {
  return orderedFields(schema)
    .map((field) => field.key)
    .filter((key) => !same(fieldValue(before, key), fieldValue(after, key)));
}
