import { Column, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CompanyForeignKey, TenantJoinColumns } from '../database/tenant-keys';
import { LeadImport } from './import.entity';

/** A row that could not be imported, kept with its original cells for the error CSV. */
@CompanyForeignKey('import_errors_company_id_fkey')
@Entity('import_errors')
export class ImportError {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'import_errors_pkey' }) importId: string;
  @PrimaryColumn('integer', { primaryKeyConstraintName: 'import_errors_pkey' }) rowNumber: number;
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'import_errors_pkey' }) companyId: string;
  @Column('jsonb') cells: string[];
  @Column('text') error: string;
  @ManyToOne(() => LeadImport, { onDelete: 'CASCADE' })
  @TenantJoinColumns('import_errors_import_id_fkey', 'import_id')
  leadImport?: Relation<LeadImport>;
}
