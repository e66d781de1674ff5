import { CUSTOMER_STATUSES, currencySchema } from '@leadbridge/core';
import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { isoDateTimeSchema, uuidSchema } from '../common/validation/common-schemas';
import { customerSchema, customerTransactionSchema } from './customer.dto';

export const EXTERNAL_ID_MAX_LENGTH = 200;
export const TRANSACTION_DESCRIPTION_MAX_LENGTH = 500;

export const listCustomersQuery = z.object({
  ...pageQueryShape,
  status: z.optional(z.enum(CUSTOMER_STATUSES)),
  partnerId: z.optional(uuidSchema),
  programId: z.optional(uuidSchema),
});

export type ListCustomersQuery = z.infer<typeof listCustomersQuery>;

export const customerPageSchema = pageSchema(customerSchema).register(z.globalRegistry, {
  id: 'CustomerPage',
});

export const listCustomerTransactionsQuery = z.object({ ...pageQueryShape });

export type ListCustomerTransactionsQuery = z.infer<typeof listCustomerTransactionsQuery>;

export const customerTransactionPageSchema = pageSchema(customerTransactionSchema).register(
  z.globalRegistry,
  { id: 'CustomerTransactionPage' },
);

/**
 * A payment (or, negative, a refund) by the customer, in integer minor units. `externalId` is
 * the company's own id for it: recording the same id twice records it once.
 */
export const createCustomerTransactionBody = z
  .object({
    externalId: z.string().check(z.minLength(1), z.maxLength(EXTERNAL_ID_MAX_LENGTH)),
    amount: z.int().check(
      z.refine((amount) => amount !== 0, 'amount must not be zero'),
      z.refine((amount) => Number.isSafeInteger(amount), 'amount is out of range'),
    ),
    currency: currencySchema,
    occurredAt: z.optional(isoDateTimeSchema),
    description: z.optional(z.string().check(z.maxLength(TRANSACTION_DESCRIPTION_MAX_LENGTH))),
  })
  .register(z.globalRegistry, { id: 'CreateCustomerTransactionBody' });

export type CreateCustomerTransactionBody = z.infer<typeof createCustomerTransactionBody>;
