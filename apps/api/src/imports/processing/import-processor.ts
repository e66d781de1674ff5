import { hostname } from 'node:os';
import {
  companyDomain,
  formatRowErrors,
  isCsvTemplateExampleRow,
  isEmptyCsvRow,
  type LeadDeduper,
  type LeadFormSchema,
  mapHeaders,
  normalizeEmail,
  validateCsvRow,
} from '@leadbridge/core';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/auth/principal';
import { TenantScope } from '../../common/tenancy/tenant-scope';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import type { EventProgramContext } from '../../events/domain-events';
import { DomainEventsService } from '../../events/domain-events.service';
import { JobsService } from '../../jobs/jobs.service';
import { LeadsRepository, viewToDto } from '../../leads/leads.repository';
import {
  FILE_STORAGE,
  type FileStorage,
  StoredFileNotFoundError,
} from '../../storage/file-storage';
import { CsvRecordTooLongError } from '../csv/csv-record-reader';
import { NotCsvError } from '../csv/csv-text-decoder';
import { missingColumnsMessage, toOverrides } from '../import-mapping';
import { IMPORT_QUEUE, type ImportJobData } from '../import-queue';
import { ImportsRepository } from '../imports.repository';
import { createCompactLeadDeduper } from './compact-lead-deduper';
import { csvFileRecords } from './csv-file-records';
import { type CreatedLead, ImportBatch } from './import-batch';
import { type ImportContext, ImportRowsRepository, ImportStopped } from './import-rows.repository';
import { ImportRunsRepository, type StartedImport } from './import-runs.repository';
import { inFileDuplicateMessage, quoteProblemMessage, withoutNul } from './row-messages';

/** Whether the run still holds its import's lock (see ImportProcessor.process). */
interface ImportLease {
  lost: boolean;
}

/**
 * Long enough for any allowed file; a dead worker's import is resumed by ImportRecovery, not by
 * waiting for this to expire.
 */
const IMPORT_JOB_EXPIRY_SECONDS = 60 * 60;

/** How often the lock's transaction runs a statement (a lost connection shows within this). */
const LOCK_HEARTBEAT_MS = 15_000;

type Outcome = { kind: 'done' } | { kind: 'stopped' } | { kind: 'failed'; error: string };

/** The file says something only a person can fix; the whole import fails with this text. */
class ImportFailure extends Error {}

const RETRYABLE_SQL_STATES = new Set(['40P01', '40001']);
const PRELOAD_PAGE = 10_000;

function isRetryable(error: unknown): boolean {
  const code =
    (error as { code?: string }).code ??
    (error as { driverError?: { code?: string } }).driverError?.code;
  return code !== undefined && RETRYABLE_SQL_STATES.has(code);
}

/**
 * The import job: streams the stored file through the CSV reader, maps the header, validates
 * each row with core (the browser preview's rules), drops duplicates within the file and
 * against the program, and writes batches of leads + `imported` events + error rows + progress
 * in single transactions. Resumable: a restarted run skips every row a committed batch covers.
 */
@Injectable()
export class ImportProcessor implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('imports');
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    private readonly events: DomainEventsService,
    private readonly jobs: JobsService,
    private readonly repository: ImportsRepository,
    private readonly runs: ImportRunsRepository,
    private readonly rows: ImportRowsRepository,
    private readonly leads: LeadsRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.jobs.register<ImportJobData>(
      IMPORT_QUEUE,
      {
        // Transient failures (database restarts, deadlocks past the batch retries) run again;
        // the run resumes after the last committed batch.
        retryLimit: 5,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: IMPORT_JOB_EXPIRY_SECONDS,
      },
      (job) => this.process(job.data.importId),
      this.config.importWorkerConcurrency,
    );
  }

  beforeApplicationShutdown(): void {
    // Running imports stop after their current batch and resume on the next start.
    this.stopping = true;
  }

  /**
   * The pg-boss handler. Returns without work when another worker holds the import.
   *
   * The import's lock is a transaction-level advisory lock taken in a transaction that stays
   * open, on a connection of its own, for the whole run. Unlike a session-level lock this is
   * safe behind a transaction-mode pooler (PgBouncer), which keeps one server session for an
   * open transaction and rolls it back when the client goes away: a worker that dies — or whose
   * connection does — releases the lock, and ImportRecovery hands the import to another one.
   * The transaction writes nothing and holds no snapshot between statements, so it does not
   * hold back vacuum; a heartbeat keeps it from looking idle and notices a lost connection.
   */
  async process(importId: string): Promise<void> {
    const lease: ImportLease = { lost: false };
    const session = new pg.Client({
      connectionString: this.config.databaseUrl,
      // Says which worker holds which import (pg_stat_activity; a pooler passes it through).
      application_name: `leadbridge-import ${process.pid}@${hostname()}`.slice(0, 63),
    });
    const onLost = (error: Error) => {
      if (!lease.lost) this.logger.warn(`import ${importId} lock lost: ${error.message}`);
      lease.lost = true;
    };
    session.on('error', onLost);
    await session.connect();
    let heartbeat: NodeJS.Timeout | null = null;
    try {
      if (!(await this.runs.tryLock(session, importId))) return;
      heartbeat = setInterval(() => {
        this.runs.heartbeat(session).catch(onLost);
      }, LOCK_HEARTBEAT_MS);
      await this.run(importId, lease);
    } finally {
      if (heartbeat) clearInterval(heartbeat);
      // Ending the transaction releases the lock and returns a pooler's server session clean.
      if (!lease.lost) await this.runs.unlock(session).catch(() => {});
      await session.end().catch(() => {});
    }
  }

  private async run(importId: string, lease: ImportLease): Promise<void> {
    const started = await this.runs.start(importId);
    if (!started) {
      await this.discardCancelledFile(importId);
      return;
    }
    const row = await this.repository.findRow(TenantScope.company(started.company_id), importId);
    if (!row) return;
    const actor: Actor = {
      type: row.created_by_type,
      id: row.created_by_id,
      name: row.created_by_name,
    };
    if (started.attempts > this.config.importMaxAttempts) {
      await this.finish(importId, started, actor, {
        kind: 'failed',
        error: `The import was interrupted ${started.attempts - 1} times and was stopped. The rows imported so far are kept; the error CSV lists the rows that failed.`,
      });
      return;
    }
    const program = await this.runs.program(started.company_id, started.program_id);
    if (!program) return;
    const programContext: EventProgramContext = {
      programId: started.program_id,
      offer: program.offer,
      stageLabels: program.stage_labels,
    };
    // Imported leads are announced like submitted ones (webhooks, a commission for `new`), but
    // only when someone listens: an import nobody reacts to writes no event rows at all.
    const reacts = await this.events.hasReactions({
      type: 'lead.created',
      companyId: started.company_id,
      program: programContext,
    });
    const context: ImportContext = {
      importId,
      companyId: started.company_id,
      programId: started.program_id,
      partnerId: started.partner_id,
      dedupePolicy: program.dedupe_policy,
      actor,
    };
    const announce = reacts ? programContext : null;
    let outcome: Outcome;
    try {
      outcome = await this.importRows(context, started, program.form_schema, announce, lease);
    } catch (error) {
      if (error instanceof ImportFailure) outcome = { kind: 'failed', error: error.message };
      else if (error instanceof ImportStopped) {
        // Cancelled (cancelImport ended it and announced it): the committed rows stay.
        this.logger.log(`Import ${importId} stopped: it is ${error.status}`);
        await this.discardCancelledFile(importId);
        return;
      } else throw error;
    }
    if (outcome.kind !== 'stopped') await this.finish(importId, started, actor, outcome);
  }

  private async importRows(
    context: ImportContext,
    started: StartedImport,
    schema: LeadFormSchema,
    announce: EventProgramContext | null,
    lease: ImportLease,
  ): Promise<Outcome> {
    const resumeAfter = await this.runs.lastCommittedRow(context.importId);
    const deduper = createCompactLeadDeduper(context.dedupePolicy);
    if (resumeAfter > 0) {
      this.logger.log(`Import ${context.importId} resumes after row ${resumeAfter}`);
      await this.preloadDeduper(context.importId, deduper);
    }
    let source: Awaited<ReturnType<FileStorage['get']>>;
    try {
      source = await this.storage.get(started.storage_key);
    } catch (error) {
      if (error instanceof StoredFileNotFoundError) {
        throw new ImportFailure('The uploaded file is no longer available. Upload it again.');
      }
      throw error;
    }

    let inFlight: Promise<unknown> = Promise.resolve();
    // One batch is written while the next one is parsed and validated.
    const submit = async (batch: ImportBatch): Promise<boolean> => {
      await inFlight;
      // Without its lock another worker may already be resuming the import: stop writing.
      if (this.stopping || lease.lost) return false;
      const write = this.writeWithRetry(context, batch, announce);
      write.catch(() => {});
      inFlight = write;
      return true;
    };

    let rowNumber = 0;
    let columns: (string | null)[] | null = null;
    let headers: string[] | null = null;
    let firstDataRowSeen = false;
    let batch = new ImportBatch();
    try {
      for await (const records of csvFileRecords(source)) {
        for (const record of records) {
          rowNumber++;
          const { cells, problem: nulProblem } = withoutNul(record.cells, headers);
          if (isEmptyCsvRow(cells)) continue;
          if (!columns) {
            headers = cells;
            const mapping = mapHeaders(schema, cells, toOverrides(started.mapping));
            if (mapping.missingRequired.length > 0) {
              throw new ImportFailure(missingColumnsMessage(schema, cells, mapping));
            }
            columns = mapping.columns;
            continue;
          }
          if (!firstDataRowSeen) {
            firstDataRowSeen = true;
            // The template's untouched example row is not a lead.
            if (isCsvTemplateExampleRow(schema, columns, cells)) continue;
          }
          if (rowNumber <= resumeAfter) continue;
          const problems: string[] = [];
          if (record.quoteProblem) problems.push(quoteProblemMessage(record.quoteProblem));
          if (nulProblem) problems.push(nulProblem);
          const result = validateCsvRow(schema, columns, cells);
          if (!result.ok) problems.push(formatRowErrors(result.errors));
          if (!result.ok || problems.length > 0) {
            batch.errors.push({
              row: rowNumber,
              cells,
              error: problems.join('; '),
              kind: 'failed',
            });
          } else {
            const lead = result.value;
            const match = deduper.add({ email: lead.email, company: lead.company }, rowNumber);
            if (match) {
              batch.errors.push({
                row: rowNumber,
                cells,
                error: inFileDuplicateMessage(match),
                kind: 'duplicate',
              });
            } else {
              batch.leads.push({
                row: rowNumber,
                cells,
                data: lead,
                emailNormalized: normalizeEmail(lead.email),
                companyDomain: companyDomain(lead.email, lead.company),
              });
            }
          }
          if (batch.size >= this.config.importBatchSize) {
            if (!(await submit(batch))) return { kind: 'stopped' };
            batch = new ImportBatch();
          }
        }
      }
      if (!columns) throw new ImportFailure('The file is empty.');
      if (batch.size > 0 && !(await submit(batch))) return { kind: 'stopped' };
      await inFlight;
      return { kind: 'done' };
    } catch (error) {
      await inFlight.catch(() => {});
      if (error instanceof NotCsvError || error instanceof CsvRecordTooLongError) {
        throw new ImportFailure(error.message);
      }
      throw error;
    }
  }

  private async writeWithRetry(
    context: ImportContext,
    batch: ImportBatch,
    announce: EventProgramContext | null,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.transaction(async (manager) => {
          const counts = await this.rows.writeBatch(manager, context, batch);
          if (announce) await this.announce(manager, context, counts.created, announce);
        });
        return;
      } catch (error) {
        if (attempt >= 5 || !isRetryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt * attempt));
      }
    }
  }

  /**
   * `lead.created` for each lead a batch inserted, in its transaction, with the `imported`
   * history event's id as the fact's id: a replayed batch inserts (and announces) nothing again.
   */
  private async announce(
    manager: EntityManager,
    context: ImportContext,
    created: readonly CreatedLead[],
    program: EventProgramContext,
  ): Promise<void> {
    if (created.length === 0) return;
    const views = await this.leads.findViews(
      manager,
      TenantScope.company(context.companyId),
      created.map((lead) => lead.leadId),
    );
    const byId = new Map(views.map((view) => [view.lead.id, view]));
    for (const { leadId, eventId } of created) {
      const view = byId.get(leadId);
      if (!view) continue;
      await this.events.emit(manager, {
        type: 'lead.created',
        companyId: context.companyId,
        id: eventId,
        occurredAt: view.lead.createdAt,
        actor: context.actor,
        data: { lead: viewToDto(view) },
        program,
      });
    }
  }

  /** A cancelled import's file is read by no one any more. */
  private async discardCancelledFile(importId: string): Promise<void> {
    const key = await this.runs.cancelledFileKey(importId);
    if (!key) return;
    await this.storage.delete(key).catch((error: unknown) => {
      this.logger.warn(`Could not delete ${key}: ${String(error)}`);
    });
  }

  /** A resumed run still knows the leads its earlier runs imported, for in-file duplicates. */
  private async preloadDeduper(importId: string, deduper: LeadDeduper): Promise<void> {
    let after = 0;
    for (;;) {
      const rows = await this.runs.importedLeads(importId, after, PRELOAD_PAGE);
      for (const lead of rows)
        deduper.add({ email: lead.email, company: lead.company_name }, lead.import_row);
      if (rows.length < PRELOAD_PAGE) return;
      after = rows[rows.length - 1]?.import_row ?? after;
    }
  }

  /**
   * Fails an import no worker could start (see ImportRecovery), the way a failed run ends:
   * status, `import.completed` with the counts, the partner's email, the stored file removed.
   */
  async abandon(importId: string, error: string): Promise<void> {
    const companyId = await this.runs.queuedImportCompany(importId);
    if (!companyId) return;
    const row = await this.repository.findRow(TenantScope.company(companyId), importId);
    if (!row) return;
    const started: StartedImport = {
      company_id: row.company_id,
      program_id: row.program_id,
      partner_id: row.partner_id,
      storage_key: row.storage_key,
      mapping: null,
      attempts: 0,
    };
    const actor: Actor = {
      type: row.created_by_type,
      id: row.created_by_id,
      name: row.created_by_name,
    };
    await this.finish(importId, started, actor, { kind: 'failed', error });
  }

  /**
   * Marks the import completed or failed and emits `import.completed` (once, with the final
   * counts) in the same transaction; the stored file is removed afterwards.
   */
  private async finish(
    importId: string,
    started: StartedImport,
    actor: Actor,
    outcome: Exclude<Outcome, { kind: 'stopped' }>,
  ): Promise<void> {
    const scope = TenantScope.company(started.company_id);
    await this.db.transaction(async (manager) => {
      const ended =
        outcome.kind === 'done'
          ? await this.runs.complete(manager, importId)
          : await this.runs.fail(manager, importId, outcome.error);
      if (!ended) return;
      const dto = await this.repository.findDto(scope, importId, manager);
      this.logger.log(
        `Import ${importId} ${dto?.status}: ${dto?.rowsImported} imported, ${dto?.rowsFailed} failed, ${dto?.rowsDuplicate} duplicate${outcome.kind === 'failed' ? ` (${outcome.error})` : ''}`,
      );
      await this.events.emit(manager, {
        type: 'import.completed',
        companyId: started.company_id,
        id: `import.completed:${importId}`,
        occurredAt: new Date(),
        actor,
        data: { import: dto },
      });
    });
    await this.storage.delete(started.storage_key).catch((error: unknown) => {
      this.logger.warn(`Could not delete ${started.storage_key}: ${String(error)}`);
    });
  }
}
