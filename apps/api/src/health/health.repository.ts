import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthRepository {
  constructor(private readonly db: DataSource) {}

  /** A round trip to the database; throws when it does not answer. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}
