import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A row that could not be imported, kept with its original cells for the error CSV. */
@Entity('import_errors')
export class ImportError {
  @Column('uuid') companyId: string;
  @PrimaryColumn('uuid') importId: string;
  @PrimaryColumn('integer') rowNumber: number;
  @Column('jsonb') cells: string[];
  @Column('text') error: string;
}
