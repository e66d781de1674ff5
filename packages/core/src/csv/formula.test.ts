import fc from 'fast-check';
import { csvRows, parseCsv } from '../../test/csv-helpers.js';
import type { LeadFormSchema } from '../form/form-schema.js';
import { writeCsv } from './csv-writer.js';
import { neutraliseCsvFormula, restoreNeutralisedCell } from './formula.js';
import { csvRowToLeadInput } from './row-validator.js';

describe('formula neutralisation', () => {
  it('restores exactly what it neutralised', () => {
    for (const value of ['=1', '+1', '-1', '@a', '\t', '\r', "'=1", "''+x", "'", "'a", 'a', '']) {
      expect(restoreNeutralisedCell(neutraliseCsvFormula(value))).toBe(value);
    }
  });

  it('strips the quote from a neutralised cell only', () => {
    expect(restoreNeutralisedCell("'=HYPERLINK()")).toBe('=HYPERLINK()');
    expect(restoreNeutralisedCell("'-5")).toBe('-5');
    expect(restoreNeutralisedCell("'\tx")).toBe('\tx');
    expect(restoreNeutralisedCell("'hello")).toBe("'hello");
    expect(restoreNeutralisedCell("O'Brien")).toBe("O'Brien");
  });

  it('write (neutralised) → parse → restore gives back the original strings', () => {
    fc.assert(
      fc.property(csvRows, (rows) => {
        const parsed = parseCsv(writeCsv(rows, { neutraliseFormulas: true }));
        expect(parsed.map((row) => row.map(restoreNeutralisedCell))).toEqual(rows);
      }),
      { numRuns: 1000 },
    );
  });

  it('csvRowToLeadInput undoes the neutralisation of every cell', () => {
    const keys = Array.from({ length: 8 }, (_, i) => `c${i}`);
    const schema: LeadFormSchema = {
      fields: [
        { key: 'email', label: 'Email', type: 'email', required: true, order: 0 },
        ...keys.map((key, order) => ({
          key,
          label: key,
          type: 'textarea' as const,
          required: false,
          order: order + 1,
        })),
      ],
    };
    fc.assert(
      fc.property(csvRows, (rows) => {
        const parsed = parseCsv(writeCsv(rows, { neutraliseFormulas: true }));
        parsed.forEach((cells, rowIndex) => {
          const input = csvRowToLeadInput(schema, keys.slice(0, cells.length), cells);
          (rows[rowIndex] ?? []).forEach((original, column) => {
            const value = input.fields?.[`c${column}`];
            if (original.trim() === '') expect(value).toBeUndefined();
            else expect(value).toBe(original);
          });
        });
      }),
      { numRuns: 500 },
    );
  });
});
