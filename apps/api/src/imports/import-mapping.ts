import {
  type HeaderMapping,
  type HeaderOverrides,
  type LeadFormSchema,
  mapHeaders,
  normalizeLeadFormSchema,
} from '@leadbridge/core';
import { type FieldIssue, ProblemException, validationProblem } from '../common/problem/problem';

/** Column index (as a string, JSON keys are strings) → field key, or null to ignore the column. */
export type StoredMapping = Record<string, string | null>;

const mappingIssue = (message: string): FieldIssue => ({
  field: 'mapping',
  code: 'invalid',
  message,
});

/** Parses the `mapping` option: JSON `{ "<columnIndex>": "<fieldKey>" | null }`. */
export function parseMapping(raw: string | undefined): StoredMapping | null {
  if (raw === undefined || raw.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw validationProblem([mappingIssue('mapping must be a JSON object')]);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw validationProblem([mappingIssue('mapping must be a JSON object')]);
  }
  const mapping: StoredMapping = {};
  for (const [key, target] of Object.entries(value)) {
    if (!/^\d{1,4}$/.test(key)) {
      throw validationProblem([
        mappingIssue(`mapping keys are column indexes (0, 1, …); "${key}" is not one`),
      ]);
    }
    if (target !== null && typeof target !== 'string') {
      throw validationProblem([
        mappingIssue(`mapping.${key} must be a field key or null (to ignore the column)`),
      ]);
    }
    mapping[String(Number(key))] = target;
  }
  return mapping;
}

export function toOverrides(mapping: StoredMapping | null): HeaderOverrides {
  const overrides: Record<number, string | null> = {};
  for (const [key, target] of Object.entries(mapping ?? {})) overrides[Number(key)] = target;
  return overrides;
}

/** An override naming a column the file lacks or a field the form lacks is a client bug: say so. */
export function checkMapping(
  schema: LeadFormSchema,
  headers: readonly string[],
  mapping: StoredMapping | null,
): void {
  if (!mapping) return;
  const keys = new Set(normalizeLeadFormSchema(schema).fields.map((field) => field.key));
  const issues: FieldIssue[] = [];
  for (const [index, target] of Object.entries(mapping)) {
    if (Number(index) >= headers.length) {
      issues.push({
        field: `mapping.${index}`,
        code: 'unknown_column',
        message: `The file has ${headers.length} columns; there is no column ${index}`,
      });
    } else if (target !== null && !keys.has(target)) {
      issues.push({
        field: `mapping.${index}`,
        code: 'unknown_field',
        message: `The program's form has no field "${target}"`,
      });
    }
  }
  if (issues.length > 0) throw validationProblem(issues);
}

function labelsOf(schema: LeadFormSchema, keys: readonly string[]): string[] {
  const fields = normalizeLeadFormSchema(schema).fields;
  return keys.map((key) => fields.find((field) => field.key === key)?.label ?? key);
}

/** "The file has no column for Email, Budget. Its columns are: Name, Company." */
export function missingColumnsMessage(
  schema: LeadFormSchema,
  headers: readonly string[],
  mapping: HeaderMapping,
): string {
  const labels = labelsOf(schema, mapping.missingRequired);
  const shown = headers.map((header) => header.trim()).filter((header) => header !== '');
  return (
    `The file has no column for the required field${labels.length > 1 ? 's' : ''} ${labels.join(', ')}. ` +
    (shown.length > 0
      ? `Its columns are: ${shown.slice(0, 20).join(', ')}${shown.length > 20 ? ', …' : ''}. `
      : '') +
    'Add the column (the template has every field), or map one of the columns to it.'
  );
}

/** Maps the header and refuses a file that lacks a required column (422 at upload). */
export function mapOrRefuse(
  schema: LeadFormSchema,
  headers: readonly string[],
  mapping: StoredMapping | null,
): HeaderMapping {
  checkMapping(schema, headers, mapping);
  const mapped = mapHeaders(schema, headers, toOverrides(mapping));
  if (mapped.missingRequired.length > 0) {
    throw new ProblemException(
      422,
      'missing_required_columns',
      missingColumnsMessage(schema, headers, mapped),
      {
        missingFields: mapped.missingRequired,
        headers: [...headers],
        errors: labelsOf(schema, mapped.missingRequired).map((label) => ({
          field: 'file',
          code: 'missing_column',
          message: `The file has no column for ${label}`,
        })),
      },
    );
  }
  return mapped;
}
