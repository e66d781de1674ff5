import { sampleField } from '../../test/fixtures.js';
import { validateField } from './field-validator.js';
import type { FormField } from './form-schema.js';

function value(field: FormField, input: unknown) {
  const result = validateField(field, input);
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function code(field: FormField, input: unknown) {
  const result = validateField(field, input);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error.code;
}

const optional = (field: FormField): FormField => ({ ...field, required: false });
const required = (field: FormField): FormField => ({ ...field, required: true });

describe('validateField', () => {
  describe('text', () => {
    const text = sampleField('industry');
    it('trims and folds line breaks', () => {
      expect(value(text, '  SaaS  ')).toBe('SaaS');
      expect(value(text, 'Soft\r\nware')).toBe('Soft ware');
    });
    it('allows 255 characters and refuses 256', () => {
      expect(value(text, 'a'.repeat(255))).toHaveLength(255);
      expect(code(text, 'a'.repeat(256))).toBe('too_long');
      expect(validateField(text, 'a'.repeat(256))).toMatchObject({
        error: { params: { max: 255 }, message: 'Industry must be at most 255 characters' },
      });
    });
    it('counts astral characters once', () => {
      expect(value(text, '😀'.repeat(255))).toBe('😀'.repeat(255));
    });
    it('refuses control characters and lone surrogates', () => {
      expect(code(text, 'a\u0000b')).toBe('invalid_characters');
      expect(code(text, 'a\u0007b')).toBe('invalid_characters');
      expect(code(text, 'a\ud800b')).toBe('invalid_characters');
      expect(code(text, 'a\udc00')).toBe('invalid_characters');
    });
    it('refuses non-strings', () => {
      expect(code(text, 42)).toBe('invalid_type');
      expect(code(text, { a: 1 })).toBe('invalid_type');
      expect(code(text, ['a'])).toBe('invalid_type');
    });
    it('treats empty as null when optional and as required otherwise', () => {
      expect(value(text, '   ')).toBeNull();
      expect(value(text, undefined)).toBeNull();
      expect(value(text, null)).toBeNull();
      expect(code(required(text), '  ')).toBe('required');
      expect(code(required(text), undefined)).toBe('required');
    });
  });

  describe('built-in names', () => {
    it('limits first name, last name and company to 200 characters', () => {
      for (const key of ['firstName', 'lastName', 'company']) {
        expect(value(optional(sampleField(key)), 'a'.repeat(200))).toHaveLength(200);
        expect(code(optional(sampleField(key)), 'a'.repeat(201))).toBe('too_long');
      }
    });
    it('points errors at the top-level key', () => {
      const result = validateField(sampleField('firstName'), '');
      expect(result).toEqual({
        ok: false,
        error: {
          field: 'firstName',
          code: 'required',
          message: 'First name is required',
          params: { label: 'First name' },
        },
      });
    });
    it('requires email even when the field claims it is optional', () => {
      expect(code(optional(sampleField('email')), '')).toBe('required');
    });
  });

  describe('textarea', () => {
    const notes = sampleField('notes');
    it('keeps line breaks (normalised to LF) and allows 5000 characters', () => {
      expect(value(notes, 'line 1\r\nline 2\rline 3')).toBe('line 1\nline 2\nline 3');
      expect(value(notes, 'a'.repeat(5000))).toHaveLength(5000);
      expect(code(notes, 'a'.repeat(5001))).toBe('too_long');
    });
    it('is required when marked so', () => {
      expect(code(required(notes), '')).toBe('required');
    });
  });

  describe('email', () => {
    const email = sampleField('billingEmail');
    it.each([
      'ada@example.com',
      'ada.lovelace+leads@mail.example.co.uk',
      "o'brien@example.ie",
      'jürgen@müller.de',
      'x@xn--mller-kva.de',
    ])('accepts %s', (address) => {
      expect(value(email, ` ${address} `)).toBe(address);
    });
    it.each([
      'ada',
      'ada@',
      '@example.com',
      'ada@example',
      'ada@@example.com',
      'ada@exa mple.com',
      'ada..l@example.com',
      '.ada@example.com',
      'ada.@example.com',
      'ada@-example.com',
      'ada@example.c',
      'ada@example.123',
      '"ada"@example.com',
      'ada@[127.0.0.1]',
    ])('refuses %s', (address) => {
      expect(code(email, address)).toBe('invalid_email');
    });
    it('refuses addresses over 254 characters', () => {
      const long = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(20)}.com`;
      expect(long.length).toBeGreaterThan(254);
      expect(code(email, long)).toBe('too_long');
    });
    it('refuses local parts over 64 characters', () => {
      expect(code(email, `${'a'.repeat(65)}@example.com`)).toBe('invalid_email');
    });
    it('says which field is wrong', () => {
      expect(validateField(email, 'nope')).toMatchObject({
        error: {
          field: 'fields.billingEmail',
          message: 'Billing email must be a valid email address',
        },
      });
    });
    it('is optional unless required', () => {
      expect(value(email, '')).toBeNull();
      expect(code(required(email), '')).toBe('required');
    });
  });

  describe('phone', () => {
    const phone = sampleField('phone');
    it.each([
      ['+49 30 1234567', '+49 30 1234567'],
      ['(555) 010-0123', '(555) 010-0123'],
      ['555.010.0123', '555.010.0123'],
      ['1234567', '1234567'],
      ['+1  555   0100123', '+1 555 0100123'],
      ['12345678901234567890', '12345678901234567890'],
    ])('accepts %s', (input, expected) => {
      expect(value(phone, input)).toBe(expected);
    });
    it.each([
      '123456',
      '123456789012345678901',
      '555-CALL-NOW',
      '49+30 123456',
      '+49 (30) 123 456 #2',
      'ext. 1234567',
    ])('refuses %s', (input) => {
      expect(code(phone, input)).toBe('invalid_phone');
    });
    it('is required when marked so', () => {
      expect(code(required(phone), ' ')).toBe('required');
    });
  });

  describe('url', () => {
    const url = sampleField('website');
    it.each([
      ['https://example.com', 'https://example.com'],
      ['http://example.com/path?q=1#top', 'http://example.com/path?q=1#top'],
      ['example.com', 'https://example.com'],
      ['www.Example.COM/About', 'https://www.example.com/About'],
      ['HTTPS://EXAMPLE.com', 'https://example.com'],
      ['example.com:8080/x', 'https://example.com:8080/x'],
      ['//cdn.example.com/a', 'https://cdn.example.com/a'],
      ['192.168.1.10', 'https://192.168.1.10'],
      ['münchen.de', 'https://münchen.de'],
    ])('accepts %s as %s', (input, expected) => {
      expect(value(url, input)).toBe(expected);
    });
    it.each([
      'javascript:alert(1)',
      'ftp://example.com',
      'mailto:ada@example.com',
      'data:text/html,hi',
      'https://exa mple.com',
      'https://user:pw@example.com',
      'localhost',
      'https://',
      'https://example',
      'https://example.com:99999',
      'not a url',
    ])('refuses %s', (input) => {
      expect(code(url, input)).toBe('invalid_url');
    });
    it('refuses URLs over 2048 characters', () => {
      expect(code(url, `https://example.com/${'a'.repeat(2040)}`)).toBe('too_long');
    });
    it('is required when marked so', () => {
      expect(code(required(url), '')).toBe('required');
    });
  });

  describe('number', () => {
    const budget = sampleField('budget');
    it.each([
      [1200, 1200],
      [-3.5, -3.5],
      [0, 0],
      ['1200', 1200],
      [' 12.5 ', 12.5],
      ['-4', -4],
      ['.5', 0.5],
      ['1e3', 1000],
    ])('accepts %p as %p', (input, expected) => {
      expect(value(budget, input)).toBe(expected);
    });
    it.each([Number.NaN, Number.POSITIVE_INFINITY, '12abc', '1,200', '1e400', 'twelve', true])(
      'refuses %p',
      (input) => {
        expect(code(budget, input)).toBe('invalid_number');
      },
    );
    it('says "must be a number"', () => {
      expect(validateField(budget, 'lots')).toMatchObject({
        error: { message: 'Budget must be a number' },
      });
    });
    it('treats empty as missing', () => {
      expect(code(budget, '')).toBe('required');
      expect(value(optional(budget), '')).toBeNull();
    });
  });

  describe('select', () => {
    const size = sampleField('size');
    it('accepts an option value', () => {
      expect(value(size, 'medium')).toBe('medium');
      expect(value(size, ' large ')).toBe('large');
    });
    it('refuses anything else, naming the value', () => {
      expect(code(size, 'huge')).toBe('invalid_option');
      expect(code(size, 'Medium')).toBe('invalid_option');
      expect(code(size, '11 to 100')).toBe('invalid_option');
      expect(validateField(size, 'huge')).toMatchObject({
        error: {
          params: { value: 'huge' },
          message: 'Company size: "huge" is not one of the options',
        },
      });
      expect(code(size, 3)).toBe('invalid_type');
    });
    it('is optional unless required', () => {
      expect(value(size, '')).toBeNull();
      expect(code(required(size), '')).toBe('required');
    });
  });

  describe('multiselect', () => {
    const products = sampleField('products');
    it('accepts option values, trimmed and de-duplicated', () => {
      expect(value(products, ['crm', ' bi ', 'crm'])).toEqual(['crm', 'bi']);
    });
    it('refuses unknown values and non-arrays', () => {
      expect(code(products, ['crm', 'hr'])).toBe('invalid_option');
      expect(validateField(products, ['hr', 'ops'])).toMatchObject({
        error: { params: { value: 'hr, ops' } },
      });
      expect(code(products, 'crm')).toBe('invalid_type');
      expect(code(products, ['crm', 3])).toBe('invalid_type');
    });
    it('treats an empty selection as missing', () => {
      expect(value(products, [])).toBeNull();
      expect(value(products, ['', ' '])).toBeNull();
      expect(code(required(products), [])).toBe('required');
    });
  });

  describe('checkbox', () => {
    const consent = sampleField('consent');
    it('accepts booleans; a required checkbox must be checked', () => {
      expect(value(consent, true)).toBe(true);
      expect(code(consent, false)).toBe('required');
      expect(code(consent, undefined)).toBe('required');
      expect(value(optional(consent), false)).toBe(false);
      expect(value(optional(consent), undefined)).toBe(false);
    });
    it('refuses non-booleans', () => {
      expect(code(consent, 'yes')).toBe('invalid_checkbox');
      expect(code(consent, 1)).toBe('invalid_checkbox');
    });
  });

  describe('date', () => {
    const start = sampleField('startDate');
    it.each(['2025-01-31', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])(
      'accepts %s',
      (date) => {
        expect(value(start, date)).toBe(date);
      },
    );
    it.each([
      '2025-02-29',
      '1900-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '2025-01-00',
      '0000-01-01',
      '2025-1-5',
      '31.01.2025',
      '2025-01-31T10:00:00Z',
      'tomorrow',
    ])('refuses %s', (date) => {
      expect(code(start, date)).toBe('invalid_date');
    });
    it('refuses non-strings and treats empty as missing', () => {
      expect(code(start, 20250131)).toBe('invalid_date');
      expect(code(start, '2025-01-31'.repeat(50))).toBe('invalid_date');
      expect(value(start, '')).toBeNull();
      expect(code(required(start), '')).toBe('required');
    });
  });

  it('localises messages', () => {
    expect(validateField(sampleField('budget'), 'x', 'de')).toMatchObject({
      error: { message: 'Budget muss eine Zahl sein' },
    });
  });
});
