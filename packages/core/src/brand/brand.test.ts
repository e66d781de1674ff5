import {
  contrastRatio,
  normalizeBrandColor,
  PORTAL_SLUG_PATTERN,
  slugify,
  textColorOn,
} from './brand.js';

describe('brand colour', () => {
  it('keeps #rrggbb, lower-cased, and refuses anything else', () => {
    expect(normalizeBrandColor(' #1D4ED8 ')).toBe('#1d4ed8');
    for (const bad of ['1d4ed8', '#1d4', '#1d4ed8ff', 'red', 'rgb(0,0,0)', '#gggggg', '']) {
      expect(normalizeBrandColor(bad)).toBeNull();
    }
  });

  it('puts white text on dark accents and dark text on light ones, readable either way', () => {
    expect(textColorOn('#1d4ed8')).toBe('#ffffff');
    expect(textColorOn('#0b7285')).toBe('#ffffff');
    expect(textColorOn('#facc15')).toBe('#000000');
    expect(textColorOn('#ffffff')).toBe('#000000');
    for (const accent of ['#1d4ed8', '#facc15', '#22c55e', '#ef4444', '#777777', '#000000']) {
      // sqrt(21) ≈ 4.58: white or black always reaches WCAG AA for text on any colour.
      expect(contrastRatio(accent, textColorOn(accent))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('portal slug', () => {
  it('is made from a name, ASCII only, without leading, trailing or double hyphens', () => {
    expect(slugify('Brightwave Partner Program')).toBe('brightwave-partner-program');
    expect(slugify('  Café Müller & Söhne — Partner!  ')).toBe('cafe-muller-sohne-partner');
    expect(slugify('日本')).toBe('');
    expect(slugify('a'.repeat(80)).length).toBe(48);
  });

  it('accepts 3–60 lower-case letters, digits and single inner hyphens', () => {
    for (const good of ['acme', 'acme-partners', 'a1b', 'x'.repeat(60)]) {
      expect(PORTAL_SLUG_PATTERN.test(good)).toBe(true);
    }
    for (const bad of ['ab', 'Acme', '-acme', 'acme-', 'ac--me', 'ac me', 'x'.repeat(61), 'é-x']) {
      expect(PORTAL_SLUG_PATTERN.test(bad)).toBe(false);
    }
  });
});
