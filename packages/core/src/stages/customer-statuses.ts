import { z } from 'zod/mini';
import type { Money } from '../money/money.js';

export const CUSTOMER_STATUSES = ['signed_up', 'paid'] as const;

export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const customerStatusSchema = /* @__PURE__ */ z.enum(CUSTOMER_STATUSES);

/**
 * A customer becomes `paid` with its first positive transaction and stays `paid`: a later
 * refund changes revenue, not the fact that the customer once paid.
 */
export function customerStatusAfterTransaction(
  current: CustomerStatus,
  amount: Money,
): CustomerStatus {
  return current === 'paid' || amount.amount > 0 ? 'paid' : current;
}
