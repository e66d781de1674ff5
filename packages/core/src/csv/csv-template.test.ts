import { parseCsv } from '../../test/csv-helpers.js';
import { SAMPLE_SCHEMA } from '../../test/fixtures.js';
import { createDefaultLeadFormSchema, DEFAULT_LEAD_FORM_SCHEMA } from '../form/built-in-fields.js';
import type { LeadFormSchema } from '../form/form-schema.js';
import { normalizeLeadFormSchema } from '../form/normalize-form-schema.js';
import {
  csvTemplate,
  csvTemplateExampleRow,
  csvTemplateHeaders,
  isCsvTemplateExampleRow,
} from './csv-template.js';
import { mapHeaders } from './header-mapper.js';
import { validateCsvRow } from './row-validator.js';

describe('csvTemplate', () => {
  it('writes the default template', () => {
    expect(csvTemplate(DEFAULT_LEAD_FORM_SCHEMA)).toBe(
      'First name,Last name,Email *,Company\r\nAda,Lovelace,ada@example.com,Example Inc.\r\n',
    );
  });

  it('can start with a BOM for Excel, which mapping ignores', () => {
    const template = csvTemplate(DEFAULT_LEAD_FORM_SCHEMA, { bom: true });
    expect(template.startsWith('\ufeffFirst name,')).toBe(true);
    const headers = template.split('\r\n')[0]?.split(',') ?? [];
    expect(mapHeaders(DEFAULT_LEAD_FORM_SCHEMA, headers).columns).toEqual([
      'firstName',
      'lastName',
      'email',
      'company',
    ]);
  });

  it('lists labels in form order, marking required ones', () => {
    expect(csvTemplateHeaders(SAMPLE_SCHEMA)).toEqual([
      'Email *',
      'First name *',
      'Last name',
      'Company',
      'Industry',
      'Notes',
      'Billing email',
      'Phone',
      'Website',
      'Budget *',
      'Company size',
      'Products',
      'Consent *',
      'Start date',
    ]);
  });

  it('gives a plausible example per type', () => {
    expect(csvTemplateExampleRow(SAMPLE_SCHEMA)).toEqual([
      'ada@example.com',
      'Ada',
      'Lovelace',
      'Example Inc.',
      'Example',
      'Notes about this lead',
      'name@example.com',
      '(555) 010-0123',
      'https://example.com',
      '100',
      '1 to 10',
      'CRM; ERP',
      'yes',
      '2025-01-31',
    ]);
  });

  it('uses a valid placeholder as the example', () => {
    const schema: LeadFormSchema = {
      fields: [
        ...createDefaultLeadFormSchema().fields,
        { key: 'a', label: 'A', type: 'text', required: false, order: 5, placeholder: 'Retail' },
        { key: 'b', label: 'B', type: 'number', required: false, order: 6, placeholder: 'e.g. 10' },
      ],
    };
    expect(csvTemplateExampleRow(schema).slice(4)).toEqual(['Retail', '100']);
  });

  it('uses CRLF and RFC 4180 quoting, and neutralises formula labels', () => {
    const schema: LeadFormSchema = {
      fields: [
        ...createDefaultLeadFormSchema().fields,
        { key: 'a', label: 'Size, approx.', type: 'text', required: true, order: 5 },
        { key: 'b', label: '=HYPERLINK("x")', type: 'text', required: false, order: 6 },
      ],
    };
    const template = csvTemplate(schema);
    expect(template.split('\r\n')).toHaveLength(3);
    expect(template).toContain(',"Size, approx. *","\'=HYPERLINK(""x"")"\r\n');
  });

  it('round-trips: template → parse → mapHeaders maps every column, example row validates', () => {
    const schemas: LeadFormSchema[] = [
      DEFAULT_LEAD_FORM_SCHEMA,
      SAMPLE_SCHEMA,
      {
        fields: [
          ...createDefaultLeadFormSchema().fields.map((field) => ({
            ...field,
            label: `${field.label} (Kontakt)`,
          })),
          { key: 'tricky', label: 'Mail, "primary"', type: 'email', required: true, order: 9 },
          { key: 'formula', label: '@Score', type: 'number', required: false, order: 10 },
        ],
      },
    ];
    for (const schema of schemas) {
      const [headers = [], example = []] = parseCsv(csvTemplate(schema));
      const mapping = mapHeaders(schema, headers);
      expect(mapping.unmapped).toEqual([]);
      expect(mapping.missingRequired).toEqual([]);
      expect(mapping.duplicated).toEqual([]);
      expect(mapping.columns).toEqual(
        normalizeLeadFormSchema(schema).fields.map((field) => field.key),
      );
      expect(validateCsvRow(schema, mapping.columns, example)).toMatchObject({ ok: true });
      expect(isCsvTemplateExampleRow(schema, mapping.columns, example)).toBe(true);
    }
  });

  it('recognises the untouched example row only', () => {
    const { columns } = mapHeaders(
      DEFAULT_LEAD_FORM_SCHEMA,
      csvTemplateHeaders(DEFAULT_LEAD_FORM_SCHEMA),
    );
    expect(
      isCsvTemplateExampleRow(DEFAULT_LEAD_FORM_SCHEMA, columns, [
        'Ada',
        'Lovelace',
        'ada@example.com',
        'Example Inc.',
      ]),
    ).toBe(true);
    expect(
      isCsvTemplateExampleRow(DEFAULT_LEAD_FORM_SCHEMA, columns, [
        'Ada',
        'Lovelace',
        'ada@acme.com',
        'Acme',
      ]),
    ).toBe(false);
    expect(isCsvTemplateExampleRow(DEFAULT_LEAD_FORM_SCHEMA, [null], ['Ada'])).toBe(false);
  });

  describe('with few columns mapped', () => {
    const schema: LeadFormSchema = {
      fields: [
        ...createDefaultLeadFormSchema().fields,
        { key: 'seats', label: 'Seats', type: 'number', required: false, order: 5 },
      ],
    };

    it('never skips a real row whose only mapped cell equals the example (Seats "100")', () => {
      expect(csvTemplateExampleRow(schema)[4]).toBe('100');
      expect(
        isCsvTemplateExampleRow(
          schema,
          [null, null, null, null, 'seats'],
          ['Jane', 'Doe', 'jane@acme.test', 'Acme', '100'],
        ),
      ).toBe(false);
      expect(isCsvTemplateExampleRow(schema, ['seats'], ['100'])).toBe(false);
      expect(isCsvTemplateExampleRow(schema, ['firstName', 'seats'], ['Ada', '100'])).toBe(false);
    });

    it('needs the example email present, then every other mapped cell equal too', () => {
      expect(isCsvTemplateExampleRow(schema, ['email', 'seats'], ['ada@example.com', '100'])).toBe(
        true,
      );
      expect(isCsvTemplateExampleRow(schema, ['email'], [' ada@example.com '])).toBe(true);
      expect(isCsvTemplateExampleRow(schema, ['email', 'seats'], ['', '100'])).toBe(false);
      expect(isCsvTemplateExampleRow(schema, ['email', 'seats'], ['ada@example.com'])).toBe(false);
      expect(isCsvTemplateExampleRow(schema, ['email', 'seats'], ['ada@example.com', '250'])).toBe(
        false,
      );
      expect(isCsvTemplateExampleRow(schema, ['seats', 'email'], ['100', 'jane@acme.test'])).toBe(
        false,
      );
    });
  });

  it('keeps each schema object its own example, and callers cannot change it', () => {
    const field = {
      key: 'sector',
      label: 'Sector',
      type: 'text',
      required: false,
      order: 5,
    } as const;
    const retail: LeadFormSchema = {
      fields: [...createDefaultLeadFormSchema().fields, { ...field, placeholder: 'Retail' }],
    };
    const banking: LeadFormSchema = {
      fields: [...createDefaultLeadFormSchema().fields, { ...field, placeholder: 'Banking' }],
    };
    const columns = ['email', 'sector'];
    expect(isCsvTemplateExampleRow(retail, columns, ['ada@example.com', 'Retail'])).toBe(true);
    expect(isCsvTemplateExampleRow(banking, columns, ['ada@example.com', 'Retail'])).toBe(false);
    expect(isCsvTemplateExampleRow(banking, columns, ['ada@example.com', 'Banking'])).toBe(true);

    const row = csvTemplateExampleRow(retail);
    row[2] = 'changed@acme.test';
    row[4] = 'Changed';
    expect(csvTemplateExampleRow(retail).slice(2)).toEqual([
      'ada@example.com',
      'Example Inc.',
      'Retail',
    ]);
    expect(isCsvTemplateExampleRow(retail, columns, ['ada@example.com', 'Retail'])).toBe(true);
    expect(csvTemplate(retail)).toContain(
      '\r\nAda,Lovelace,ada@example.com,Example Inc.,Retail\r\n',
    );
  });
});
