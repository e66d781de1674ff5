import type { CompiledField } from '../form/compiled-schema.js';

const TRUE_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'true',
  'yes',
  'y',
  '1',
  'x',
  'on',
  'ja',
  'j',
  'wahr',
]);
const FALSE_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  '',
  'false',
  'no',
  'n',
  '0',
  'off',
  'nein',
  'falsch',
]);

function coerceCheckbox(cell: string): boolean | string {
  const word = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return cell;
}

function coerceNumber(cell: string): number | string {
  // Spaces of every kind are digit grouping (`1 234`, `1 234`); commas only when they group
  // in threes before an optional decimal point, so `1,5` stays ambiguous and is reported.
  const compact = cell.replace(/[\s\u00a0\u202f]/g, '');
  const grouped = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/.exec(compact);
  const plain = grouped
    ? `${grouped[1]}${(grouped[2] ?? '').replace(/,/g, '')}${grouped[3] ?? ''}`
    : compact;
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(plain)) return cell;
  const number = Number(plain);
  return Number.isFinite(number) ? number : cell;
}

function coerceDate(cell: string): string {
  const text = cell.trim();
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  if (iso) return `${iso[1]}-${(iso[2] ?? '').padStart(2, '0')}-${(iso[3] ?? '').padStart(2, '0')}`;
  // Day-first with dots is the German (and most of Europe's) unambiguous spelling. Slashes are
  // left alone: 03/04/2025 means different days in the US and the UK.
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) {
    return `${dotted[3]}-${(dotted[2] ?? '').padStart(2, '0')}-${(dotted[1] ?? '').padStart(2, '0')}`;
  }
  return text;
}

function coerceSelect(field: CompiledField, cell: string): string {
  const text = cell.trim();
  if (field.optionValues.has(text)) return text;
  return field.optionLookup.get(text.toLowerCase()) ?? text;
}

function coerceMultiselect(field: CompiledField, cell: string): string[] {
  const text = cell.trim();
  const whole = field.optionLookup.get(text.toLowerCase());
  if (whole !== undefined) return [whole];
  // Options may contain commas ("1,000+ employees"), so use the first separator that splits
  // the cell into known options, else the first one present so the bad part is reported.
  const separators = [';', '|', ','].filter((separator) => text.includes(separator));
  let best: string[] | null = null;
  for (const separator of separators) {
    const parts = text
      .split(separator)
      .map((part) => part.trim())
      .filter((part) => part !== '');
    const mapped = parts.map((part) => field.optionLookup.get(part.toLowerCase()));
    if (mapped.every((value) => value !== undefined)) return mapped as string[];
    best ??= parts.map((part, index) => mapped[index] ?? part);
  }
  return best ?? [text];
}

/**
 * Turns one CSV cell into the value validateLead expects for the field's type. What cannot be
 * understood is passed through as text, so validateLead reports it with the right message.
 * Empty cells come back as undefined (no value).
 */
export function coerceCsvCell(field: CompiledField, cell: string): unknown {
  const type = field.field.type;
  if (type === 'checkbox') return coerceCheckbox(cell);
  if (cell.trim() === '') return undefined;
  switch (type) {
    case 'number':
      return coerceNumber(cell);
    case 'date':
      return coerceDate(cell);
    case 'select':
      return coerceSelect(field, cell);
    case 'multiselect':
      return coerceMultiselect(field, cell);
    default:
      return cell;
  }
}
