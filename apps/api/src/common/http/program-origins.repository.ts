import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Which browser origins live programs allow. */
@Injectable()
export class ProgramOriginsRepository {
  constructor(private readonly db: DataSource) {}

  /** Some live program allows the origin. */
  async anyProgramAllows(origin: string): Promise<boolean> {
    const rows: { allowed: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM programs WHERE archived_at IS NULL AND $1 = ANY (allowed_origins)) AS allowed`,
      [origin],
    );
    return rows[0]?.allowed === true;
  }

  /** The live program with this publishable key allows the origin. */
  async programAllows(publishableKey: string, origin: string): Promise<boolean> {
    const rows: { allowed: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM programs
                       WHERE publishable_key = $1 AND archived_at IS NULL AND $2 = ANY (allowed_origins)) AS allowed`,
      [publishableKey, origin],
    );
    return rows[0]?.allowed === true;
  }
}
