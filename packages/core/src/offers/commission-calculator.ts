import { interpolate } from '../i18n/interpolate.js';
import type { Locale } from '../i18n/locale.js';
import { formatMoney, type Money } from '../money/money.js';
import { type StageLabels, stageLabel } from '../stages/stage-labels.js';
import type { LeadStage } from '../stages/stages.js';
import { addCalendarMonthsUtc } from './calendar.js';
import type { Offer, PercentageOfferRule } from './offer.js';
import { formatBasisPoints, OFFER_TEXTS } from './offer-texts.js';

/** A commission core computed for an event; the API stores it as `pending`. */
export type CommissionDraft = {
  /** Index of the offer rule that produced it: with the lead, the key that prevents doubles. */
  ruleIndex: number;
  kind: 'flat' | 'percentage';
  amount: Money;
  description: string;
};

export type CommissionTextOptions = { labels?: StageLabels | null; locale?: Locale };

export type CommissionTransaction = { wonAt: Date; occurredAt: Date; amount: Money };

/**
 * Flat commissions earned by a lead reaching `stage`. A lead can reach `qualified` twice
 * (reopened); paying once per lead and rule is the caller's job, via `ruleIndex`.
 */
export function commissionsForStage(
  offer: Offer,
  stage: LeadStage,
  options: CommissionTextOptions = {},
): CommissionDraft[] {
  const locale = options.locale ?? 'en';
  const drafts: CommissionDraft[] = [];
  offer.rules.forEach((rule, ruleIndex) => {
    if (rule.kind !== 'flat' || rule.stage !== stage) return;
    drafts.push({
      ruleIndex,
      kind: 'flat',
      amount: { ...rule.amount },
      description: interpolate(OFFER_TEXTS[locale].flatCommission ?? '', {
        amount: formatMoney(rule.amount, locale),
        stage: stageLabel(stage, options.labels, locale),
      }),
    });
  });
  return drafts;
}

/** When a percentage rule stops earning: `months` calendar months after the win, or never. */
export function commissionWindowEnd(wonAt: Date, months: number | null): Date | null {
  return months === null ? null : addCalendarMonthsUtc(wonAt, months);
}

export function isWithinCommissionWindow(
  rule: PercentageOfferRule,
  wonAt: Date,
  occurredAt: Date,
): boolean {
  if (Number.isNaN(wonAt.getTime()) || Number.isNaN(occurredAt.getTime())) return false;
  if (occurredAt.getTime() < wonAt.getTime()) return false;
  const end = commissionWindowEnd(wonAt, rule.months);
  return end === null || occurredAt.getTime() < end.getTime();
}

/**
 * `basisPoints` of an amount in integer minor units, rounded half away from zero so a refund
 * takes back exactly what the matching payment paid.
 */
export function percentageOfAmount(amount: number, basisPoints: number): number {
  const product = amount * basisPoints;
  if (Number.isSafeInteger(product)) {
    const quotient = Math.trunc(product / 10_000);
    const remainder = Math.abs(product % 10_000);
    return remainder * 2 >= 10_000 ? quotient + Math.sign(product) : quotient;
  }
  const big = BigInt(amount) * BigInt(basisPoints);
  const negative = big < 0n;
  const magnitude = negative ? -big : big;
  const rounded = (magnitude + 5_000n) / 10_000n;
  return Number(negative ? -rounded : rounded);
}

/**
 * Percentage commissions earned by a customer's transaction: for each percentage rule whose
 * window (from `wonAt`, `months` calendar months, UTC) contains `occurredAt`. Negative amounts
 * (refunds) give negative commissions; amounts that round to zero give none.
 */
export function commissionsForTransaction(
  offer: Offer,
  transaction: CommissionTransaction,
  options: CommissionTextOptions = {},
): CommissionDraft[] {
  const locale = options.locale ?? 'en';
  const drafts: CommissionDraft[] = [];
  offer.rules.forEach((rule, ruleIndex) => {
    if (rule.kind !== 'percentage') return;
    if (!isWithinCommissionWindow(rule, transaction.wonAt, transaction.occurredAt)) return;
    const amount = percentageOfAmount(transaction.amount.amount, rule.basisPoints);
    if (amount === 0) return;
    const text = transaction.amount.amount < 0 ? 'percentageRefund' : 'percentageCommission';
    drafts.push({
      ruleIndex,
      kind: 'percentage',
      amount: { amount, currency: transaction.amount.currency },
      description: interpolate(OFFER_TEXTS[locale][text] ?? '', {
        percent: formatBasisPoints(rule.basisPoints, locale),
        amount: formatMoney(
          { amount: Math.abs(transaction.amount.amount), currency: transaction.amount.currency },
          locale,
        ),
      }),
    });
  });
  return drafts;
}

/**
 * A recorded commission's description in another language: from its offer rule (and, for a
 * percentage, the payment it was earned on), as `commissionsFor…` wrote it when it was earned.
 * Null when a percentage commission's payment is unknown.
 */
export function describeCommission(
  rule: Offer['rules'][number],
  payment: Money | null,
  options: CommissionTextOptions = {},
): string | null {
  const locale = options.locale ?? 'en';
  if (rule.kind === 'flat') {
    return interpolate(OFFER_TEXTS[locale].flatCommission, {
      amount: formatMoney(rule.amount, locale),
      stage: stageLabel(rule.stage, options.labels, locale),
    });
  }
  if (!payment) return null;
  const text = payment.amount < 0 ? 'percentageRefund' : 'percentageCommission';
  return interpolate(OFFER_TEXTS[locale][text], {
    percent: formatBasisPoints(rule.basisPoints, locale),
    amount: formatMoney({ amount: Math.abs(payment.amount), currency: payment.currency }, locale),
  });
}
