/**
 * A program's brand: its accent colour (hosted portal, partner emails, the widget's accent) and
 * the address of its hosted portal page. One definition for the API, the admin app and emails.
 */

/** `#rrggbb`, the only form stored: what `<input type="color">` gives and every client reads. */
export const BRAND_COLOR_PATTERN = /^#[0-9a-f]{6}$/;

/** The colour as stored (`#1d4ed8`) when `value` is one, e.g. from ` #1D4ED8 `; null if not. */
export function normalizeBrandColor(value: string): string | null {
  const text = value.trim().toLowerCase();
  return BRAND_COLOR_PATTERN.test(text) ? text : null;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rrggbb`. */
export function relativeLuminance(color: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => channel(Number.parseInt(color.slice(i, i + 2), 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** White or black, whichever reads better on `color` (button labels on the accent). */
export function textColorOn(color: string): '#ffffff' | '#000000' {
  return contrastRatio(color, '#ffffff') >= contrastRatio(color, '#000000') ? '#ffffff' : '#000000';
}

/**
 * A program's hosted-portal address part: lower-case letters, digits and single hyphens, 3–60
 * characters, starting and ending with a letter or digit.
 */
export const PORTAL_SLUG_PATTERN = /^(?=.{3,60}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug made from free text: "Brightwave Partner Program" → "brightwave-partner-program". */
export function slugify(text: string, maxLength = 48): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '');
}
