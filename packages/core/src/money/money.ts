import { z } from 'zod/mini';

/** An amount in integer minor units (cents) so sums never drift, plus its ISO 4217 currency. */
export type Money = { amount: number; currency: string };

export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

// Each schema is built inside a pure-annotated arrow: an annotation in front of
// `z.string().check(z.regex(…))` covers the outer call only, so bundlers would keep the inner
// calls — and all of zod — in every bundle importing this module (e.g. for formatMoney).
export const currencySchema = /* @__PURE__ */ (() => z.string().check(z.regex(CURRENCY_PATTERN)))();

export const moneySchema = /* @__PURE__ */ (() =>
  z.object({
    amount: z.int(),
    currency: currencySchema,
  }))();

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && CURRENCY_PATTERN.test(value);
}

const digitsCache = /* @__PURE__ */ new Map<string, number>();

/**
 * Decimal places of the currency's minor unit (JPY 0, USD 2, KWD 3), taken from the platform's
 * CLDR data so no table needs maintaining here. Throws a RangeError for a malformed code.
 */
export function minorUnitDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  if (!isCurrencyCode(currency)) throw new RangeError(`Invalid currency code: ${currency}`);
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  digitsCache.set(currency, digits);
  return digits;
}

export function formatMoney(money: Money, locale = 'en'): string {
  const digits = minorUnitDigits(money.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(money.amount / 10 ** digits);
}

export function isSameCurrency(a: Money, b: Money): boolean {
  return a.currency === b.currency;
}

function assertSafeAmount(amount: number): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money amount out of range: ${amount}`);
  return amount;
}

/** Throws on mixed currencies: adding them silently would be a wrong number, not an error. */
export function addMoney(a: Money, b: Money): Money {
  if (!isSameCurrency(a, b)) {
    throw new RangeError(`Cannot add ${a.currency} and ${b.currency}`);
  }
  return { amount: assertSafeAmount(a.amount + b.amount), currency: a.currency };
}

/**
 * Parses a decimal amount typed by a person (`49.99`, `-5`, `1000`) into minor units without
 * going through floating point. Returns null when it has more decimals than the currency.
 */
export function parseMoney(text: string, currency: string): Money | null {
  const match = /^\s*([+-]?)(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) return null;
  const digits = minorUnitDigits(currency);
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number((match[2] ?? '') + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return { amount: match[1] === '-' && minor !== 0 ? -minor : minor, currency };
}
