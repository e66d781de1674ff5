import { interpolate } from '../i18n/interpolate.js';
import type { Locale } from '../i18n/locale.js';
import { formatMoney } from '../money/money.js';
import { type StageLabels, stageLabel } from '../stages/stage-labels.js';
import type { Offer } from './offer.js';
import { formatBasisPoints, OFFER_TEXTS } from './offer-texts.js';

export type DescribeOfferOptions = { labels?: StageLabels | null; locale?: Locale };

/** Each rule of an offer as one sentence a partner can read, in the program's stage names. */
export function describeOffer(offer: Offer, options: DescribeOfferOptions = {}): string[] {
  const locale = options.locale ?? 'en';
  const texts = OFFER_TEXTS[locale];
  return offer.rules.map((rule) => {
    if (rule.kind === 'flat') {
      return interpolate(texts.flatRule ?? '', {
        amount: formatMoney(rule.amount, locale),
        stage: stageLabel(rule.stage, options.labels, locale),
      });
    }
    const template =
      rule.months === null
        ? texts.percentageRuleForever
        : rule.months === 1
          ? texts.percentageRuleOneMonth
          : texts.percentageRule;
    return interpolate(template ?? '', {
      percent: formatBasisPoints(rule.basisPoints, locale),
      months: rule.months ?? '',
      stage: stageLabel('closed_won', options.labels, locale),
    });
  });
}
