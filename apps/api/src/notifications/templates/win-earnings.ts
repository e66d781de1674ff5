import {
  commissionsForStage,
  formatBasisPoints,
  formatMoney,
  type Offer,
  type StageLabels,
  stageLabel,
} from '@leadbridge/core';

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
): string[] {
  const sentences: string[] = [];
  const flat = commissionsForStage(offer, 'closed_won', { labels });
  const currencies = [...new Set(flat.map((draft) => draft.amount.currency))];
  for (const currency of currencies) {
    const total = flat
      .filter((draft) => draft.amount.currency === currency)
      .reduce((sum, draft) => sum + draft.amount.amount, 0);
    sentences.push(
      `You earned ${formatMoney({ amount: total, currency })} for this ${stageLabel('closed_won', labels)} lead. ${companyName} approves commissions before paying them; you can follow yours under Commissions.`,
    );
  }
  for (const rule of offer.rules) {
    if (rule.kind !== 'percentage') continue;
    const period =
      rule.months === null
        ? 'for as long as they stay a customer'
        : rule.months === 1
          ? 'during the next month'
          : `during the next ${rule.months} months`;
    sentences.push(
      `You also earn ${formatBasisPoints(rule.basisPoints)} of every payment ${leadName} makes ${period}.`,
    );
  }
  return sentences;
}
