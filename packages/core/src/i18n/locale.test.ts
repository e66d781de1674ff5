import { interpolate } from './interpolate.js';
import { isLocale, localeSchema, resolveLocale, SUPPORTED_LOCALES } from './locale.js';

describe('locales', () => {
  it('supports seven languages, Portuguese as spoken in Brazil', () => {
    expect(SUPPORTED_LOCALES).toEqual(['en', 'de', 'fr', 'es', 'pt-BR', 'it', 'nl']);
    expect(isLocale('de')).toBe(true);
    expect(isLocale('pt-BR')).toBe(true);
    expect(isLocale('pt')).toBe(false);
    expect(isLocale('sv')).toBe(false);
    expect(localeSchema.safeParse('en').success).toBe(true);
    expect(localeSchema.safeParse('EN').success).toBe(false);
  });

  it('resolves BCP 47 tags and browser preference lists', () => {
    expect(resolveLocale('de-AT')).toBe('de');
    expect(resolveLocale('DE_ch')).toBe('de');
    expect(resolveLocale(['sv-SE', 'de-DE', 'en'])).toBe('de');
    expect(resolveLocale(['fr-CA', 'en'])).toBe('fr');
    expect(resolveLocale('pt-br')).toBe('pt-BR');
    expect(resolveLocale('pt_PT')).toBe('pt-BR');
    expect(resolveLocale('es-419')).toBe('es');
    expect(resolveLocale('nl-BE')).toBe('nl');
    expect(resolveLocale(['sv'])).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(resolveLocale('')).toBe('en');
  });
});

describe('interpolate', () => {
  it('fills placeholders once, with fallbacks', () => {
    expect(interpolate('{label} is {what}', { label: 'Email', what: 'required' })).toBe(
      'Email is required',
    );
    expect(interpolate('{label} is required', {}, { label: 'This field' })).toBe(
      'This field is required',
    );
    expect(interpolate('{label}!', { label: '{label}' })).toBe('{label}!');
    expect(interpolate('{n} items', { n: 0 })).toBe('0 items');
  });
});
