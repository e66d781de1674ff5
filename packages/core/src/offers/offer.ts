import { z } from 'zod/mini';
import { currencySchema, type Money } from '../money/money.js';
import { type LeadStage, leadStageSchema } from '../stages/stages.js';

export type FlatOfferRule = { kind: 'flat'; stage: LeadStage; amount: Money };

/** `basisPoints`: 2000 = 20%. `months`: how long after closed_won payments earn; null = forever. */
export type PercentageOfferRule = {
  kind: 'percentage';
  basisPoints: number;
  months: number | null;
};

export type OfferRule = FlatOfferRule | PercentageOfferRule;

export type Offer = { rules: OfferRule[] };

export const MAX_BASIS_POINTS = 10_000;
export const MAX_COMMISSION_MONTHS = 120;
export const MAX_OFFER_RULES = 10;

/**
 * Stages a flat commission may be paid for: submission, qualification, a win. Paying for a lead
 * becoming unqualified or lost would reward bad leads.
 */
export const REWARDABLE_STAGES = ['new', 'qualified', 'closed_won'] as const;

// Schemas are built in pure-annotated arrows: annotating `z.object({…})` alone leaves the
// nested calls, so describeOffer or the calculator would pull all of zod into a bundle.
export const flatOfferRuleSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: z.literal('flat'),
    stage: leadStageSchema,
    amount: z.object({
      amount: z.int().check(z.gte(1)),
      currency: currencySchema,
    }),
  }))();

export const percentageOfferRuleSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: z.literal('percentage'),
    basisPoints: z.int().check(z.gte(1), z.lte(MAX_BASIS_POINTS)),
    months: z.nullable(z.int().check(z.gte(1), z.lte(MAX_COMMISSION_MONTHS))),
  }))();

export const offerRuleSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion('kind', [flatOfferRuleSchema, percentageOfferRuleSchema]))();

export const offerSchema = /* @__PURE__ */ (() =>
  z.object({
    rules: z.array(offerRuleSchema).check(z.maxLength(MAX_OFFER_RULES)),
  }))();
