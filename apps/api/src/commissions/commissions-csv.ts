import { type CsvCellValue, minorUnitDigits, UTF8_BOM, writeCsvRow } from '@leadbridge/core';
import { type CommissionRow, toCommissionDto } from './commissions.repository';

export const COMMISSION_CSV_HEADERS = [
  'commission_id',
  'created_at',
  'status',
  'program_id',
  'partner_id',
  'partner_name',
  'lead_id',
  'lead_name',
  'lead_email',
  'kind',
  'description',
  'amount',
  'amount_minor',
  'currency',
  'customer_id',
  'transaction_id',
  'approved_at',
  'paid_at',
  'declined_at',
  'decline_reason',
] as const;

/** Amounts go out as numbers (never neutralised), text as formula-safe strings (OWASP). */
function decimal(amount: number, currency: string): number {
  const digits = minorUnitDigits(currency);
  return Number((amount / 10 ** digits).toFixed(digits));
}

export function commissionCsvHeader(): string {
  return UTF8_BOM + writeCsvRow([...COMMISSION_CSV_HEADERS]);
}

export function commissionCsvRow(row: CommissionRow): string {
  const c = toCommissionDto(row, false);
  const cells: CsvCellValue[] = [
    c.id,
    c.createdAt,
    c.status,
    c.programId,
    c.partnerId,
    c.partnerName,
    c.leadId,
    c.leadName,
    c.leadEmail,
    c.kind,
    c.description,
    decimal(c.amount, c.currency),
    c.amount,
    c.currency,
    c.customerId,
    c.transactionId,
    c.approvedAt,
    c.paidAt,
    c.declinedAt,
    c.declineReason,
  ];
  return writeCsvRow(cells, { neutraliseFormulas: true });
}
