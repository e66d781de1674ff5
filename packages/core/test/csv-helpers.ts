import fc from 'fast-check';
import Papa from 'papaparse';

/** Parses as an importer would; drops the empty record papaparse reads after the final CRLF. */
export function parseCsv(text: string): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter: ',', newline: '\r\n' }).data;
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === '') rows.pop();
  return rows;
}

const SPECIALS = [
  '"',
  ',',
  '\r',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '=',
  '+',
  '-',
  '@',
  "'",
  'é',
  '😀',
  '\ufeff',
  ';',
];
export const csvText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...SPECIALS),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});
export const csvRows = fc.array(fc.array(csvText, { minLength: 1, maxLength: 8 }), {
  minLength: 1,
  maxLength: 15,
});
