import { SUPPORTED_LOCALES } from '../i18n/locale.js';
import { checkOffer } from './check-offer.js';
import { describeOffer } from './describe-offer.js';
import type { Offer } from './offer.js';
import { OFFER_TEXTS } from './offer-texts.js';

const usd = (amount: number) => ({ amount, currency: 'USD' });

function errorsOf(input: unknown) {
  const result = checkOffer(input);
  if (result.ok) throw new Error('expected errors');
  return result.errors.map((error) => [error.field, error.code, error.message]);
}

describe('checkOffer', () => {
  it('accepts valid offers', () => {
    const offer: Offer = {
      rules: [
        { kind: 'flat', stage: 'closed_won', amount: usd(5000) },
        { kind: 'flat', stage: 'new', amount: usd(100) },
        { kind: 'percentage', basisPoints: 2000, months: 12 },
      ],
    };
    expect(checkOffer(offer)).toEqual({ ok: true, value: offer });
    expect(checkOffer({ rules: [] }).ok).toBe(true);
    expect(
      checkOffer({ rules: [{ kind: 'percentage', basisPoints: 10_000, months: null }] }).ok,
    ).toBe(true);
    expect(checkOffer({ rules: [{ kind: 'percentage', basisPoints: 1, months: 120 }] }).ok).toBe(
      true,
    );
  });

  it('checks basis points 1..10000 and months 1..120 or null', () => {
    expect(errorsOf({ rules: [{ kind: 'percentage', basisPoints: 0, months: 12 }] })).toEqual([
      [
        'rules.0.basisPoints',
        'out_of_range',
        'Percentage (basis points) must be between 1 and 10000',
      ],
    ]);
    expect(errorsOf({ rules: [{ kind: 'percentage', basisPoints: 10_001, months: 12 }] })).toEqual([
      [
        'rules.0.basisPoints',
        'out_of_range',
        'Percentage (basis points) must be between 1 and 10000',
      ],
    ]);
    expect(errorsOf({ rules: [{ kind: 'percentage', basisPoints: 2000, months: 0 }] })).toEqual([
      ['rules.0.months', 'out_of_range', 'Months must be between 1 and 120'],
    ]);
    expect(
      errorsOf({ rules: [{ kind: 'percentage', basisPoints: 2000, months: 121 }] })[0]?.[1],
    ).toBe('out_of_range');
    expect(
      errorsOf({ rules: [{ kind: 'percentage', basisPoints: 20.5, months: 1.5 }] }).map(
        (e) => e[1],
      ),
    ).toEqual(['invalid_type', 'invalid_type']);
    expect(errorsOf({ rules: [{ kind: 'percentage', basisPoints: 2000 }] })).toEqual([
      ['rules.0.months', 'required', 'Months is required'],
    ]);
  });

  it('requires positive flat amounts in a known currency', () => {
    expect(errorsOf({ rules: [{ kind: 'flat', stage: 'closed_won', amount: usd(0) }] })).toEqual([
      ['rules.0.amount.amount', 'not_positive', 'Amount must be greater than zero'],
    ]);
    expect(
      errorsOf({ rules: [{ kind: 'flat', stage: 'closed_won', amount: usd(-5) }] })[0]?.[1],
    ).toBe('not_positive');
    expect(
      errorsOf({
        rules: [{ kind: 'flat', stage: 'closed_won', amount: { amount: 5, currency: 'usd' } }],
      })[0]?.[1],
    ).toBe('invalid_currency');
    expect(
      errorsOf({
        rules: [{ kind: 'flat', stage: 'closed_won', amount: { amount: 5, currency: 'QQQ' } }],
      }),
    ).toEqual([
      [
        'rules.0.amount.currency',
        'invalid_currency',
        'Currency must be a three-letter ISO 4217 currency code',
      ],
    ]);
  });

  it('allows one flat rule per stage, one percentage rule, one currency', () => {
    expect(
      errorsOf({
        rules: [
          { kind: 'flat', stage: 'closed_won', amount: usd(5000) },
          { kind: 'percentage', basisPoints: 2000, months: 12 },
          { kind: 'flat', stage: 'closed_won', amount: usd(100) },
          { kind: 'percentage', basisPoints: 1000, months: null },
          { kind: 'flat', stage: 'qualified', amount: { amount: 100, currency: 'EUR' } },
        ],
      }),
    ).toEqual([
      ['rules.2.stage', 'duplicate_rule', 'There is already a rule for Closed Won'],
      ['rules.3', 'duplicate_rule', 'There is already a rule for a percentage of payments'],
      [
        'rules.4.amount.currency',
        'currency_mismatch',
        'Currency must use the same currency as the other rules',
      ],
    ]);
  });

  it('refuses flat rules for unqualified and closed_lost', () => {
    expect(errorsOf({ rules: [{ kind: 'flat', stage: 'closed_lost', amount: usd(1) }] })).toEqual([
      [
        'rules.0.stage',
        'stage_not_rewardable',
        'Commissions cannot be paid for reaching Closed Lost',
      ],
    ]);
    expect(
      errorsOf({ rules: [{ kind: 'flat', stage: 'unqualified', amount: usd(1) }] })[0]?.[1],
    ).toBe('stage_not_rewardable');
  });

  it('reports shape errors', () => {
    expect(errorsOf({ rules: [{ kind: 'bonus' }] }).map((e) => e.slice(0, 2))).toEqual([
      ['rules.0.kind', 'invalid_option'],
    ]);
    expect(
      errorsOf({ rules: [{ kind: 'flat', stage: 'won', amount: usd(1) }] }).map((e) =>
        e.slice(0, 2),
      ),
    ).toEqual([['rules.0.stage', 'invalid_option']]);
    expect(
      errorsOf({
        rules: Array.from({ length: 11 }, () => ({
          kind: 'percentage',
          basisPoints: 1,
          months: 1,
        })),
      })[0]?.[1],
    ).toBe('too_many');
    expect(errorsOf('offer')[0]?.[1]).toBe('invalid_type');
  });

  it('uses the program labels and locale', () => {
    const result = checkOffer(
      {
        rules: [
          { kind: 'flat', stage: 'closed_won', amount: usd(1) },
          { kind: 'flat', stage: 'closed_won', amount: usd(2) },
        ],
      },
      { labels: { closed_won: 'Kunde' }, locale: 'de' },
    );
    expect(!result.ok && result.errors[0]?.message).toBe('Für Kunde gibt es bereits eine Regel');
  });
});

describe('describeOffer', () => {
  const offer: Offer = {
    rules: [
      { kind: 'flat', stage: 'closed_won', amount: usd(5000) },
      { kind: 'percentage', basisPoints: 2000, months: 12 },
    ],
  };

  it('describes each rule in plain English', () => {
    expect(describeOffer(offer)).toEqual([
      'You earn $50.00 for each lead that reaches Closed Won.',
      'You earn 20% of every payment a customer you referred makes in the 12 months after it becomes Closed Won.',
    ]);
  });

  it('handles one month, forever, fractions of a percent and renamed stages', () => {
    expect(
      describeOffer(
        {
          rules: [
            { kind: 'flat', stage: 'qualified', amount: { amount: 1500, currency: 'EUR' } },
            { kind: 'percentage', basisPoints: 1250, months: 1 },
            { kind: 'percentage', basisPoints: 5, months: null },
          ],
        },
        { labels: { qualified: 'Sales accepted', closed_won: 'Customer' } },
      ),
    ).toEqual([
      'You earn €15.00 for each lead that reaches Sales accepted.',
      'You earn 12.5% of every payment a customer you referred makes in the month after it becomes Customer.',
      'You earn 0.05% of every payment a customer you referred makes after it becomes Customer, for as long as it stays a customer.',
    ]);
    expect(describeOffer({ rules: [] })).toEqual([]);
  });

  it('describes in German', () => {
    expect(describeOffer(offer, { locale: 'de' }).map((text) => text.replace(/\s/g, ' '))).toEqual([
      'Sie erhalten 50,00 $ für jeden Lead, der die Phase „Gewonnen“ erreicht.',
      'Sie erhalten 20 % jeder Zahlung, die ein von Ihnen vermittelter Kunde in den 12 Monaten leistet, nachdem er die Phase „Gewonnen“ erreicht hat.',
    ]);
  });
});

describe('offer texts in every language', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))(
    '%s has every sentence, with the English placeholders',
    (locale) => {
      expect(Object.keys(OFFER_TEXTS[locale]).sort()).toEqual(Object.keys(OFFER_TEXTS.en).sort());
      for (const [key, english] of Object.entries(OFFER_TEXTS.en)) {
        const text = OFFER_TEXTS[locale][key as keyof typeof OFFER_TEXTS.en];
        expect([key, placeholders(text)]).toEqual([key, placeholders(english)]);
        expect(text).not.toBe(english);
      }
    },
  );

  it('describes an offer in French with French numbers and the stage’s French name', () => {
    const offer: Offer = {
      rules: [{ kind: 'flat', stage: 'closed_won', amount: { amount: 150000, currency: 'EUR' } }],
    };
    expect(describeOffer(offer, { locale: 'fr' }).map((text) => text.replace(/\s/g, ' '))).toEqual([
      'Vous gagnez 1 500,00 € pour chaque lead qui atteint l’étape « Gagné ».',
    ]);
  });
});
