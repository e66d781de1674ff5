import type { Money } from '../money/money.js';
import { addCalendarMonthsUtc } from './calendar.js';
import {
  commissionsForStage,
  commissionsForTransaction,
  commissionWindowEnd,
  describeCommission,
  percentageOfAmount,
} from './commission-calculator.js';
import type { Offer } from './offer.js';

const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const utc = (iso: string) => new Date(iso);

const OFFER: Offer = {
  rules: [
    { kind: 'flat', stage: 'closed_won', amount: usd(5000) },
    { kind: 'flat', stage: 'qualified', amount: usd(1000) },
    { kind: 'percentage', basisPoints: 2000, months: 12 },
  ],
};

describe('addCalendarMonthsUtc', () => {
  it.each([
    ['2025-01-31T10:00:00.000Z', 1, '2025-02-28T10:00:00.000Z'],
    ['2024-01-31T10:00:00.000Z', 1, '2024-02-29T10:00:00.000Z'],
    ['2025-03-31T00:00:00.000Z', 1, '2025-04-30T00:00:00.000Z'],
    ['2025-01-31T00:00:00.000Z', 2, '2025-03-31T00:00:00.000Z'],
    ['2025-01-15T12:34:56.789Z', 12, '2026-01-15T12:34:56.789Z'],
    ['2024-02-29T00:00:00.000Z', 12, '2025-02-28T00:00:00.000Z'],
    ['2025-11-30T00:00:00.000Z', 3, '2026-02-28T00:00:00.000Z'],
    ['2025-03-31T00:00:00.000Z', -1, '2025-02-28T00:00:00.000Z'],
    ['2025-12-31T23:59:59.999Z', 120, '2035-12-31T23:59:59.999Z'],
  ])('%s + %d months = %s', (start, months, expected) => {
    expect(addCalendarMonthsUtc(utc(start), months).toISOString()).toBe(expected);
  });
});

describe('percentageOfAmount', () => {
  it.each([
    [10_000, 2000, 2000],
    [12_345, 2000, 2469],
    [12_347, 2000, 2469],
    [12_348, 2000, 2470],
    [25, 2000, 5],
    [2, 2500, 1],
    [-2, 2500, -1],
    [-12_345, 2000, -2469],
    [-12_348, 2000, -2470],
    [1, 1, 0],
    [0, 2000, 0],
    [Number.MAX_SAFE_INTEGER, 10_000, Number.MAX_SAFE_INTEGER],
    [9_000_000_000_000_001, 5000, 4_500_000_000_000_001],
    [9_000_000_000_000_000, 9999, 8_999_100_000_000_000],
    [-9_000_000_000_000_001, 5000, -4_500_000_000_000_001],
  ])('%d × %d bp = %d (half away from zero)', (amount, basisPoints, expected) => {
    expect(percentageOfAmount(amount, basisPoints)).toBe(expected);
  });
});

describe('commissionsForStage', () => {
  it('pays the flat rules for the stage reached', () => {
    expect(commissionsForStage(OFFER, 'closed_won')).toEqual([
      {
        ruleIndex: 0,
        kind: 'flat',
        amount: usd(5000),
        description: '$50.00 for a lead reaching Closed Won',
      },
    ]);
    expect(commissionsForStage(OFFER, 'qualified')).toEqual([
      {
        ruleIndex: 1,
        kind: 'flat',
        amount: usd(1000),
        description: '$10.00 for a lead reaching Qualified',
      },
    ]);
    expect(commissionsForStage(OFFER, 'new')).toEqual([]);
    expect(commissionsForStage(OFFER, 'closed_lost')).toEqual([]);
    expect(commissionsForStage({ rules: [] }, 'closed_won')).toEqual([]);
  });

  it('describes in the program labels and locale', () => {
    const [draft] = commissionsForStage(OFFER, 'closed_won', {
      labels: { closed_won: 'Customer' },
      locale: 'de',
    });
    expect(draft?.description.replace(/\s/g, ' ')).toBe(
      '50,00 $ für einen Lead in der Phase „Customer“',
    );
  });

  it('returns a copy of the amount', () => {
    const [draft] = commissionsForStage(OFFER, 'closed_won');
    if (draft) draft.amount.amount = 1;
    expect(OFFER.rules[0]).toMatchObject({ amount: usd(5000) });
  });
});

describe('commissionsForTransaction', () => {
  const wonAt = utc('2025-01-31T10:00:00Z');
  const pay = (occurredAt: string, amount = 10_000, offer = OFFER) =>
    commissionsForTransaction(offer, { wonAt, occurredAt: utc(occurredAt), amount: usd(amount) });

  it('pays 20% of a payment 3 months after the win', () => {
    expect(pay('2025-04-30T09:00:00Z')).toEqual([
      {
        ruleIndex: 2,
        kind: 'percentage',
        amount: usd(2000),
        description: '20% of a $100.00 payment',
      },
    ]);
  });

  it('pays nothing 13 months after the win', () => {
    expect(pay('2026-02-28T10:00:00Z')).toEqual([]);
    expect(pay('2026-03-15T00:00:00Z')).toEqual([]);
  });

  it('pays from the moment of the win up to, not including, the end of the window', () => {
    expect(pay('2025-01-31T10:00:00Z')).toHaveLength(1);
    expect(pay('2025-01-31T09:59:59.999Z')).toEqual([]);
    expect(pay('2026-01-31T09:59:59.999Z')).toHaveLength(1);
    expect(pay('2026-01-31T10:00:00Z')).toEqual([]);
  });

  it('ends a 1-month window on the last day of February for a Jan 31 win', () => {
    const offer: Offer = { rules: [{ kind: 'percentage', basisPoints: 1000, months: 1 }] };
    expect(commissionWindowEnd(wonAt, 1)?.toISOString()).toBe('2025-02-28T10:00:00.000Z');
    expect(pay('2025-02-28T09:59:59Z', 10_000, offer)).toHaveLength(1);
    expect(pay('2025-02-28T10:00:00Z', 10_000, offer)).toEqual([]);
    expect(pay('2025-03-01T00:00:00Z', 10_000, offer)).toEqual([]);
  });

  it('pays forever when months is null', () => {
    const offer: Offer = { rules: [{ kind: 'percentage', basisPoints: 500, months: null }] };
    expect(commissionWindowEnd(wonAt, null)).toBeNull();
    expect(pay('2045-01-01T00:00:00Z', 10_000, offer)).toEqual([
      expect.objectContaining({ amount: usd(500) }),
    ]);
    expect(pay('2025-01-01T00:00:00Z', 10_000, offer)).toEqual([]);
  });

  it('gives negative commissions for refunds', () => {
    expect(pay('2025-02-10T00:00:00Z', -5_000)).toEqual([
      {
        ruleIndex: 2,
        kind: 'percentage',
        amount: usd(-1000),
        description: '20% of a $50.00 refund',
      },
    ]);
  });

  it('rounds to integer minor units and skips zero', () => {
    expect(pay('2025-02-10T00:00:00Z', 12_345)[0]?.amount).toEqual(usd(2469));
    expect(pay('2025-02-10T00:00:00Z', 2)).toEqual([]);
    expect(pay('2025-02-10T00:00:00Z', 0)).toEqual([]);
  });

  it('keeps the transaction currency', () => {
    const [draft] = commissionsForTransaction(OFFER, {
      wonAt,
      occurredAt: utc('2025-02-10T00:00:00Z'),
      amount: { amount: 10_000, currency: 'JPY' },
    });
    expect(draft?.amount).toEqual({ amount: 2000, currency: 'JPY' });
    expect(draft?.description).toBe('20% of a ¥10,000 payment');
  });

  it('ignores flat rules and invalid dates', () => {
    expect(pay('not a date')).toEqual([]);
    expect(
      commissionsForTransaction(
        { rules: [OFFER.rules[0] as Offer['rules'][number]] },
        {
          wonAt,
          occurredAt: utc('2025-02-10T00:00:00Z'),
          amount: usd(100),
        },
      ),
    ).toEqual([]);
  });
});

describe('describeCommission', () => {
  it('re-describes a recorded commission in another language', () => {
    const flat = {
      kind: 'flat' as const,
      stage: 'closed_won' as const,
      amount: { amount: 10000, currency: 'EUR' },
    };
    const percentage = { kind: 'percentage' as const, basisPoints: 1000, months: 12 };
    const space = (text: string | null) => text?.replace(/\s/g, ' ');
    expect(space(describeCommission(flat, null, { locale: 'it' }))).toBe(
      '100,00 € per un lead arrivato alla fase «Vinto»',
    );
    expect(
      space(describeCommission(percentage, { amount: -5000, currency: 'EUR' }, { locale: 'nl' })),
    ).toBe('10% van een terugbetaling van € 50,00');
    expect(describeCommission(percentage, null, { locale: 'fr' })).toBeNull();
  });
});
