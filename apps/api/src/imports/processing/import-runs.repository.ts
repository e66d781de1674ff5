import type { DedupePolicy, LeadFormSchema, StageLabels } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { returnedRows } from '../../common/database/returned-rows';
import type { StoredMapping } from '../import-mapping';
import { importLockKey } from './import-locks';

/** An import a run has started (or resumed). */
export interface StartedImport {
  company_id: string;
  program_id: string;
  partner_id: string;
  storage_key: string;
  mapping: StoredMapping | null;
  attempts: number;
}

/** What the import job reads of its program. */
export interface ImportProgram {
  form_schema: LeadFormSchema;
  dedupe_policy: DedupePolicy;
  offer: unknown;
  stage_labels: StageLabels | null;
}

export type ImportOrphan = { id: string; status: 'queued' | 'processing' };

/** pg-boss states of a job that will still run (10.x `pgboss.job_state`). */
const LIVE_JOB = `EXISTS (SELECT 1 FROM pgboss.job j
   WHERE j.name = $1 AND j.data->>'importId' = i.id::text AND j.state IN ('created', 'retry', 'active'))`;

/** An import's run: its lock, its state changes, and what a resumed run reads back. */
@Injectable()
export class ImportRunsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Opens the lock's transaction on the run's own connection and tries the import's lock;
   * false when another worker holds it.
   */
  async tryLock(session: pg.Client, importId: string): Promise<boolean> {
    await session.query('BEGIN');
    const { rows } = await session.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
      [importLockKey(importId)],
    );
    return rows[0]?.locked === true;
  }

  /** A statement in the lock's transaction, so it does not look idle. */
  async heartbeat(session: pg.Client): Promise<void> {
    await session.query('SELECT 1');
  }

  /** Ends the lock's transaction (releasing the lock). */
  async unlock(session: pg.Client): Promise<void> {
    await session.query('ROLLBACK');
  }

  /** Marks a queued (or resumed) import processing and counts the attempt. */
  async start(importId: string): Promise<StartedImport | null> {
    const started = returnedRows<StartedImport>(
      await this.db.query(
        `UPDATE imports
            SET status = 'processing', started_at = coalesce(started_at, now()), attempts = attempts + 1
          WHERE id = $1 AND status IN ('queued', 'processing')
          RETURNING company_id, program_id, partner_id, storage_key, mapping, attempts`,
        [importId],
      ),
    )[0];
    return started ?? null;
  }

  async program(companyId: string, programId: string): Promise<ImportProgram | null> {
    const programs: ImportProgram[] = await this.db.query(
      `SELECT form_schema, dedupe_policy, offer, stage_labels FROM programs
        WHERE id = $1 AND company_id = $2`,
      [programId, companyId],
    );
    return programs[0] ?? null;
  }

  /** The stored file of a cancelled import, if it is one. */
  async cancelledFileKey(importId: string): Promise<string | null> {
    const rows: { storage_key: string }[] = await this.db.query(
      `SELECT storage_key FROM imports WHERE id = $1 AND status = 'cancelled'`,
      [importId],
    );
    return rows[0]?.storage_key ?? null;
  }

  /** The last row any committed batch wrote (as a lead or an error row); 0 when none. */
  async lastCommittedRow(importId: string): Promise<number> {
    const rows: { last: number | null }[] = await this.db.query(
      `SELECT greatest((SELECT max(import_row) FROM leads WHERE import_id = $1),
                       (SELECT max(row_number) FROM import_errors WHERE import_id = $1)) AS last`,
      [importId],
    );
    return rows[0]?.last ?? 0;
  }

  /** A page of the leads the import wrote, after file row `afterRow`. */
  async importedLeads(
    importId: string,
    afterRow: number,
    limit: number,
  ): Promise<{ email: string; company_name: string | null; import_row: number }[]> {
    return this.db.query(
      `SELECT email, company_name, import_row FROM leads
        WHERE import_id = $1 AND import_row > $2 ORDER BY import_row LIMIT $3`,
      [importId, afterRow, limit],
    );
  }

  /** The company of a still-queued import. */
  async queuedImportCompany(importId: string): Promise<string | null> {
    const rows: { company_id: string }[] = await this.db.query(
      `SELECT company_id FROM imports WHERE id = $1 AND status = 'queued'`,
      [importId],
    );
    return rows[0]?.company_id ?? null;
  }

  /** Ends a processing import as completed; false when it no longer is processing. */
  async complete(manager: EntityManager, importId: string): Promise<boolean> {
    const updated = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE imports SET status = 'completed', completed_at = now(), error = NULL,
                            rows_total = rows_processed
          WHERE id = $1 AND status = 'processing' RETURNING id`,
        [importId],
      ),
    );
    return updated.length > 0;
  }

  /** Ends a queued or processing import as failed; false when it is neither any more. */
  async fail(manager: EntityManager, importId: string, error: string): Promise<boolean> {
    const updated = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE imports SET status = 'failed', completed_at = now(), error = $2
          WHERE id = $1 AND status IN ('queued', 'processing') RETURNING id`,
        [importId, error],
      ),
    );
    return updated.length > 0;
  }

  /**
   * Processing imports (their worker may be gone) and queued ones with no live job, up to
   * 100 of each.
   */
  async orphans(queue: string): Promise<ImportOrphan[]> {
    return this.db.query(
      `(SELECT i.id, i.status FROM imports i WHERE i.status = 'processing' ORDER BY i.started_at LIMIT 100)
       UNION ALL
       (SELECT i.id, i.status FROM imports i WHERE i.status = 'queued' AND NOT ${LIVE_JOB}
         ORDER BY i.created_at LIMIT 100)`,
      [queue],
    );
  }

  /** Takes the import's lock for the transaction unless a worker holds it. */
  async tryLockInTransaction(manager: EntityManager, importId: string): Promise<boolean> {
    const [lock] = (await manager.query(
      `SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`,
      [importLockKey(importId)],
    )) as { locked: boolean }[];
    return lock?.locked === true;
  }

  /** A processing import goes back to queued; false when it no longer is processing. */
  async requeueProcessing(manager: EntityManager, importId: string): Promise<boolean> {
    const updated = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE imports SET status = 'queued' WHERE id = $1 AND status = 'processing' RETURNING id`,
        [importId],
      ),
    );
    return updated.length > 0;
  }

  /** A queued import's attempts and whether a live job will still start it. */
  async queuedState(
    manager: EntityManager,
    queue: string,
    importId: string,
  ): Promise<{ attempts: number; live: boolean } | null> {
    const rows: { attempts: number; live: boolean }[] = await manager.query(
      `SELECT i.attempts, ${LIVE_JOB} AS live FROM imports i WHERE i.id = $2 AND i.status = 'queued'`,
      [queue, importId],
    );
    return rows[0] ?? null;
  }

  async countAttempt(manager: EntityManager, importId: string): Promise<void> {
    await manager.query(`UPDATE imports SET attempts = attempts + 1 WHERE id = $1`, [importId]);
  }
}
