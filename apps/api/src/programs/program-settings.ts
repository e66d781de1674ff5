import {
  checkLeadFormSchema,
  checkOffer,
  type DedupePolicy,
  type FieldError,
  isKnownCurrency,
  type LeadFormSchema,
  type Locale,
  normalizeBrandColor,
  type Offer,
  PORTAL_SLUG_PATTERN,
  type StageLabels,
} from '@leadbridge/core';
import type { FieldIssue } from '../common/problem/problem';
import { validationProblem } from '../common/problem/problem';
import { type LogoImage, parseLogo } from './logo-image';
import type { Program } from './program.entity';
import { MAX_ALLOWED_ORIGINS } from './programs.dto';

/** The settings a request may change; absent = unchanged. */
export interface ProgramSettingsInput {
  name?: string;
  description?: string | null;
  currency?: string;
  leadSubmissionEnabled?: boolean;
  leadImportEnabled?: boolean;
  formSchema?: unknown;
  stageLabels?: StageLabels;
  offer?: unknown;
  dedupePolicy?: DedupePolicy;
  defaultLocale?: Locale;
  allowedOrigins?: string[];
  portalUrl?: string | null;
  slug?: string;
  brandColor?: string | null;
  /** A `data:image/…;base64,…` URL, or null to remove the logo. */
  logo?: string | null;
}

/** The columns a valid input changes. */
export type ProgramChanges = Partial<
  Pick<
    Program,
    | 'name'
    | 'description'
    | 'currency'
    | 'leadSubmissionEnabled'
    | 'leadImportEnabled'
    | 'formSchema'
    | 'stageLabels'
    | 'offer'
    | 'dedupePolicy'
    | 'defaultLocale'
    | 'allowedOrigins'
    | 'portalUrl'
    | 'slug'
    | 'brandColor'
  >
> & {
  /** A new logo, or null to remove it (written apart from the entity: the bytes are not one of its columns). */
  logo?: LogoImage | null;
};

/** What the checks compare against: the stored program, or the defaults of a new one. */
export type ProgramBase = Pick<Program, 'currency' | 'offer' | 'stageLabels'>;

function prefixed(prefix: string, errors: readonly FieldError[]): FieldIssue[] {
  return errors.map((error) => ({
    field: error.field ? `${prefix}.${error.field}` : prefix,
    code: error.code,
    message: error.message,
  }));
}

/**
 * A browser's Origin header is `scheme://host[:port]`, lower-cased, default port dropped; the
 * guard compares it verbatim, so what we store must be exactly that form.
 */
export function normalizeOrigin(value: string): string | null {
  const text = value.trim();
  if (!/^https?:\/\/[^/?#]+\/?$/i.test(text)) return null;
  try {
    const url = new URL(text);
    if (url.username || url.password) return null;
    return url.origin;
  } catch {
    return null;
  }
}

function checkOrigins(origins: readonly string[], errors: FieldIssue[]): string[] {
  const normalized: string[] = [];
  origins.forEach((raw, index) => {
    const origin = normalizeOrigin(raw);
    if (!origin) {
      errors.push({
        field: `allowedOrigins.${index}`,
        code: 'invalid_origin',
        message: `"${raw}" is not an origin: write it as scheme://host[:port], e.g. https://www.example.com (no path).`,
      });
    } else if (!normalized.includes(origin)) {
      normalized.push(origin);
    }
  });
  if (normalized.length > MAX_ALLOWED_ORIGINS) {
    errors.push({
      field: 'allowedOrigins',
      code: 'too_many',
      message: `A program can allow at most ${MAX_ALLOWED_ORIGINS} origins.`,
    });
  }
  return normalized;
}

function checkPortalUrl(raw: string, errors: FieldIssue[]): string | null {
  try {
    const url = new URL(raw.trim());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.username) return url.href;
  } catch {
    // reported below
  }
  errors.push({
    field: 'portalUrl',
    code: 'invalid_url',
    message: 'Portal URL must be the web address (http or https) of the page embedding the form.',
  });
  return null;
}

function checkOfferCurrency(offer: Offer, currency: string, field: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  offer.rules.forEach((rule, index) => {
    if (rule.kind === 'flat' && rule.amount.currency !== currency) {
      issues.push({
        field: field === 'offer' ? `offer.rules.${index}.amount.currency` : field,
        code: 'currency_mismatch',
        message:
          field === 'offer'
            ? `Offer amounts must be in the program's currency, ${currency}.`
            : `The offer pays in ${rule.amount.currency}: change the offer's amounts together with the currency.`,
      });
    }
  });
  return field === 'offer' ? issues : issues.slice(0, 1);
}

/**
 * Validates a create or update request against the program it changes, with core's rules for
 * form schemas and offers. Throws one 422 listing every invalid field, so an admin fixes all at
 * once; returns the normalised columns to write.
 */
export function checkProgramSettings(
  input: ProgramSettingsInput,
  base: ProgramBase,
): ProgramChanges {
  const errors: FieldIssue[] = [];
  const changes: ProgramChanges = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.description !== undefined) changes.description = input.description || null;
  if (input.leadSubmissionEnabled !== undefined) {
    changes.leadSubmissionEnabled = input.leadSubmissionEnabled;
  }
  if (input.leadImportEnabled !== undefined) changes.leadImportEnabled = input.leadImportEnabled;
  if (input.dedupePolicy !== undefined) changes.dedupePolicy = input.dedupePolicy;
  if (input.defaultLocale !== undefined) changes.defaultLocale = input.defaultLocale;

  if (input.currency !== undefined) {
    if (isKnownCurrency(input.currency)) changes.currency = input.currency;
    else {
      errors.push({
        field: 'currency',
        code: 'invalid_currency',
        message: `${input.currency} is not an ISO 4217 currency code.`,
      });
    }
  }

  if (input.stageLabels !== undefined) {
    // A blank label would show as the default anyway; storing it would only confuse editors.
    const labels: StageLabels = {};
    for (const [stage, label] of Object.entries(input.stageLabels) as [
      keyof StageLabels,
      string | undefined,
    ][]) {
      const trimmed = label?.trim();
      if (trimmed) labels[stage] = trimmed;
    }
    changes.stageLabels = labels;
  }
  const labels = changes.stageLabels ?? base.stageLabels;

  if (input.formSchema !== undefined) {
    const result = checkLeadFormSchema(input.formSchema);
    if (result.ok) changes.formSchema = result.value satisfies LeadFormSchema;
    else errors.push(...prefixed('formSchema', result.errors));
  }

  const currency = changes.currency ?? base.currency;
  if (input.offer !== undefined) {
    const result = checkOffer(input.offer, { labels });
    if (!result.ok) errors.push(...prefixed('offer', result.errors));
    else {
      const mismatches = checkOfferCurrency(result.value, currency, 'offer');
      if (mismatches.length > 0) errors.push(...mismatches);
      else changes.offer = result.value;
    }
  } else if (changes.currency !== undefined) {
    errors.push(...checkOfferCurrency(base.offer, currency, 'currency'));
  }

  if (input.allowedOrigins !== undefined) {
    changes.allowedOrigins = checkOrigins(input.allowedOrigins, errors);
  }
  if (input.portalUrl !== undefined) {
    changes.portalUrl =
      input.portalUrl === null || input.portalUrl.trim() === ''
        ? null
        : checkPortalUrl(input.portalUrl, errors);
  }

  if (input.slug !== undefined) {
    const slug = input.slug.trim().toLowerCase();
    if (PORTAL_SLUG_PATTERN.test(slug)) changes.slug = slug;
    else {
      errors.push({
        field: 'slug',
        code: 'invalid_slug',
        message:
          'The portal address must be 3–60 lower-case letters, digits and single hyphens, e.g. acme-partners.',
      });
    }
  }
  if (input.brandColor !== undefined) {
    const color = input.brandColor === null ? null : normalizeBrandColor(input.brandColor);
    if (input.brandColor === null || color) changes.brandColor = color;
    else {
      errors.push({
        field: 'brandColor',
        code: 'invalid_color',
        message: `"${input.brandColor}" is not a colour: write it as #rrggbb, e.g. #1d4ed8.`,
      });
    }
  }
  if (input.logo !== undefined) {
    if (input.logo === null) changes.logo = null;
    else {
      const logo = parseLogo(input.logo);
      if ('code' in logo) errors.push({ field: 'logo', ...logo });
      else changes.logo = logo;
    }
  }

  if (errors.length > 0) throw validationProblem(errors);
  return changes;
}
