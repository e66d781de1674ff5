import { COMMISSION_STATUSES } from '@leadbridge/core';
import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { uuidSchema } from '../common/validation/common-schemas';

const statusSchema = z.enum(COMMISSION_STATUSES);

export const commissionSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    partnerId: z.string(),
    partnerName: z.string(),
    leadId: z.string(),
    leadName: z.string(),
    leadEmail: z.string(),
    customerId: z.nullable(z.string()),
    transactionId: z.nullable(z.string()),
    kind: z.enum(['flat', 'percentage']),
    description: z.string(),
    /** Integer minor units (cents); negative for a refund's clawback. */
    amount: z.int(),
    currency: z.string(),
    status: statusSchema,
    statusChangedAt: z.nullable(z.string()),
    /** Who last changed the status (company side only; null for partners). */
    statusChangedBy: z.nullable(
      z.object({
        type: z.enum(['user', 'api_key', 'system']),
        id: z.nullable(z.string()),
        name: z.nullable(z.string()),
      }),
    ),
    approvedAt: z.nullable(z.string()),
    paidAt: z.nullable(z.string()),
    declinedAt: z.nullable(z.string()),
    declineReason: z.nullable(z.string()),
    version: z.int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .register(z.globalRegistry, {
    id: 'Commission',
    description:
      'Money a partner earned under the program offer: a flat amount for a lead reaching a stage, or a percentage of a customer transaction. pending → approved → paid, or declined.',
  });

export type CommissionDto = z.infer<typeof commissionSchema>;

export const commissionPageSchema = pageSchema(commissionSchema).register(z.globalRegistry, {
  id: 'CommissionPage',
});

const filterShape = {
  status: z.optional(statusSchema),
  partnerId: z.optional(uuidSchema),
  programId: z.optional(uuidSchema),
  leadId: z.optional(uuidSchema),
  customerId: z.optional(uuidSchema),
};

export const listCommissionsQuery = z.object({ ...filterShape, ...pageQueryShape });
export type ListCommissionsQuery = z.infer<typeof listCommissionsQuery>;

export const commissionFiltersQuery = z.object(filterShape);
export type CommissionFilters = z.infer<typeof commissionFiltersQuery>;

export const commissionTotalsSchema = z
  .object({
    data: z.array(
      z.object({
        currency: z.string(),
        pending: z.int(),
        approved: z.int(),
        paid: z.int(),
        declined: z.int(),
        count: z.int(),
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'CommissionTotals',
    description: 'Sums per status in integer minor units, one entry per currency.',
  });

export type CommissionTotalsDto = z.infer<typeof commissionTotalsSchema>;

export const BULK_COMMISSION_MAX = 200;

export const bulkCommissionStatusBody = z
  .object({
    ids: z.array(uuidSchema).check(z.minLength(1), z.maxLength(BULK_COMMISSION_MAX)),
    status: z.enum(['approved', 'declined', 'paid']),
    /** Shown to the partner when declining. */
    reason: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
  })
  .register(z.globalRegistry, { id: 'BulkCommissionStatus' });

export type BulkCommissionStatusBody = z.infer<typeof bulkCommissionStatusBody>;

export const bulkCommissionResultSchema = z
  .object({
    id: z.string(),
    ok: z.boolean(),
    /** false when the commission already had the requested status (a retried request). */
    changed: z.optional(z.boolean()),
    commission: z.optional(commissionSchema),
    code: z.optional(z.string()),
    detail: z.optional(z.string()),
    allowedStatuses: z.optional(z.array(statusSchema)),
  })
  .register(z.globalRegistry, { id: 'BulkCommissionResult' });

export type BulkCommissionResult = z.infer<typeof bulkCommissionResultSchema>;

export const bulkCommissionResponseSchema = z
  .object({ results: z.array(bulkCommissionResultSchema) })
  .register(z.globalRegistry, { id: 'BulkCommissionStatusResponse' });
