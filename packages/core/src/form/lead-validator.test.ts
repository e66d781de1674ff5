import fc from 'fast-check';
import { SAMPLE_SCHEMA, VALID_INPUT } from '../../test/fixtures.js';
import { DEFAULT_LEAD_FORM_SCHEMA } from './built-in-fields.js';
import { fieldErrorMessage } from './field-error-messages.js';
import { isFieldErrorCode } from './field-errors.js';
import type { LeadFormSchema } from './form-schema.js';
import type { LeadData, LeadPatch } from './lead-data.js';
import { validateLead } from './lead-validator.js';

function errorsOf(result: ReturnType<typeof validateLead>) {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('validateLead', () => {
  it('normalises a valid lead', () => {
    const result = validateLead(SAMPLE_SCHEMA, {
      email: '  Ada@Example.com ',
      firstName: ' Ada ',
      lastName: '',
      company: 'Analytical Engines',
      fields: {
        industry: ' Computing ',
        notes: 'a\r\nb',
        billingEmail: 'billing@example.com',
        phone: '+44 20 7946 0018',
        website: 'example.com',
        budget: '1,200'.replace(',', ''),
        size: 'small',
        products: ['crm', 'bi'],
        consent: true,
        startDate: '2025-03-01',
      },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        email: 'Ada@Example.com',
        firstName: 'Ada',
        lastName: null,
        company: 'Analytical Engines',
        fields: {
          industry: 'Computing',
          notes: 'a\nb',
          billingEmail: 'billing@example.com',
          phone: '+44 20 7946 0018',
          website: 'https://example.com',
          budget: 1200,
          size: 'small',
          products: ['crm', 'bi'],
          consent: true,
          startDate: '2025-03-01',
        },
      },
    });
  });

  it('types full results as LeadData and partial ones as LeadPatch', () => {
    const full = validateLead(SAMPLE_SCHEMA, VALID_INPUT);
    const data: LeadData | null = full.ok ? full.value : null;
    const edit = validateLead(SAMPLE_SCHEMA, { company: 'Acme' }, { partial: true });
    const patch: LeadPatch | null = edit.ok ? edit.value : null;
    expect(data?.email).toBe('ada@example.com');
    expect(patch).toEqual({ company: 'Acme' });
  });

  it('leaves out empty optional custom fields', () => {
    const result = validateLead(SAMPLE_SCHEMA, {
      ...VALID_INPUT,
      fields: { ...VALID_INPUT.fields, notes: '  ', products: [] },
    });
    expect(result.ok && result.value.fields).toEqual({ budget: 1200, consent: true });
  });

  it('works with the default schema', () => {
    expect(validateLead(DEFAULT_LEAD_FORM_SCHEMA, { email: 'a@b.co' })).toEqual({
      ok: true,
      value: { email: 'a@b.co', firstName: null, lastName: null, company: null, fields: {} },
    });
  });

  it('reports every error, in form order, then unknown properties', () => {
    const errors = errorsOf(
      validateLead(SAMPLE_SCHEMA, {
        email: 'not-an-email',
        lastName: 'x'.repeat(201),
        phone: '123',
        fields: {
          website: 'javascript:alert(1)',
          budget: 'lots',
          size: 'huge',
          consent: false,
          startDate: '2025-02-30',
          favouriteColour: 'blue',
          email: 'dup@example.com',
        },
      }),
    );
    expect(errors.map((error) => [error.field, error.code])).toEqual([
      ['email', 'invalid_email'],
      ['firstName', 'required'],
      ['lastName', 'too_long'],
      ['fields.website', 'invalid_url'],
      ['fields.budget', 'invalid_number'],
      ['fields.size', 'invalid_option'],
      ['fields.consent', 'required'],
      ['fields.startDate', 'invalid_date'],
      ['phone', 'unknown_field'],
      ['fields.favouriteColour', 'unknown_field'],
      ['fields.email', 'unknown_field'],
    ]);
    expect(errors.map((error) => error.message)).toEqual([
      'Email must be a valid email address',
      'First name is required',
      'Last name must be at most 200 characters',
      'Website must be a web address (http or https)',
      'Budget must be a number',
      'Company size: "huge" is not one of the options',
      'Consent is required',
      'Start date must be a date in the format YYYY-MM-DD',
      '"phone" is not a field of this form',
      '"favouriteColour" is not a field of this form',
      '"email" is not a field of this form',
    ]);
  });

  it('requires email', () => {
    const errors = errorsOf(validateLead(SAMPLE_SCHEMA, { ...VALID_INPUT, email: '' }));
    expect(errors).toEqual([
      {
        field: 'email',
        code: 'required',
        message: 'Email is required',
        params: { label: 'Email' },
      },
    ]);
    expect(errorsOf(validateLead(DEFAULT_LEAD_FORM_SCHEMA, {}))[0]?.code).toBe('required');
  });

  it('uses the program labels in messages', () => {
    const schema: LeadFormSchema = {
      fields: DEFAULT_LEAD_FORM_SCHEMA.fields.map((field) =>
        field.key === 'email' ? { ...field, label: 'Work email' } : field,
      ),
    };
    expect(errorsOf(validateLead(schema, { email: '' }))[0]?.message).toBe(
      'Work email is required',
    );
  });

  it('writes messages in German', () => {
    const errors = errorsOf(
      validateLead(
        SAMPLE_SCHEMA,
        { email: 'x', fields: { budget: 'viel', extra: 1 } },
        { locale: 'de' },
      ),
    );
    expect(errors.map((error) => error.message)).toEqual([
      'Email muss eine gültige E-Mail-Adresse sein',
      'First name ist erforderlich',
      'Budget muss eine Zahl sein',
      'Consent ist erforderlich',
      '„extra“ ist kein Feld dieses Formulars',
    ]);
  });

  it('refuses input that is not an object', () => {
    for (const input of [null, undefined, 'lead', 42, [], true]) {
      expect(errorsOf(validateLead(SAMPLE_SCHEMA, input))).toEqual([
        expect.objectContaining({ field: '', code: 'invalid_type' }),
      ]);
    }
  });

  it('refuses a non-object fields property', () => {
    const errors = errorsOf(
      validateLead(DEFAULT_LEAD_FORM_SCHEMA, { email: 'a@b.co', fields: [] }),
    );
    expect(errors).toEqual([expect.objectContaining({ field: 'fields', code: 'invalid_type' })]);
  });

  it('treats null built-ins as empty', () => {
    const result = validateLead(DEFAULT_LEAD_FORM_SCHEMA, { email: 'a@b.co', company: null });
    expect(result.ok && result.value.company).toBeNull();
  });

  it('checks an unchecked optional checkbox as false', () => {
    const schema: LeadFormSchema = {
      fields: [
        ...DEFAULT_LEAD_FORM_SCHEMA.fields,
        { key: 'newsletter', label: 'Newsletter', type: 'checkbox', required: false, order: 9 },
      ],
    };
    const result = validateLead(schema, { email: 'a@b.co' });
    expect(result.ok && result.value.fields).toEqual({ newsletter: false });
  });

  describe('partial (edits)', () => {
    it('validates only the properties present', () => {
      expect(validateLead(SAMPLE_SCHEMA, { fields: { budget: '5' } }, { partial: true })).toEqual({
        ok: true,
        value: { fields: { budget: 5 } },
      });
      expect(validateLead(SAMPLE_SCHEMA, { lastName: 'Byron' }, { partial: true })).toEqual({
        ok: true,
        value: { lastName: 'Byron' },
      });
    });

    it('represents cleared optional values as null', () => {
      expect(
        validateLead(SAMPLE_SCHEMA, { company: '', fields: { notes: null } }, { partial: true }),
      ).toEqual({ ok: true, value: { company: null, fields: { notes: null } } });
    });

    it('refuses clearing a required field and still reports unknown keys', () => {
      const errors = errorsOf(
        validateLead(
          SAMPLE_SCHEMA,
          { email: ' ', firstName: null, fields: { budget: '', nope: 1 } },
          { partial: true },
        ),
      );
      expect(errors.map((error) => [error.field, error.code])).toEqual([
        ['email', 'required'],
        ['firstName', 'required'],
        ['fields.budget', 'required'],
        ['fields.nope', 'unknown_field'],
      ]);
    });

    it('validates present values fully', () => {
      const errors = errorsOf(validateLead(SAMPLE_SCHEMA, { email: 'nope' }, { partial: true }));
      expect(errors.map((error) => error.code)).toEqual(['invalid_email']);
    });
  });

  it('never throws on arbitrary JSON input', () => {
    const leadish = fc.record(
      {
        email: fc.jsonValue(),
        firstName: fc.jsonValue(),
        company: fc.jsonValue(),
        fields: fc.oneof(
          fc.jsonValue(),
          fc.dictionary(
            fc.constantFrom(
              ...SAMPLE_SCHEMA.fields.map((field) => field.key),
              '__proto__',
              'toString',
            ),
            fc.jsonValue(),
          ),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), leadish), fc.boolean(), (input, partial) => {
        const result = validateLead(SAMPLE_SCHEMA, input, { partial });
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(isFieldErrorCode(error.code)).toBe(true);
            expect(error.message).toBe(fieldErrorMessage(error.code, error.params));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on parsed JSON with prototype-looking keys', () => {
    const input = JSON.parse('{"email":"a@b.co","__proto__":{"x":1},"fields":{"__proto__":[1]}}');
    const errors = errorsOf(validateLead(SAMPLE_SCHEMA, input));
    expect(errors.some((error) => error.field === '__proto__')).toBe(true);
    expect(errors.some((error) => error.field === 'fields.__proto__')).toBe(true);
  });
});
