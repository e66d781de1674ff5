import { compileLeadFormSchema } from '../form/compiled-schema.js';
import { fieldError } from '../form/field-error-messages.js';
import type { FieldError } from '../form/field-errors.js';
import type { LeadFormSchema } from '../form/form-schema.js';
import type { LeadData, LeadInput } from '../form/lead-data.js';
import { type LeadValidationResult, validateLead } from '../form/lead-validator.js';
import type { Locale } from '../i18n/locale.js';
import { coerceCsvCell } from './cell-coercion.js';
import { restoreNeutralisedCell } from './formula.js';

/**
 * Builds the LeadInput for one CSV row from the column mapping (see mapHeaders): built-ins on
 * top, custom fields under `fields`, cells coerced to their field's type, error-CSV formula
 * neutralisation undone, empty cells left out.
 */
export function csvRowToLeadInput(
  schema: LeadFormSchema,
  columns: readonly (string | null)[],
  cells: readonly string[],
): LeadInput {
  const compiled = compileLeadFormSchema(schema);
  const input: LeadInput = { email: '' };
  const fields: Record<string, unknown> = {};
  columns.forEach((key, index) => {
    if (key === null) return;
    const field = compiled.byKey.get(key);
    if (!field) return;
    const value = coerceCsvCell(field, restoreNeutralisedCell(cells[index] ?? ''));
    if (value === undefined) return;
    if (!field.builtIn) fields[key] = value;
    else if (typeof value === 'string')
      input[key as 'email' | 'firstName' | 'lastName' | 'company'] = value;
  });
  if (Object.keys(fields).length > 0) input.fields = fields;
  return input;
}

export function isEmptyCsvRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Validates one CSV row as the preview and the import worker both do. An entirely empty row
 * gives the single error `empty_row` (callers usually skip it); a row whose cell count differs
 * from the header's gets `extra_cells` / `missing_cells` along with its field errors. Trailing
 * empty cells (`a,b,c,,`) are not counted as extra: spreadsheets add them freely.
 */
export function validateCsvRow(
  schema: LeadFormSchema,
  columns: readonly (string | null)[],
  cells: readonly string[],
  locale: Locale = 'en',
): LeadValidationResult<LeadData> {
  if (isEmptyCsvRow(cells)) {
    return { ok: false, errors: [fieldError('', 'empty_row', {}, locale)] };
  }
  const errors: FieldError[] = [];
  const expected = columns.length;
  let actual = cells.length;
  while (actual > expected && (cells[actual - 1] ?? '').trim() === '') actual--;
  if (actual > expected) {
    errors.push(fieldError('', 'extra_cells', { expected, actual }, locale));
  } else if (cells.length < expected) {
    errors.push(fieldError('', 'missing_cells', { expected, actual: cells.length }, locale));
  }
  const result = validateLead(schema, csvRowToLeadInput(schema, columns, cells), { locale });
  if (!result.ok) errors.push(...result.errors);
  return errors.length > 0 ? { ok: false, errors } : result;
}

/** The column a field error belongs to, to highlight the bad cell in a preview; -1 if none. */
export function errorColumnIndex(columns: readonly (string | null)[], error: FieldError): number {
  const key = error.field.startsWith('fields.') ? error.field.slice(7) : error.field;
  return key === '' ? -1 : columns.indexOf(key);
}
