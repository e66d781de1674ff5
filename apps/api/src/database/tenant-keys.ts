import { JoinColumn } from 'typeorm';

/**
 * The join columns of a foreign key from one tenant table to another: `(column, company_id)`
 * references `(id, company_id)`, so a row can only point at a row of its own tenant and the key
 * holds when the tables are distributed by company_id (ADR 0015).
 */
export function TenantJoinColumns(constraintName: string, column: string): PropertyDecorator {
  return JoinColumn([
    { name: column, referencedColumnName: 'id', foreignKeyConstraintName: constraintName },
    { name: 'company_id', referencedColumnName: 'companyId' },
  ]);
}
