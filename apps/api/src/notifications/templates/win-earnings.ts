import {
  commissionsForStage,
  formatBasisPoints,
  type Offer,
  type StageLabels,
  stageLabel,
} from '@leadbridge/core';
import type { EmailText } from '../i18n/email-text';

/**
 * What a partner earns by a lead reaching closed_won under the program's offer, as sentences
 * for the email: the flat amounts now (recorded as pending commissions in the same
 * transaction), and the share of the new customer's payments to come.
 */
export function winEarnings(
  offer: Offer,
  labels: StageLabels,
  leadName: string,
  companyName: string,
  text: EmailText,
): string[] {
  const { t, locale } = text;
  const sentences: string[] = [];
  const flat = commissionsForStage(offer, 'closed_won', { labels, locale });
  const currencies = [...new Set(flat.map((draft) => draft.amount.currency))];
  for (const currency of currencies) {
    const total = flat
      .filter((draft) => draft.amount.currency === currency)
      .reduce((sum, draft) => sum + draft.amount.amount, 0);
    sentences.push(
      t('leadStage.earnedFlat', {
        amount: text.money({ amount: total, currency }),
        stage: stageLabel('closed_won', labels, locale),
        company: companyName,
      }),
    );
  }
  for (const rule of offer.rules) {
    if (rule.kind !== 'percentage') continue;
    const percent = formatBasisPoints(rule.basisPoints, locale);
    sentences.push(
      rule.months === null
        ? t('leadStage.earnedPercentForever', { percent, lead: leadName })
        : t('leadStage.earnedPercent', { percent, lead: leadName, count: rule.months }),
    );
  }
  return sentences;
}
