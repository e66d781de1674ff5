import {
  addMoney,
  currencySchema,
  formatMoney,
  isSameCurrency,
  minorUnitDigits,
  moneySchema,
  parseMoney,
} from './money.js';

describe('money', () => {
  it('knows minor units per currency', () => {
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(minorUnitDigits('BHD')).toBe(3);
    expect(() => minorUnitDigits('usd')).toThrow(RangeError);
    expect(() => minorUnitDigits('US')).toThrow(RangeError);
  });

  it('formats by currency and locale', () => {
    expect(formatMoney({ amount: 5000, currency: 'USD' })).toBe('$50.00');
    expect(formatMoney({ amount: 123456, currency: 'USD' }, 'en')).toBe('$1,234.56');
    expect(formatMoney({ amount: -250, currency: 'USD' })).toBe('-$2.50');
    expect(formatMoney({ amount: 5000, currency: 'JPY' })).toBe('¥5,000');
    expect(formatMoney({ amount: 1234, currency: 'KWD' }).replace(/\s/g, ' ')).toBe('KWD 1.234');
    expect(formatMoney({ amount: 123456, currency: 'EUR' }, 'de').replace(/\s/g, ' ')).toBe(
      '1.234,56 €',
    );
  });

  it('adds only the same currency', () => {
    expect(addMoney({ amount: 150, currency: 'EUR' }, { amount: -50, currency: 'EUR' })).toEqual({
      amount: 100,
      currency: 'EUR',
    });
    expect(() => addMoney({ amount: 1, currency: 'EUR' }, { amount: 1, currency: 'USD' })).toThrow(
      /EUR and USD/,
    );
    expect(() =>
      addMoney(
        { amount: Number.MAX_SAFE_INTEGER, currency: 'EUR' },
        { amount: 1, currency: 'EUR' },
      ),
    ).toThrow(RangeError);
    expect(isSameCurrency({ amount: 1, currency: 'EUR' }, { amount: 2, currency: 'EUR' })).toBe(
      true,
    );
    expect(isSameCurrency({ amount: 1, currency: 'EUR' }, { amount: 1, currency: 'GBP' })).toBe(
      false,
    );
  });

  it('parses decimal text into minor units exactly', () => {
    expect(parseMoney('49.99', 'USD')).toEqual({ amount: 4999, currency: 'USD' });
    expect(parseMoney('0.1', 'USD')).toEqual({ amount: 10, currency: 'USD' });
    expect(parseMoney('-5', 'EUR')).toEqual({ amount: -500, currency: 'EUR' });
    expect(parseMoney(' 1000 ', 'JPY')).toEqual({ amount: 1000, currency: 'JPY' });
    expect(parseMoney('1.5', 'JPY')).toBeNull();
    expect(parseMoney('1.2345', 'KWD')).toBeNull();
    expect(parseMoney('1.234', 'KWD')).toEqual({ amount: 1234, currency: 'KWD' });
    expect(parseMoney('abc', 'USD')).toBeNull();
    expect(parseMoney('1,000', 'USD')).toBeNull();
  });

  it('validates the shape', () => {
    expect(moneySchema.safeParse({ amount: 100, currency: 'USD' }).success).toBe(true);
    expect(moneySchema.safeParse({ amount: -100, currency: 'USD' }).success).toBe(true);
    expect(moneySchema.safeParse({ amount: 1.5, currency: 'USD' }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 100, currency: 'usd' }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 100 }).success).toBe(false);
    expect(currencySchema.safeParse('EURO').success).toBe(false);
  });
});
