import type { Locale } from '../i18n/locale.js';

export type OfferTextKey =
  | 'flatRule'
  | 'percentageRule'
  | 'percentageRuleOneMonth'
  | 'percentageRuleForever'
  | 'flatCommission'
  | 'percentageCommission'
  | 'percentageRefund';

/** Partner-facing sentences about offers and commissions, per locale. */
export const OFFER_TEXTS: Readonly<Record<Locale, Readonly<Record<OfferTextKey, string>>>> = {
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
  fr: {
    flatRule: 'Vous gagnez {amount} pour chaque lead qui atteint l’étape « {stage} ».',
    percentageRule:
      'Vous gagnez {percent} de chaque paiement effectué par un client que vous avez recommandé pendant les {months} mois qui suivent son passage à l’étape « {stage} ».',
    percentageRuleOneMonth:
      'Vous gagnez {percent} de chaque paiement effectué par un client que vous avez recommandé pendant le mois qui suit son passage à l’étape « {stage} ».',
    percentageRuleForever:
      'Vous gagnez {percent} de chaque paiement effectué par un client que vous avez recommandé après son passage à l’étape « {stage} », aussi longtemps qu’il reste client.',
    flatCommission: '{amount} pour un lead arrivé à l’étape « {stage} »',
    percentageCommission: '{percent} d’un paiement de {amount}',
    percentageRefund: '{percent} d’un remboursement de {amount}',
  },
  es: {
    flatRule: 'Ganas {amount} por cada lead que llega a la fase «{stage}».',
    percentageRule:
      'Ganas el {percent} de cada pago que haga un cliente que hayas recomendado durante los {months} meses posteriores a su paso a la fase «{stage}».',
    percentageRuleOneMonth:
      'Ganas el {percent} de cada pago que haga un cliente que hayas recomendado durante el mes posterior a su paso a la fase «{stage}».',
    percentageRuleForever:
      'Ganas el {percent} de cada pago que haga un cliente que hayas recomendado después de su paso a la fase «{stage}», mientras siga siendo cliente.',
    flatCommission: '{amount} por un lead que llegó a la fase «{stage}»',
    percentageCommission: '{percent} de un pago de {amount}',
    percentageRefund: '{percent} de un reembolso de {amount}',
  },
  'pt-BR': {
    flatRule: 'Você ganha {amount} por cada lead que chegar à etapa “{stage}”.',
    percentageRule:
      'Você ganha {percent} de cada pagamento feito por um cliente indicado por você nos {months} meses seguintes à chegada dele à etapa “{stage}”.',
    percentageRuleOneMonth:
      'Você ganha {percent} de cada pagamento feito por um cliente indicado por você no mês seguinte à chegada dele à etapa “{stage}”.',
    percentageRuleForever:
      'Você ganha {percent} de cada pagamento feito por um cliente indicado por você depois que ele chega à etapa “{stage}”, enquanto ele continuar sendo cliente.',
    flatCommission: '{amount} por um lead que chegou à etapa “{stage}”',
    percentageCommission: '{percent} de um pagamento de {amount}',
    percentageRefund: '{percent} de um reembolso de {amount}',
  },
  it: {
    flatRule: 'Guadagni {amount} per ogni lead che raggiunge la fase «{stage}».',
    percentageRule:
      'Guadagni il {percent} di ogni pagamento effettuato da un cliente che hai segnalato nei {months} mesi successivi al suo passaggio alla fase «{stage}».',
    percentageRuleOneMonth:
      'Guadagni il {percent} di ogni pagamento effettuato da un cliente che hai segnalato nel mese successivo al suo passaggio alla fase «{stage}».',
    percentageRuleForever:
      'Guadagni il {percent} di ogni pagamento effettuato da un cliente che hai segnalato dopo il suo passaggio alla fase «{stage}», finché resta cliente.',
    flatCommission: '{amount} per un lead arrivato alla fase «{stage}»',
    percentageCommission: '{percent} di un pagamento di {amount}',
    percentageRefund: '{percent} di un rimborso di {amount}',
  },
  nl: {
    flatRule: 'Je verdient {amount} voor elke lead die de fase ‘{stage}’ bereikt.',
    percentageRule:
      'Je verdient {percent} van elke betaling die een door jou aangebrachte klant doet in de {months} maanden nadat deze de fase ‘{stage}’ heeft bereikt.',
    percentageRuleOneMonth:
      'Je verdient {percent} van elke betaling die een door jou aangebrachte klant doet in de eerste maand nadat deze de fase ‘{stage}’ heeft bereikt.',
    percentageRuleForever:
      'Je verdient {percent} van elke betaling die een door jou aangebrachte klant doet nadat deze de fase ‘{stage}’ heeft bereikt, zolang deze klant blijft.',
    flatCommission: '{amount} voor een lead in de fase ‘{stage}’',
    percentageCommission: '{percent} van een betaling van {amount}',
    percentageRefund: '{percent} van een terugbetaling van {amount}',
  },
};

export function formatBasisPoints(basisPoints: number, locale: Locale = 'en'): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    basisPoints / 10_000,
  );
}
