import type { Locale } from '../i18n/locale.js';

/** Partner-facing sentences about offers and commissions, per locale. */
export const OFFER_TEXTS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    flatRule: 'You earn {amount} for each lead that reaches {stage}.',
    percentageRule:
      'You earn {percent} of every payment a customer you referred makes in the {months} months after it becomes {stage}.',
    percentageRuleOneMonth:
      'You earn {percent} of every payment a customer you referred makes in the month after it becomes {stage}.',
    percentageRuleForever:
      'You earn {percent} of every payment a customer you referred makes after it becomes {stage}, for as long as it stays a customer.',
    flatCommission: '{amount} for a lead reaching {stage}',
    percentageCommission: '{percent} of a {amount} payment',
    percentageRefund: '{percent} of a {amount} refund',
  },
  de: {
    flatRule: 'Sie erhalten {amount} für jeden Lead, der die Phase „{stage}“ erreicht.',
    percentageRule:
      'Sie erhalten {percent} jeder Zahlung, die ein von Ihnen vermittelter Kunde in den {months} Monaten leistet, nachdem er die Phase „{stage}“ erreicht hat.',
    percentageRuleOneMonth:
      'Sie erhalten {percent} jeder Zahlung, die ein von Ihnen vermittelter Kunde im ersten Monat leistet, nachdem er die Phase „{stage}“ erreicht hat.',
    percentageRuleForever:
      'Sie erhalten {percent} jeder Zahlung, die ein von Ihnen vermittelter Kunde leistet, nachdem er die Phase „{stage}“ erreicht hat – solange er Kunde bleibt.',
    flatCommission: '{amount} für einen Lead in der Phase „{stage}“',
    percentageCommission: '{percent} einer Zahlung über {amount}',
    percentageRefund: '{percent} einer Rückerstattung über {amount}',
  },
};

export function formatBasisPoints(basisPoints: number, locale: Locale = 'en'): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}
