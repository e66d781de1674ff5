import type { EntityManager } from 'typeorm';

/** What pg-boss runs its statements through when a job must commit with a transaction. */
export interface SqlExecutor {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs pg-boss's own statements on the connection of `manager`'s transaction, so an enqueued
 * job commits or rolls back with the rows that caused it.
 */
export function transactionExecutor(manager: EntityManager): SqlExecutor {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const runner = manager.queryRunner;
      if (!runner) throw new Error('JobsService.send(…, manager) needs a transaction manager');
      const result = await runner.query(text, values, true);
      return { rows: result.records };
    },
  };
}
