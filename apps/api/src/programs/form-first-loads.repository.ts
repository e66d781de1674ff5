import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Remembers when and where a program's form was first used — on one of its allowed origins
 * (the company pasted the snippet) or on its hosted portal — for the guided setup. Written once
 * per program; later loads find the column set and write nothing.
 */
@Injectable()
export class FormFirstLoadsRepository {
  constructor(private readonly db: DataSource) {}

  /** `from`: the page's origin, or `portal`. */
  async record(programId: string, from: string): Promise<void> {
    // Public lookup by the program's own id (from its publishable key or portal address).
    await this.db.query(
      `UPDATE programs SET form_first_loaded_at = now(), form_first_loaded_from = $2
        WHERE id = $1 AND form_first_loaded_at IS NULL`,
      [programId, from],
    );
  }
}
