import { SAMPLE_SCHEMA } from '../../test/fixtures.js';
import { DEFAULT_LEAD_FORM_SCHEMA } from '../form/built-in-fields.js';
import { validateLead } from '../form/lead-validator.js';
import { mapHeaders } from './header-mapper.js';
import {
  csvRowToLeadInput,
  errorColumnIndex,
  isEmptyCsvRow,
  validateCsvRow,
} from './row-validator.js';

const HEADERS = [
  'Email',
  'First name',
  'Budget',
  'Consent',
  'Company size',
  'Products',
  'Start date',
  'Website',
  'Notes',
];
const { columns } = mapHeaders(SAMPLE_SCHEMA, HEADERS);
const row = (overrides: Partial<Record<(typeof HEADERS)[number], string>>) =>
  HEADERS.map(
    (header) =>
      overrides[header] ??
      (
        { Email: 'ada@example.com', 'First name': 'Ada', Budget: '10', Consent: 'yes' } as Record<
          string,
          string
        >
      )[header] ??
      '',
  );

function fieldValue(header: string, cell: string) {
  const input = csvRowToLeadInput(SAMPLE_SCHEMA, columns, row({ [header]: cell }));
  const key = columns[HEADERS.indexOf(header)] ?? '';
  return input.fields?.[key];
}

function codes(cells: string[], schemaColumns = columns) {
  const result = validateCsvRow(SAMPLE_SCHEMA, schemaColumns, cells);
  return result.ok ? [] : result.errors.map((error) => [error.field, error.code]);
}

describe('csvRowToLeadInput', () => {
  it('puts built-ins on top and custom fields under fields, leaving empties out', () => {
    expect(
      csvRowToLeadInput(SAMPLE_SCHEMA, columns, row({ Notes: '  ', 'First name': '' })),
    ).toEqual({
      email: 'ada@example.com',
      fields: { budget: 10, consent: true },
    });
  });

  it('gives an empty email when there is no email column', () => {
    expect(csvRowToLeadInput(SAMPLE_SCHEMA, [null, 'firstName'], ['x', 'Ada'])).toEqual({
      email: '',
      firstName: 'Ada',
    });
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['Y', true],
    ['1', true],
    ['x', true],
    ['X', true],
    ['ja', true],
    ['false', false],
    ['no', false],
    ['N', false],
    ['0', false],
    ['', false],
    ['  ', false],
    ['nein', false],
    ['maybe', 'maybe'],
  ])('coerces checkbox %j to %j', (cell, expected) => {
    expect(fieldValue('Consent', cell)).toBe(expected);
  });

  it.each([
    ['1234.5', 1234.5],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['1 234', 1234],
    ['1\u00a0234.50', 1234.5],
    [' -1,234 ', -1234],
    ['+7', 7],
    ['.5', 0.5],
    ['1,5', '1,5'],
    ['12,34', '12,34'],
    ['1.234,5', '1.234,5'],
    ['$100', '$100'],
    ['1e999', '1e999'],
  ])('coerces number %j to %j', (cell, expected) => {
    expect(fieldValue('Budget', cell)).toBe(expected);
  });

  it.each([
    ['small', 'small'],
    ['SMALL', 'small'],
    ['1 to 10', 'small'],
    [' more THAN 100 ', 'large'],
    ['huge', 'huge'],
  ])('coerces select %j to %j', (cell, expected) => {
    expect(fieldValue('Company size', cell)).toBe(expected);
  });

  it.each([
    ['crm', ['crm']],
    ['crm; erp', ['crm', 'erp']],
    ['CRM|ERP', ['crm', 'erp']],
    ['crm, erp', ['crm', 'erp']],
    ['Reporting, BI', ['bi']],
    ['crm; Reporting, BI', ['crm', 'bi']],
    ['crm;;erp;', ['crm', 'erp']],
    ['crm, hr', ['crm', 'hr']],
    ['', undefined],
  ])('coerces multiselect %j to %j', (cell, expected) => {
    expect(fieldValue('Products', cell)).toEqual(expected);
  });

  it.each([
    ['2025-03-05', '2025-03-05'],
    ['2025-3-5', '2025-03-05'],
    ['2025/03/05', '2025-03-05'],
    ['05.03.2025', '2025-03-05'],
    ['5.3.2025', '2025-03-05'],
    ['2025-03-05T10:00:00Z', '2025-03-05'],
    ['2025-03-05 10:00', '2025-03-05'],
    ['03/05/2025', '03/05/2025'],
  ])('coerces date %j to %j', (cell, expected) => {
    expect(fieldValue('Start date', cell)).toBe(expected);
  });

  it('passes text-like cells through for validateLead to check', () => {
    const headers = ['Email', 'Industry', 'Notes', 'Billing email', 'Phone', 'Website'];
    const mapping = mapHeaders(SAMPLE_SCHEMA, headers);
    const cells = [
      ' ada@example.com ',
      ' Retail ',
      'line 1\nline 2',
      'BILLING@example.com',
      "'+44 20 7946 0018",
      'WWW.acme.com',
    ];
    expect(csvRowToLeadInput(SAMPLE_SCHEMA, mapping.columns, cells)).toEqual({
      email: ' ada@example.com ',
      fields: {
        industry: ' Retail ',
        notes: 'line 1\nline 2',
        billingEmail: 'BILLING@example.com',
        phone: '+44 20 7946 0018',
        website: 'WWW.acme.com',
      },
    });
    const result = validateLead(
      SAMPLE_SCHEMA,
      csvRowToLeadInput(SAMPLE_SCHEMA, mapping.columns, cells),
      { partial: true },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        email: 'ada@example.com',
        fields: {
          industry: 'Retail',
          notes: 'line 1\nline 2',
          billingEmail: 'BILLING@example.com',
          phone: '+44 20 7946 0018',
          website: 'https://www.acme.com',
        },
      },
    });
    const bad = ['ada@example.com', 'x', 'y', 'not-an-email', '12', 'ftp://acme.com'];
    const errors = validateLead(
      SAMPLE_SCHEMA,
      csvRowToLeadInput(SAMPLE_SCHEMA, mapping.columns, bad),
      { partial: true },
    );
    expect(!errors.ok && errors.errors.map((error) => error.code)).toEqual([
      'invalid_email',
      'invalid_phone',
      'invalid_url',
    ]);
  });

  it('undoes formula neutralisation', () => {
    expect(fieldValue('Notes', "'=1+2")).toBe('=1+2');
    expect(fieldValue('Notes', "'-minus")).toBe('-minus');
    expect(fieldValue('Notes', "'quoted")).toBe("'quoted");
    expect(csvRowToLeadInput(DEFAULT_LEAD_FORM_SCHEMA, ['company'], ["'@acme"]).company).toBe(
      '@acme',
    );
  });
});

describe('validateCsvRow', () => {
  it('validates and normalises a good row', () => {
    expect(
      validateCsvRow(
        SAMPLE_SCHEMA,
        columns,
        row({ Products: 'CRM; Reporting, BI', Website: 'acme.com', 'Start date': '1.2.2025' }),
      ),
    ).toEqual({
      ok: true,
      value: {
        email: 'ada@example.com',
        firstName: 'Ada',
        lastName: null,
        company: null,
        fields: {
          budget: 10,
          consent: true,
          products: ['crm', 'bi'],
          startDate: '2025-02-01',
          website: 'https://acme.com',
        },
      },
    });
  });

  it('reports every bad cell', () => {
    expect(
      codes(
        row({
          Email: 'nope',
          Budget: '1,5',
          Consent: 'maybe',
          'Company size': 'huge',
          Products: 'crm, hr',
          'Start date': '03/05/2025',
        }),
      ),
    ).toEqual([
      ['email', 'invalid_email'],
      ['fields.budget', 'invalid_number'],
      ['fields.size', 'invalid_option'],
      ['fields.products', 'invalid_option'],
      ['fields.consent', 'invalid_checkbox'],
      ['fields.startDate', 'invalid_date'],
    ]);
  });

  it('reports an unchecked required checkbox and missing required cells', () => {
    expect(codes(row({ Consent: 'no', Email: ' ', Budget: '' }))).toEqual([
      ['email', 'required'],
      ['fields.budget', 'required'],
      ['fields.consent', 'required'],
    ]);
  });

  it('reports an empty row as empty_row only', () => {
    for (const cells of [[], [''], HEADERS.map(() => ''), ['  ', '\t']]) {
      expect(codes(cells)).toEqual([['', 'empty_row']]);
    }
    expect(validateCsvRow(SAMPLE_SCHEMA, columns, [''], 'de')).toMatchObject({
      errors: [{ message: 'Diese Zeile ist leer' }],
    });
    expect(isEmptyCsvRow(['', ' '])).toBe(true);
  });

  it('reports rows with extra or missing cells, with their field errors', () => {
    expect(codes([...row({}), 'surplus'])).toEqual([['', 'extra_cells']]);
    expect(validateCsvRow(SAMPLE_SCHEMA, columns, [...row({}), 'a', 'b'])).toMatchObject({
      errors: [
        {
          message: 'This row has 11 cells but the header has 9',
          params: { expected: 9, actual: 11 },
        },
      ],
    });
    expect(codes(['ada@example.com', 'Ada'])).toEqual([
      ['', 'missing_cells'],
      ['fields.budget', 'required'],
      ['fields.consent', 'required'],
    ]);
  });

  it('tolerates trailing empty cells', () => {
    expect(validateCsvRow(SAMPLE_SCHEMA, columns, [...row({}), '', ' ']).ok).toBe(true);
  });

  it('localises messages', () => {
    const result = validateCsvRow(SAMPLE_SCHEMA, columns, row({ Budget: 'viel' }), 'de');
    expect(!result.ok && result.errors.map((error) => error.message)).toEqual([
      'Budget muss eine Zahl sein',
    ]);
  });

  it('finds the column of an error', () => {
    const result = validateCsvRow(SAMPLE_SCHEMA, columns, row({ Budget: 'x', Email: '' }));
    expect(!result.ok && result.errors.map((error) => errorColumnIndex(columns, error))).toEqual([
      0, 2,
    ]);
    expect(errorColumnIndex(columns, { field: '', code: 'extra_cells', message: '' })).toBe(-1);
  });
});
