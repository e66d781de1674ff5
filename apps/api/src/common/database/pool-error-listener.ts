import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * node-postgres emits 'error' on a client when the server ends its session (a PostgreSQL
 * restart sends every backend FATAL 57P01). The pool listens only while a client is idle and
 * TypeORM only while one of its query runners holds it; a client caught between owners would
 * raise an unhandled 'error' event and end the whole process. Every pooled client therefore
 * gets a listener for its whole life: the request using it fails with a 503, the pool discards
 * it (it is no longer queryable), and the process keeps serving.
 */
@Injectable()
export class PoolErrorListener implements OnModuleInit {
  private readonly logger = new Logger('database');

  constructor(private readonly db: DataSource) {}

  onModuleInit(): void {
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    const listen = (client: PoolClient) => {
      client.on('error', (error: Error) => this.logger.warn(`connection lost: ${error.message}`));
    };
    pool.on('connect', listen);
    // Clients opened while TypeORM initialised, before this listener existed (a private field
    // of pg-pool; absent, there is nothing to patch).
    const opened = (pool as unknown as { _clients?: PoolClient[] })._clients ?? [];
    for (const client of opened) listen(client);
  }
}
