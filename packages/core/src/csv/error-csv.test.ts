import { parseCsv } from '../../test/csv-helpers.js';
import { SAMPLE_SCHEMA } from '../../test/fixtures.js';
import { errorCsvHeader, errorCsvRow, formatRowErrors } from './error-csv.js';
import { mapHeaders } from './header-mapper.js';
import { validateCsvRow } from './row-validator.js';

describe('error CSV', () => {
  it('appends an error column to the original headers', () => {
    expect(errorCsvHeader(['Email', 'Budget'])).toBe('Email,Budget,error\r\n');
    expect(errorCsvHeader(['=Email', 'a,b'])).toBe('\'=Email,"a,b",error\r\n');
    expect(errorCsvHeader(['\ufeffEmail'])).toBe('Email,error\r\n');
    expect(errorCsvHeader(['Email'], { bom: true })).toBe('\ufeffEmail,error\r\n');
  });

  it('writes the original cells and the message, neutralising formulas', () => {
    expect(errorCsvRow(['=1+2', 'ok', ' x'], 'Budget must be a number')).toBe(
      '\'=1+2,ok," x",Budget must be a number\r\n',
    );
    expect(errorCsvRow(['a'], '-bad')).toBe("a,'-bad\r\n");
  });

  it('pads short rows so the message lands under error', () => {
    expect(errorCsvRow(['a'], 'Email is required', 3)).toBe('a,,,Email is required\r\n');
    expect(errorCsvRow(['a', 'b', 'c', 'd'], 'too many', 3)).toBe('a,b,c,d,too many\r\n');
  });

  it('joins all of a row’s messages', () => {
    expect(
      formatRowErrors([
        { field: 'email', code: 'required', message: 'Email is required' },
        { field: 'fields.budget', code: 'invalid_number', message: 'Budget must be a number' },
      ]),
    ).toBe('Email is required; Budget must be a number');
    expect(formatRowErrors([])).toBe('');
  });

  it('streams failed rows into a file that re-imports cleanly once fixed', () => {
    const headers = ['\ufeffEmail *', 'First name', 'Budget *', 'Consent *', 'Notes'];
    const rows = [
      ['ada@example.com', 'Ada', '10', 'yes', 'fine'],
      ['', '=cmd|calc', 'lots', 'yes', '-2 of them'],
      ['grace@example.com', '@grace', '5', 'maybe', '+1'],
    ];
    const { columns } = mapHeaders(SAMPLE_SCHEMA, headers);
    let errorCsv = errorCsvHeader(headers);
    for (const cells of rows) {
      const result = validateCsvRow(SAMPLE_SCHEMA, columns, cells);
      if (!result.ok)
        errorCsv += errorCsvRow(cells, formatRowErrors(result.errors), headers.length);
    }
    const [errorHeaders = [], ...errorRows] = parseCsv(errorCsv);
    expect(errorHeaders).toEqual([...headers.map((h) => h.replace('\ufeff', '')), 'error']);
    expect(errorRows.map((cells) => cells[5])).toEqual([
      'Email is required; Budget must be a number',
      'Consent must be yes or no',
    ]);
    expect(errorRows[0]?.slice(0, 5)).toEqual(['', "'=cmd|calc", 'lots', 'yes', "'-2 of them"]);

    // The partner fixes the bad cells in a spreadsheet and imports the file again.
    const fixed = errorRows.map((cells, index) =>
      index === 0
        ? ['ada2@example.com', ...cells.slice(1, 2), '12', ...cells.slice(3)]
        : [...cells.slice(0, 3), 'no', ...cells.slice(4)],
    );
    const mapping = mapHeaders(SAMPLE_SCHEMA, errorHeaders);
    expect(mapping.unmapped).toEqual(['error']);
    const reimported = fixed.map((cells) => validateCsvRow(SAMPLE_SCHEMA, mapping.columns, cells));
    expect(reimported[0]).toMatchObject({
      ok: true,
      value: { firstName: '=cmd|calc', fields: { notes: '-2 of them', budget: 12 } },
    });
    expect(reimported[1]).toMatchObject({
      ok: false,
      errors: [{ field: 'fields.consent', code: 'required' }],
    });
  });
});
