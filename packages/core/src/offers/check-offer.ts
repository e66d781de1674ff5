import { fieldError } from '../form/field-error-messages.js';
import type {
  CheckResult,
  FieldError,
  FieldErrorCode,
  FieldErrorParams,
} from '../form/field-errors.js';
import type { Locale } from '../i18n/locale.js';
import { type StageLabels, stageLabel } from '../stages/stage-labels.js';
import { propertyLabel, zodIssuesToFieldErrors } from '../validation/zod-issues.js';
import {
  MAX_BASIS_POINTS,
  MAX_COMMISSION_MONTHS,
  type Offer,
  offerSchema,
  REWARDABLE_STAGES,
} from './offer.js';

let knownCurrencies: ReadonlySet<string> | undefined;

/** ISO 4217 codes the platform knows; when the platform cannot list them, any well-formed code. */
export function isKnownCurrency(code: string): boolean {
  if (knownCurrencies === undefined) {
    const list =
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
    knownCurrencies = new Set(list);
  }
  return knownCurrencies.size === 0 ? /^[A-Z]{3}$/.test(code) : knownCurrencies.has(code);
}

const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  basisPoints: [1, MAX_BASIS_POINTS],
  months: [1, MAX_COMMISSION_MONTHS],
};

const PERCENTAGE_RULE_LABEL: Readonly<Record<Locale, string>> = {
  en: 'a percentage of payments',
  de: 'einen Prozentsatz der Zahlungen',
  fr: 'un pourcentage des paiements',
  es: 'un porcentaje de los pagos',
  'pt-BR': 'uma porcentagem dos pagamentos',
  it: 'una percentuale dei pagamenti',
  nl: 'een percentage van de betalingen',
};

export type CheckOfferOptions = { locale?: Locale; labels?: StageLabels | null };

/**
 * Validates an offer as an admin submits it: shape and ranges (the zod schema), then the rules
 * between rules: a flat rule only for a rewardable stage and at most one per stage, at most one
 * percentage rule, one currency for all flat amounts, and a currency the platform knows.
 */
export function checkOffer(input: unknown, options: CheckOfferOptions = {}): CheckResult<Offer> {
  const locale = options.locale ?? 'en';
  const parsed = offerSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: zodIssuesToFieldErrors(parsed.error.issues, input, locale, {
        rangeFor: (path) => {
          const last = path[path.length - 1];
          return typeof last === 'string' ? RANGES[last] : undefined;
        },
      }),
    };
  }
  const errors: FieldError[] = [];
  const add = (field: string, code: FieldErrorCode, params: FieldErrorParams) =>
    errors.push(fieldError(field, code, params, locale));
  const stages = new Set<string>();
  let percentage = false;
  let currency: string | undefined;
  const currencyLabel = propertyLabel('currency', locale);

  parsed.data.rules.forEach((rule, index) => {
    const path = `rules.${index}`;
    if (rule.kind === 'percentage') {
      if (percentage) add(path, 'duplicate_rule', { label: PERCENTAGE_RULE_LABEL[locale] });
      percentage = true;
      return;
    }
    const label = stageLabel(rule.stage, options.labels, locale);
    if (!(REWARDABLE_STAGES as readonly string[]).includes(rule.stage)) {
      add(`${path}.stage`, 'stage_not_rewardable', { label });
    } else if (stages.has(rule.stage)) {
      add(`${path}.stage`, 'duplicate_rule', { label });
    }
    stages.add(rule.stage);
    if (!isKnownCurrency(rule.amount.currency)) {
      add(`${path}.amount.currency`, 'invalid_currency', { label: currencyLabel });
    } else if (currency !== undefined && rule.amount.currency !== currency) {
      add(`${path}.amount.currency`, 'currency_mismatch', { label: currencyLabel });
    }
    currency ??= rule.amount.currency;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: parsed.data };
}
