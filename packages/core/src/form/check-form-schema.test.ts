import { SAMPLE_SCHEMA } from '../../test/fixtures.js';
import { createDefaultLeadFormSchema, DEFAULT_LEAD_FORM_SCHEMA } from './built-in-fields.js';
import { checkApplicationQuestions, checkLeadFormSchema } from './check-form-schema.js';
import type { FormField, LeadFormSchema } from './form-schema.js';
import { normalizeLeadFormSchema } from './normalize-form-schema.js';

const custom = (field: Partial<FormField> & { key: string }): FormField => ({
  label: field.key,
  type: 'text',
  required: false,
  order: 10,
  ...field,
});

const withFields = (...fields: FormField[]): LeadFormSchema => ({
  fields: [...createDefaultLeadFormSchema().fields, ...fields],
});

function errorsOf(input: unknown) {
  const result = checkLeadFormSchema(input);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((error) => [error.field, error.code]);
}

describe('DEFAULT_LEAD_FORM_SCHEMA', () => {
  it('has the four built-ins with email required', () => {
    expect(
      DEFAULT_LEAD_FORM_SCHEMA.fields.map((field) => [field.key, field.type, field.required]),
    ).toEqual([
      ['firstName', 'text', false],
      ['lastName', 'text', false],
      ['email', 'email', true],
      ['company', 'text', false],
    ]);
    expect(DEFAULT_LEAD_FORM_SCHEMA.fields.every((field) => field.builtIn)).toBe(true);
  });

  it('is frozen so no caller can change it for everyone', () => {
    expect(Object.isFrozen(DEFAULT_LEAD_FORM_SCHEMA.fields)).toBe(true);
    expect(Object.isFrozen(DEFAULT_LEAD_FORM_SCHEMA.fields[0])).toBe(true);
    const copy = createDefaultLeadFormSchema();
    copy.fields.push(custom({ key: 'x' }));
    expect(DEFAULT_LEAD_FORM_SCHEMA.fields).toHaveLength(4);
  });
});

describe('checkLeadFormSchema', () => {
  it('accepts the default and the sample schema', () => {
    expect(checkLeadFormSchema(DEFAULT_LEAD_FORM_SCHEMA)).toEqual({
      ok: true,
      value: normalizeLeadFormSchema(DEFAULT_LEAD_FORM_SCHEMA),
    });
    expect(checkLeadFormSchema(SAMPLE_SCHEMA).ok).toBe(true);
  });

  it('lets built-ins be relabelled, reordered and made required', () => {
    const schema: LeadFormSchema = {
      fields: [
        { key: 'company', label: 'Account', type: 'text', required: true, order: 0 },
        { key: 'email', label: 'Work email', type: 'email', required: true, order: 1 },
        { key: 'lastName', label: 'Surname', type: 'text', required: true, order: 2 },
        { key: 'firstName', label: 'Given name', type: 'text', required: true, order: 3 },
      ],
    };
    const result = checkLeadFormSchema(schema);
    expect(result.ok && result.value.fields.map((field) => field.label)).toEqual([
      'Account',
      'Work email',
      'Surname',
      'Given name',
    ]);
  });

  it('refuses removing or retyping built-ins and optional email', () => {
    const fields = createDefaultLeadFormSchema().fields;
    expect(errorsOf({ fields: fields.filter((field) => field.key !== 'company') })).toEqual([
      ['fields', 'builtin_missing'],
    ]);
    expect(
      errorsOf({
        fields: fields.map((field) =>
          field.key === 'email' ? { ...field, type: 'text', required: false } : field,
        ),
      }),
    ).toEqual([
      ['fields.2.type', 'builtin_retyped'],
      ['fields.2.required', 'builtin_optional'],
    ]);
    expect(
      errorsOf({
        fields: fields.map((field) =>
          field.key === 'firstName' ? { ...field, type: 'textarea' } : field,
        ),
      }),
    ).toEqual([['fields.0.type', 'builtin_retyped']]);
  });

  it('checks key shape and uniqueness', () => {
    expect(errorsOf(withFields(custom({ key: 'Budget' })))).toEqual([
      ['fields.4.key', 'invalid_key'],
    ]);
    expect(errorsOf(withFields(custom({ key: '1st' })))).toEqual([['fields.4.key', 'invalid_key']]);
    expect(errorsOf(withFields(custom({ key: 'a-b' })))).toEqual([['fields.4.key', 'invalid_key']]);
    expect(errorsOf(withFields(custom({ key: `a${'b'.repeat(50)}` })))).toEqual([
      ['fields.4.key', 'invalid_key'],
    ]);
    expect(checkLeadFormSchema(withFields(custom({ key: `a${'b'.repeat(49)}` }))).ok).toBe(true);
    expect(errorsOf(withFields(custom({ key: 'constructor' })))).toEqual([
      ['fields.4.key', 'invalid_key'],
    ]);
    expect(
      errorsOf(
        withFields(custom({ key: 'budget', label: 'A' }), custom({ key: 'budget', label: 'B' })),
      ),
    ).toEqual([['fields.5.key', 'duplicate_key']]);
    expect(errorsOf(withFields(custom({ key: 'email', label: 'Other' })))).toEqual([
      ['fields.4.key', 'duplicate_key'],
    ]);
  });

  it('refuses labels that would be indistinguishable CSV headers', () => {
    expect(
      errorsOf(
        withFields(custom({ key: 'a', label: 'Budget' }), custom({ key: 'b', label: 'budget *' })),
      ),
    ).toEqual([['fields.5.label', 'duplicate_label']]);
  });

  it('checks label length', () => {
    expect(errorsOf(withFields(custom({ key: 'a', label: '' })))).toEqual([
      ['fields.4.label', 'required'],
    ]);
    expect(errorsOf(withFields(custom({ key: 'a', label: '   ' })))).toEqual([
      ['fields.4.label', 'required'],
    ]);
    expect(errorsOf(withFields(custom({ key: 'a', label: 'x'.repeat(101) })))).toEqual([
      ['fields.4.label', 'too_long'],
    ]);
    expect(checkLeadFormSchema(withFields(custom({ key: 'a', label: 'x'.repeat(100) }))).ok).toBe(
      true,
    );
  });

  it('requires unique options for select and multiselect and forbids them elsewhere', () => {
    expect(errorsOf(withFields(custom({ key: 'a', type: 'select' })))).toEqual([
      ['fields.4.options', 'options_required'],
    ]);
    expect(errorsOf(withFields(custom({ key: 'a', type: 'multiselect', options: [] })))).toEqual([
      ['fields.4.options', 'options_required'],
    ]);
    expect(
      errorsOf(
        withFields(
          custom({
            key: 'a',
            type: 'select',
            options: [
              { value: 'x', label: 'X' },
              { value: 'X', label: 'Other' },
              { value: 'y', label: 'x ' },
            ],
          }),
        ),
      ),
    ).toEqual([
      ['fields.4.options.1.value', 'duplicate_option'],
      ['fields.4.options.2.label', 'duplicate_option'],
    ]);
    expect(
      errorsOf(
        withFields(custom({ key: 'a', type: 'text', options: [{ value: 'x', label: 'X' }] })),
      ),
    ).toEqual([['fields.4.options', 'options_forbidden']]);
    expect(
      errorsOf(
        withFields(custom({ key: 'a', type: 'select', options: [{ value: '', label: 'X' }] })),
      ),
    ).toEqual([['fields.4.options.0.value', 'required']]);
  });

  it('allows at most 50 fields', () => {
    const many = (count: number) =>
      withFields(
        ...Array.from({ length: count }, (_, i) => custom({ key: `f${i}`, label: `F${i}` })),
      );
    expect(checkLeadFormSchema(many(46)).ok).toBe(true);
    expect(errorsOf(many(47))).toEqual([['fields', 'too_many']]);
  });

  it('reports shape errors with paths and readable messages', () => {
    const result = checkLeadFormSchema({
      fields: [{ key: 'a', label: 'A', type: 'colour', required: 'yes', order: 1, extra: 1 }],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          field: 'fields.0.type',
          code: 'invalid_option',
          message: 'Type: "colour" is not one of the options',
        }),
        expect.objectContaining({ field: 'fields.0.required', code: 'invalid_type' }),
      ],
    });
    expect(errorsOf({})).toEqual([['fields', 'required']]);
    expect(errorsOf(null)).toEqual([['', 'invalid_type']]);
  });

  it('localises schema errors', () => {
    const result = checkLeadFormSchema(withFields(custom({ key: 'a', type: 'select' })), {
      locale: 'de',
    });
    expect(!result.ok && result.errors[0]?.message).toBe(
      'a benötigt mindestens eine Auswahlmöglichkeit',
    );
  });
});

describe('normalizeLeadFormSchema', () => {
  it('sorts by order, keeps ties in place and renumbers', () => {
    const schema = withFields(
      custom({ key: 'b', order: 2 }),
      custom({ key: 'a', order: -1 }),
      custom({ key: 'c', order: 2 }),
    );
    const normalized = normalizeLeadFormSchema(schema);
    expect(normalized.fields.map((field) => field.key)).toEqual([
      'a',
      'firstName',
      'lastName',
      'email',
      'b',
      'c',
      'company',
    ]);
    expect(normalized.fields.map((field) => field.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('fills in missing built-ins and canonicalises them without mutating the input', () => {
    const input: LeadFormSchema = {
      fields: [
        { key: 'email', label: 'Mail', type: 'text', required: false, order: 5, options: [] },
        custom({ key: 'budget', builtIn: true, order: 1 }),
      ],
    };
    const snapshot = JSON.stringify(input);
    const normalized = normalizeLeadFormSchema(input);
    expect(JSON.stringify(input)).toBe(snapshot);
    expect(normalized.fields).toEqual([
      { key: 'budget', label: 'budget', type: 'text', required: false, order: 0 },
      { key: 'email', label: 'Mail', type: 'email', required: true, order: 1, builtIn: true },
      {
        key: 'firstName',
        label: 'First name',
        type: 'text',
        required: false,
        order: 2,
        builtIn: true,
      },
      {
        key: 'lastName',
        label: 'Last name',
        type: 'text',
        required: false,
        order: 3,
        builtIn: true,
      },
      { key: 'company', label: 'Company', type: 'text', required: false, order: 4, builtIn: true },
    ]);
  });
});

describe('checkApplicationQuestions', () => {
  const question = (key: string, order: number) => ({
    key,
    label: `Question ${key}`,
    type: 'text' as const,
    required: false,
    order,
  });

  it('accepts no questions, and sorts and renumbers the ones given', () => {
    expect(checkApplicationQuestions({ fields: [] })).toEqual({ ok: true, value: { fields: [] } });
    const result = checkApplicationQuestions({
      fields: [question('second', 5), question('first', 2)],
    });
    expect(result.ok && result.value.fields.map((f) => [f.key, f.order])).toEqual([
      ['first', 0],
      ['second', 1],
    ]);
  });

  it('refuses the built-in keys (asked apart) and the lead form’s own mistakes, by field', () => {
    const result = checkApplicationQuestions({
      fields: [
        { ...question('email', 0), type: 'textarea' },
        question('dup', 1),
        question('dup', 2),
        { ...question('pick', 3), type: 'select' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['fields.2.key', 'duplicate_key'],
      ['fields.2.label', 'duplicate_label'],
      ['fields.3.options', 'options_required'],
      ['fields.0.key', 'invalid_key'],
    ]);
  });
});
