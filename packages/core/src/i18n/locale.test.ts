import { interpolate } from './interpolate.js';
import { isLocale, localeSchema, resolveLocale, SUPPORTED_LOCALES } from './locale.js';

describe('locales', () => {
  it('supports English and German', () => {
    expect(SUPPORTED_LOCALES).toEqual(['en', 'de']);
    expect(isLocale('de')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(localeSchema.safeParse('en').success).toBe(true);
    expect(localeSchema.safeParse('EN').success).toBe(false);
  });

  it('resolves BCP 47 tags and browser preference lists', () => {
    expect(resolveLocale('de-AT')).toBe('de');
    expect(resolveLocale('DE_ch')).toBe('de');
    expect(resolveLocale(['fr-FR', 'de-DE', 'en'])).toBe('de');
    expect(resolveLocale(['fr'])).toBe('en');
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
