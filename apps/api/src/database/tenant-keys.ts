import { ForeignKey, JoinColumn } from 'typeorm';
import { User } from '../auth/user.entity';
import { Company } from '../companies/company.entity';
import { Program } from '../programs/program.entity';

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

/** `company_id` → companies(id), ON DELETE CASCADE: a tenant row goes with its company. */
export function CompanyForeignKey(constraintName: string): ClassDecorator {
  return ForeignKey(() => Company, ['companyId'], ['id'], {
    name: constraintName,
    onDelete: 'CASCADE',
  });
}

/** `program_id` → programs(id), ON DELETE CASCADE (programs are reference tables, ADR 0015). */
export function ProgramForeignKey(constraintName: string): ClassDecorator {
  return ForeignKey(() => Program, ['programId'], ['id'], {
    name: constraintName,
    onDelete: 'CASCADE',
  });
}

/** A column naming a company user → users(id). */
export function UserForeignKey(
  constraintName: string,
  property: string,
  onDelete: 'CASCADE' | 'SET NULL',
): ClassDecorator {
  return ForeignKey(() => User, [property], ['id'], { name: constraintName, onDelete });
}
