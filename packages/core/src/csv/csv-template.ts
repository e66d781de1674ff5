import { type CompiledField, compileLeadFormSchema } from '../form/compiled-schema.js';
import type { FieldType } from '../form/field-types.js';
import { checkFieldValue } from '../form/field-validator.js';
import type { LeadFormSchema } from '../form/form-schema.js';
import { writeCsv } from './csv-writer.js';
import { type CsvFileOptions, UTF8_BOM } from './error-csv.js';

/** Marks a required column in the template; normalizeHeader strips it again on import. */
export const REQUIRED_HEADER_SUFFIX = ' *';

const BUILT_IN_EXAMPLES: Readonly<Record<string, string>> = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  company: 'Example Inc.',
};

// Examples avoid a leading `+`/`-`, which the formula neutralisation would prefix with `'`.
const TYPE_EXAMPLES: Readonly<Record<FieldType, string>> = {
  text: 'Example',
  textarea: 'Notes about this lead',
  email: 'name@example.com',
  phone: '(555) 010-0123',
  url: 'https://example.com',
  number: '100',
  select: '',
  multiselect: '',
  checkbox: 'yes',
  date: '2025-01-31',
};

function exampleValue(field: CompiledField): string {
  const builtIn = BUILT_IN_EXAMPLES[field.key];
  if (field.builtIn && builtIn) return builtIn;
  const options = field.field.options ?? [];
  if (field.field.type === 'select') return options[0]?.label ?? '';
  if (field.field.type === 'multiselect') {
    return options
      .slice(0, 2)
      .map((option) => option.label)
      .join('; ');
  }
  // A company's placeholder is the most plausible example there is, when it is valid.
  const placeholder = field.field.placeholder?.trim();
  if (placeholder && field.field.type !== 'checkbox') {
    const check = checkFieldValue(field, placeholder);
    if (check.ok && check.value !== null) return placeholder;
  }
  return TYPE_EXAMPLES[field.field.type];
}

/** Field labels in form order, required ones suffixed ` *` (`Email *`). */
export function csvTemplateHeaders(schema: LeadFormSchema): string[] {
  return compileLeadFormSchema(schema).fields.map(
    (field) => field.field.label + (field.required ? REQUIRED_HEADER_SUFFIX : ''),
  );
}

/** The example row of a schema, by field key as well as in column order. */
type TemplateExample = { row: readonly string[]; byKey: ReadonlyMap<string, string> };

// Imports ask about every row (1M-row files), and building the example validates placeholders:
// once per schema object, treated as immutable like compileLeadFormSchema's cache.
const examples = /* @__PURE__ */ new WeakMap<LeadFormSchema, TemplateExample>();

function templateExample(schema: LeadFormSchema): TemplateExample {
  const cached = examples.get(schema);
  if (cached) return cached;
  const fields = compileLeadFormSchema(schema).fields;
  const row = fields.map(exampleValue);
  const example: TemplateExample = {
    row,
    byKey: new Map(fields.map((field, index) => [field.key, row[index] ?? ''])),
  };
  examples.set(schema, example);
  return example;
}

/** One plausible value per column, which validates against the schema. */
export function csvTemplateExampleRow(schema: LeadFormSchema): string[] {
  // A copy: the cached row is shared by every caller.
  return [...templateExample(schema).row];
}

/**
 * The template partners download: header row plus one example row, CRLF, RFC 4180 quoting,
 * formulas neutralised (labels are typed by the company but opened by partners).
 */
export function csvTemplate(schema: LeadFormSchema, options: CsvFileOptions = {}): string {
  const text = writeCsv([csvTemplateHeaders(schema), csvTemplateExampleRow(schema)], {
    neutraliseFormulas: true,
  });
  return options.bom ? UTF8_BOM + text : text;
}

/**
 * Whether a row is the template's untouched example, so an import can skip it instead of
 * submitting Ada Lovelace as a lead. The row's email must be the example's (an import without
 * an email column has no example row), and every other mapped cell must be the example's too:
 * a real lead that merely shares one value with the example (Seats "100") is never skipped.
 */
export function isCsvTemplateExampleRow(
  schema: LeadFormSchema,
  columns: readonly (string | null)[],
  cells: readonly string[],
): boolean {
  const { byKey } = templateExample(schema);
  let emailMatched = false;
  for (let index = 0; index < columns.length; index++) {
    const key = columns[index];
    if (key === null || key === undefined) continue;
    // A column mapped to a key the form lacks has no example value: only blank matches.
    if ((cells[index] ?? '').trim() !== (byKey.get(key) ?? '')) return false;
    if (key === 'email') emailMatched = true;
  }
  return emailMatched;
}
