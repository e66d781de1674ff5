import { SAMPLE_SCHEMA } from '../../test/fixtures.js';
import { createDefaultLeadFormSchema, DEFAULT_LEAD_FORM_SCHEMA } from '../form/built-in-fields.js';
import type { LeadFormSchema } from '../form/form-schema.js';
import { mapHeaders, matchHeader } from './header-mapper.js';
import { normalizeHeader } from './header-normalizer.js';

describe('normalizeHeader', () => {
  it.each([
    ['  Email  ', 'email'],
    ['\ufeffEmail', 'email'],
    ['E-Mail *', 'e mail'],
    ['Email*', 'email'],
    ['Email (required)', 'email'],
    ['Email (Required) *', 'email'],
    ['Company (pflichtfeld)', 'company'],
    ['Fírst Nâme', 'first name'],
    ['first_name', 'first name'],
    ['Company/Account Name', 'company account name'],
    ['Straße', 'strasse'],
    ['ＥＭＡＩＬ', 'email'],
    ['Телефон', 'телефон'],
    ['***', ''],
    ['', ''],
  ])('normalises %j to %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe('mapHeaders', () => {
  const schema = DEFAULT_LEAD_FORM_SCHEMA;

  it.each([
    [
      'email',
      [
        'Email',
        'email',
        'E-mail',
        'Email Address',
        'mail',
        'Work Email',
        'E-mail address',
        'EMAIL_ADDRESS',
        'E-Mail-Adresse',
      ],
    ],
    [
      'firstName',
      ['First name', 'firstName', 'FirstName', 'first_name', 'Given name', 'First', 'Vorname'],
    ],
    ['lastName', ['Last name', 'lastname', 'Surname', 'Family name', 'Last', 'Nachname']],
    [
      'company',
      [
        'Company',
        'Company name',
        'Organisation',
        'Organization',
        'Account',
        'Business',
        'Company/Account name',
        'Firma',
      ],
    ],
  ])('maps the aliases of %s', (key, headers) => {
    for (const header of headers)
      expect([header, matchHeader(schema, header)]).toEqual([header, key]);
  });

  it('maps a typical CRM export', () => {
    expect(
      mapHeaders(schema, ['\ufeffFirst Name', 'Last Name', 'E-mail *', 'Company Name', 'Phone']),
    ).toEqual({
      columns: ['firstName', 'lastName', 'email', 'company', null],
      unmapped: ['Phone'],
      unmappedIndexes: [4],
      missingRequired: [],
      duplicated: [],
    });
  });

  it('maps custom fields by label and by key', () => {
    const mapping = mapHeaders(SAMPLE_SCHEMA, [
      'Email',
      'First name',
      'company size',
      'startDate',
      'Budget *',
      'CONSENT',
    ]);
    expect(mapping.columns).toEqual([
      'email',
      'firstName',
      'size',
      'startDate',
      'budget',
      'consent',
    ]);
    expect(mapping.missingRequired).toEqual([]);
  });

  it('reports required fields without a column', () => {
    const mapping = mapHeaders(SAMPLE_SCHEMA, ['First name', 'Notes']);
    expect(mapping.missingRequired).toEqual(['email', 'budget', 'consent']);
    expect(mapHeaders(schema, []).missingRequired).toEqual(['email']);
  });

  it('lets the first of two matching columns win and reports the duplicate', () => {
    const mapping = mapHeaders(schema, ['Email', 'Name', 'Email address', 'E-mail']);
    expect(mapping.columns).toEqual(['email', null, null, null]);
    expect(mapping.duplicated).toEqual(['email']);
    expect(mapping.unmapped).toEqual(['Name', 'Email address', 'E-mail']);
    expect(mapping.unmappedIndexes).toEqual([1, 2, 3]);
  });

  it('applies overrides before automatic matches', () => {
    const headers = ['Email', 'Contact', 'Notes', 'Company'];
    expect(mapHeaders(schema, headers, { 1: 'email', 3: null }).columns).toEqual([
      null,
      'email',
      null,
      null,
    ]);
    expect(mapHeaders(schema, headers, { 1: 'email' }).duplicated).toEqual(['email']);
    expect(mapHeaders(SAMPLE_SCHEMA, headers, { 2: 'notes' }).columns).toEqual([
      'email',
      null,
      'notes',
      'company',
    ]);
    expect(mapHeaders(schema, headers, { 1: 'nonsense' }).columns).toEqual([
      'email',
      null,
      null,
      'company',
    ]);
    expect(mapHeaders(schema, headers, { 1: 'email', 2: 'email' })).toMatchObject({
      columns: [null, 'email', null, 'company'],
      duplicated: ['email'],
    });
  });

  it('prefers a field label over a built-in alias', () => {
    const custom: LeadFormSchema = {
      fields: [
        ...createDefaultLeadFormSchema().fields,
        { key: 'accountId', label: 'Account', type: 'text', required: false, order: 9 },
      ],
    };
    expect(mapHeaders(custom, ['Account', 'Business']).columns).toEqual(['accountId', 'company']);
  });

  it('follows a relabelled built-in', () => {
    const relabelled: LeadFormSchema = {
      fields: createDefaultLeadFormSchema().fields.map((field) =>
        field.key === 'company' ? { ...field, label: 'Kunde' } : field,
      ),
    };
    expect(mapHeaders(relabelled, ['Kunde', 'Company']).columns).toEqual(['company', null]);
  });

  it('ignores empty headers and reads neutralised ones', () => {
    const mapping = mapHeaders(schema, ['', '  ', "'=Email"]);
    expect(mapping.columns).toEqual([null, null, 'email']);
    expect(mapping.unmapped).toEqual(['', '  ']);
  });
});
