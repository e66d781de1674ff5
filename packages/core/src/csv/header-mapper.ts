import { isBuiltInFieldKey } from '../form/built-in-fields.js';
import { compileLeadFormSchema } from '../form/compiled-schema.js';
import type { LeadFormSchema } from '../form/form-schema.js';
import { restoreNeutralisedCell } from './formula.js';
import { BUILT_IN_HEADER_ALIASES } from './header-aliases.js';
import { headerMatchKey } from './header-normalizer.js';

export type HeaderMapping = {
  /** The field key each column feeds, by column index, or null for an ignored column. */
  columns: (string | null)[];
  /** Names of the headers that feed no field (including duplicates of a mapped field). */
  unmapped: string[];
  /** Indexes of those columns, for a UI that lists them by position. */
  unmappedIndexes: number[];
  /** Required field keys that no column feeds. */
  missingRequired: string[];
  /** Field keys that more than one column matched; the first (or the overridden) one wins. */
  duplicated: string[];
};

/** A person's corrections: column index → field key, or null to ignore the column. */
export type HeaderOverrides = Readonly<Record<number, string | null>>;

type MatchTable = ReadonlyMap<string, string>;

const tables = /* @__PURE__ */ new WeakMap<LeadFormSchema, MatchTable>();

// Labels first (the template writes labels), then keys (API-minded users), then aliases; the
// first field in form order wins within each tier.
function matchTable(schema: LeadFormSchema): MatchTable {
  const cached = tables.get(schema);
  if (cached) return cached;
  const { fields } = compileLeadFormSchema(schema);
  const table = new Map<string, string>();
  const add = (name: string, key: string) => {
    const match = headerMatchKey(name);
    if (match !== '' && !table.has(match)) table.set(match, key);
  };
  for (const field of fields) add(field.field.label, field.key);
  for (const field of fields) add(field.key, field.key);
  for (const field of fields) {
    if (!isBuiltInFieldKey(field.key)) continue;
    for (const alias of BUILT_IN_HEADER_ALIASES[field.key]) add(alias, field.key);
  }
  tables.set(schema, table);
  return table;
}

/** The field key a header would map to on its own, or null. */
export function matchHeader(schema: LeadFormSchema, header: string): string | null {
  return matchTable(schema).get(headerMatchKey(restoreNeutralisedCell(header))) ?? null;
}

/**
 * Maps CSV headers to form fields. Overrides (a person's choices in the preview) win over
 * automatic matches; an override naming a key the form does not have ignores the column.
 */
export function mapHeaders(
  schema: LeadFormSchema,
  headers: readonly string[],
  overrides: HeaderOverrides = {},
): HeaderMapping {
  const compiled = compileLeadFormSchema(schema);
  const columns: (string | null)[] = headers.map(() => null);
  const taken = new Set<string>();
  const duplicated = new Set<string>();
  const automatic: number[] = [];

  headers.forEach((_, index) => {
    if (!Object.hasOwn(overrides, index)) {
      automatic.push(index);
      return;
    }
    const key = overrides[index];
    if (key === null || key === undefined || !compiled.byKey.has(key)) return;
    if (taken.has(key)) duplicated.add(key);
    else {
      taken.add(key);
      columns[index] = key;
    }
  });

  for (const index of automatic) {
    const key = matchHeader(schema, headers[index] ?? '');
    if (key === null) continue;
    if (taken.has(key)) duplicated.add(key);
    else {
      taken.add(key);
      columns[index] = key;
    }
  }

  const unmappedIndexes = columns.flatMap((key, index) => (key === null ? [index] : []));
  return {
    columns,
    unmapped: unmappedIndexes.map((index) => headers[index] ?? ''),
    unmappedIndexes,
    missingRequired: compiled.fields
      .filter((field) => field.required && !taken.has(field.key))
      .map((field) => field.key),
    duplicated: [...duplicated],
  };
}
