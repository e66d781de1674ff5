import { randomBytes } from 'node:crypto';

const BASE_MAX_LENGTH = 40;

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, BASE_MAX_LENGTH)
    .replace(/-+$/, '');
}

/** A readable key for a partner in a program: its name as a slug (`Acme Digital` → `acme-digital`). */
export function partnerKeyBase(name: string, email: string): string {
  return slugify(name) || slugify(email.split('@')[0] ?? '') || 'partner';
}

/**
 * The key to try: the base itself, else the first free numbered variant, else (rare: many
 * partners of one name) a random suffix.
 */
export function pickPartnerKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; n <= 50; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
  return randomPartnerKey(base);
}

export function randomPartnerKey(base: string): string {
  return `${base}-${randomBytes(4).toString('hex')}`;
}
