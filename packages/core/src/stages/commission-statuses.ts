import { z } from 'zod/mini';

export const COMMISSION_STATUSES = ['pending', 'approved', 'paid', 'declined'] as const;

export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export const commissionStatusSchema = /* @__PURE__ */ z.enum(COMMISSION_STATUSES);

// `paid` and `declined` are final: money that left (or was refused) is not reversed by a
// status change; a clawback is a new, negative commission.
export const COMMISSION_TRANSITIONS: Readonly<
  Record<CommissionStatus, readonly CommissionStatus[]>
> = {
  pending: ['approved', 'declined'],
  approved: ['paid', 'declined'],
  paid: [],
  declined: [],
};

export function isCommissionStatus(value: unknown): value is CommissionStatus {
  return typeof value === 'string' && (COMMISSION_STATUSES as readonly string[]).includes(value);
}

export function allowedCommissionTransitions(from: CommissionStatus): readonly CommissionStatus[] {
  return isCommissionStatus(from) ? COMMISSION_TRANSITIONS[from] : [];
}

export function canTransitionCommission(from: CommissionStatus, to: CommissionStatus): boolean {
  return isCommissionStatus(to) && allowedCommissionTransitions(from).includes(to);
}

export function isFinalCommissionStatus(status: CommissionStatus): boolean {
  return isCommissionStatus(status) && COMMISSION_TRANSITIONS[status].length === 0;
}
