import {
  allowedCommissionTransitions,
  COMMISSION_STATUSES,
  type CommissionStatus,
  canTransitionCommission,
  commissionStatusSchema,
  isFinalCommissionStatus,
} from './commission-statuses.js';
import {
  CUSTOMER_STATUSES,
  customerStatusAfterTransaction,
  customerStatusSchema,
} from './customer-statuses.js';

const ALLOWED = ['pending>approved', 'pending>declined', 'approved>paid', 'approved>declined'];

describe('commission statuses', () => {
  it('lists the statuses', () => {
    expect(COMMISSION_STATUSES).toEqual(['pending', 'approved', 'paid', 'declined']);
  });

  const pairs = COMMISSION_STATUSES.flatMap((from) =>
    COMMISSION_STATUSES.map((to) => [from, to] as const),
  );
  it.each(pairs)('%s → %s follows the table', (from, to) => {
    expect(canTransitionCommission(from, to)).toBe(ALLOWED.includes(`${from}>${to}`));
  });

  it('makes paid and declined final', () => {
    expect(COMMISSION_STATUSES.filter(isFinalCommissionStatus)).toEqual(['paid', 'declined']);
    expect(allowedCommissionTransitions('paid')).toEqual([]);
    expect(allowedCommissionTransitions('pending')).toEqual(['approved', 'declined']);
  });

  it('refuses unknown statuses', () => {
    expect(canTransitionCommission('void' as CommissionStatus, 'paid')).toBe(false);
    expect(canTransitionCommission('approved', 'void' as CommissionStatus)).toBe(false);
    expect(commissionStatusSchema.safeParse('void').success).toBe(false);
  });
});

describe('customer statuses', () => {
  it('lists the statuses', () => {
    expect(CUSTOMER_STATUSES).toEqual(['signed_up', 'paid']);
    expect(customerStatusSchema.safeParse('paid').success).toBe(true);
    expect(customerStatusSchema.safeParse('churned').success).toBe(false);
  });

  it('becomes paid on the first positive transaction and stays paid', () => {
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    expect(customerStatusAfterTransaction('signed_up', usd(100))).toBe('paid');
    expect(customerStatusAfterTransaction('signed_up', usd(0))).toBe('signed_up');
    expect(customerStatusAfterTransaction('signed_up', usd(-100))).toBe('signed_up');
    expect(customerStatusAfterTransaction('paid', usd(-100))).toBe('paid');
  });
});
