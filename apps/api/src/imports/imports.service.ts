import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import {
  csvTemplate,
  errorCsvHeader,
  errorCsvRow,
  isCsvTemplateExampleRow,
} from '@leadbridge/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorOf, type Principal } from '../common/auth/principal';
import { notFound, ProblemException, validationProblem } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { issuesToFieldIssues } from '../common/validation/validation.pipe';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { DomainEventsService } from '../events/domain-events.service';
import { JobsService } from '../jobs/jobs.service';
import { FILE_STORAGE, type FileStorage } from '../storage/file-storage';
import { ImportDryRun } from './dry-run';
import { checkMapping, mapOrRefuse, parseMapping, type StoredMapping } from './import-mapping';
import { IMPORT_QUEUE, type ImportJobData } from './import-queue';
import {
  assertImportSlotFree,
  type ImportTarget,
  resolveImportTarget,
  type TargetInput,
  targetKnown,
} from './import-target';
import {
  type CreateImportOptions,
  createImportOptions,
  type ImportDryRunDto,
  type ImportDto,
  type ListImportsQuery,
} from './imports.dto';
import { ImportsRepository } from './imports.repository';
import { fileTooLarge } from './upload/csv-upload-inspector';
import {
  type ReceivedUpload,
  receiveUpload,
  type UploadKind,
  type UploadSource,
} from './upload/upload-receiver';

// Boundaries and part headers around the file in a multipart body.
const MULTIPART_OVERHEAD = 64 * 1024;
const ERROR_CSV_PAGE = 1000;

/** Thrown inside the upload when an earlier request with the same Idempotency-Key made the import. */
class ExistingImport extends Error {
  constructor(readonly id: string) {
    super('import exists');
  }
}

function creatorOf(principal: Principal): { type: Principal['kind']; id: string } {
  switch (principal.kind) {
    case 'user':
      return { type: 'user', id: principal.userId };
    case 'api_key':
      return { type: 'api_key', id: principal.apiKeyId };
    case 'partner':
      return { type: 'partner', id: principal.partnerId };
  }
}

function cleanFileName(name: string | null | undefined): string {
  // Some browsers send a full path (C:\fakepath\leads.csv).
  const base = basename((name ?? '').replace(/\\/g, '/')).trim();
  return (base || 'import.csv').slice(0, 255);
}

/** `Acme Partners` → `acme-partners`, for download file names. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'leads';
}

/** An upload's options (the query's, then its form fields') and its parsed mapping. */
interface UploadOptions {
  options: CreateImportOptions;
  mapping: StoredMapping | null;
}

const OPTION_FIELDS = ['programId', 'partnerId', 'partnerKey', 'mapping', 'fileName', 'sheet'];

/**
 * Reads an upload's options from the query and its form fields, checked and parsed once per
 * set of fields: the fields sent before the file (to refuse early), and again only when more
 * fields followed the file.
 */
function optionsReader(
  query: CreateImportOptions,
): (fields: Record<string, string>) => UploadOptions {
  let last: { key: string; read: UploadOptions } | null = null;
  return (fields) => {
    const known = Object.fromEntries(
      Object.entries(fields).filter(([name]) => OPTION_FIELDS.includes(name)),
    );
    const key = JSON.stringify(known);
    if (last?.key === key) return last.read;
    const parsed = createImportOptions.safeParse(known);
    if (!parsed.success) throw validationProblem(issuesToFieldIssues(parsed.error.issues));
    const options = { ...query, ...parsed.data };
    const read = { options, mapping: parseMapping(options.mapping) };
    last = { key, read };
    return read;
  };
}

/** Refuses, before reading a byte, a body the imports do not take or that says it is too large. */
function acceptedKind(source: UploadSource, maxBytes: number): UploadKind {
  if (!source.kind) {
    throw new ProblemException(
      415,
      'unsupported_media_type',
      'Send the file as multipart/form-data (field `file`), or as a text/csv or .xlsx body.',
    );
  }
  if (source.declaredBytes > maxBytes + (source.kind === 'multipart' ? MULTIPART_OVERHEAD : 0)) {
    throw fileTooLarge(maxBytes);
  }
  return source.kind;
}

/** A FileStorage that keeps nothing: a dry run reads the upload and drops it. */
const discardingStorage: FileStorage = {
  describe: () => 'nowhere (dry run)',
  verify: async () => {},
  put: async (_key, body) => {
    let size = 0;
    for await (const chunk of body) size += (chunk as Buffer).length;
    return { size };
  },
  get: async () => {
    throw new Error('a dry run stores no file');
  },
  delete: async () => {},
};

/** The use cases behind /v1/imports and the lead templates. */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger('imports');

  constructor(
    private readonly db: DataSource,
    private readonly repository: ImportsRepository,
    private readonly jobs: JobsService,
    private readonly events: DomainEventsService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Streams the uploaded CSV to storage (checking it on the way), records the import and queues
   * its job in one transaction. Everything that can be refused is refused before the file is
   * read when the request allows it (partner sessions, or program and partner in the query).
   */
  async create(
    source: UploadSource,
    scope: TenantScope,
    principal: Principal,
    query: CreateImportOptions,
    idempotencyKey: string | undefined,
  ): Promise<ImportDto> {
    const kind = acceptedKind(source, this.config.importMaxBytes);
    const readOptions = optionsReader(query);
    const creator = creatorOf(principal);
    const checked: { target: ImportTarget | null } = { target: null };
    const check = async (input: TargetInput): Promise<ImportTarget> => {
      const target = await resolveImportTarget(this.repository, this.db, scope, input);
      if (idempotencyKey) {
        const existing = await this.findByIdempotencyKey(scope, creator, idempotencyKey);
        if (existing) throw new ExistingImport(existing);
      }
      await assertImportSlotFree(
        this.repository,
        this.db,
        target,
        this.config.importMaxRunningPerPartner,
      );
      checked.target = target;
      return target;
    };

    const storageKey = `imports/${scope.companyId}/${randomUUID()}.csv`;
    let id: string;
    try {
      const upload: ReceivedUpload = await receiveUpload(
        { ...source, kind },
        {
          storage: this.storage,
          key: storageKey,
          limits: { maxBytes: this.config.importMaxBytes, maxRows: this.config.importMaxRows },
          beforeFile: async (fields) => {
            const { options } = readOptions(fields);
            if (targetKnown(scope, options)) await check(options);
            return { sheet: options.sheet };
          },
        },
      );
      const { options, mapping } = readOptions(upload.fields);
      const file = upload.file;
      if (!file) {
        throw validationProblem([
          {
            field: 'file',
            code: 'required',
            message: 'Attach the CSV file or workbook as the form field `file`',
          },
        ]);
      }
      const resolved = checked.target ?? (await check(options));
      const { header, firstDataRow, dataRows, bytes } = file.inspection;
      const mapped = mapOrRefuse(resolved.formSchema, header, mapping);
      const skipsExample =
        firstDataRow !== null &&
        isCsvTemplateExampleRow(resolved.formSchema, mapped.columns, firstDataRow);
      id = await this.db.transaction(async (manager) => {
        // One upload at a time per partner decides whether a slot is free.
        await this.repository.lockImportSlot(manager, resolved.partnerId);
        if (idempotencyKey) {
          const existing = await this.findByIdempotencyKey(scope, creator, idempotencyKey, manager);
          if (existing) throw new ExistingImport(existing);
        }
        await assertImportSlotFree(
          this.repository,
          manager,
          resolved,
          this.config.importMaxRunningPerPartner,
        );
        const importId = await this.repository.insert(manager, {
          companyId: resolved.companyId,
          programId: resolved.programId,
          partnerId: resolved.partnerId,
          createdBy: creator,
          fileName: cleanFileName(file.fileName ?? options.fileName),
          fileSize: bytes,
          storageKey,
          mapping,
          headers: header,
          rowsTotal: dataRows - (skipsExample ? 1 : 0),
          idempotencyKey: idempotencyKey ?? null,
        });
        const job: ImportJobData = { importId };
        await this.jobs.send(IMPORT_QUEUE, job, {}, manager);
        return importId;
      });
    } catch (error) {
      await this.storage.delete(storageKey).catch((cause: unknown) => {
        this.logger.warn(`Could not delete ${storageKey}: ${String(cause)}`);
      });
      if (!(error instanceof ExistingImport)) throw error;
      id = error.id;
    }
    const created = await this.repository.findDto(scope, id);
    if (!created) throw notFound('Import');
    return created;
  }

  /**
   * Reads the upload exactly as an import would — limits, encoding, header mapping, row checks,
   * in-file duplicates — and answers what it found, storing nothing. The program and partner
   * must be known before the file arrives (query parameters, or form fields before `file`).
   */
  async dryRun(
    source: UploadSource,
    scope: TenantScope,
    query: CreateImportOptions,
  ): Promise<ImportDryRunDto> {
    const kind = acceptedKind(source, this.config.importMaxBytes);
    const readOptions = optionsReader(query);
    const state: { target: ImportTarget | null; run: ImportDryRun | null } = {
      target: null,
      run: null,
    };
    const upload = await receiveUpload(
      { ...source, kind },
      {
        // Nothing is kept: the bytes are counted and dropped once the inspector has seen them.
        storage: discardingStorage,
        key: 'dry-run',
        limits: { maxBytes: this.config.importMaxBytes, maxRows: this.config.importMaxRows },
        beforeFile: async (fields) => {
          const { options, mapping } = readOptions(fields);
          const target = await resolveImportTarget(this.repository, this.db, scope, options);
          state.target = target;
          state.run = new ImportDryRun(target.formSchema, target.dedupePolicy, mapping);
          return { sheet: options.sheet };
        },
        onRecord: (record) => state.run?.add(record),
      },
    );
    const { target, run } = state;
    if (!upload.file || !target || !run) {
      throw validationProblem([
        {
          field: 'file',
          code: 'required',
          message: 'Attach the CSV file or workbook as the form field `file`',
        },
      ]);
    }
    const { options, mapping } = readOptions(upload.fields);
    const { inspection } = upload.file;
    checkMapping(target.formSchema, inspection.header, mapping);
    return run.result({
      programId: target.programId,
      partnerId: target.partnerId,
      fileName: upload.file.fileName ?? options.fileName ?? null,
      fileSize: inspection.bytes,
      encoding: inspection.encoding,
      delimiter: inspection.delimiter,
      format: upload.file.sheet ? 'xlsx' : 'csv',
      sheet: upload.file.sheet?.name ?? null,
      sheets: upload.file.sheet?.visible ?? [],
    });
  }

  /**
   * Stops an import: it ends `cancelled` at once (announced as `import.completed`), the rows its
   * job already committed stay, and the job stops before its next batch. Cancelling a cancelled
   * import answers it again; a finished one cannot be cancelled.
   */
  async cancel(scope: TenantScope, principal: Principal, id: string): Promise<ImportDto> {
    const queuedFile = await this.db.transaction(async (manager) => {
      const row = await this.repository.lockForCancel(manager, scope, id);
      if (!row) throw notFound('Import');
      if (row.status === 'cancelled') return null;
      if (row.status !== 'queued' && row.status !== 'processing') {
        throw new ProblemException(
          409,
          'import_not_running',
          `This import has already ${row.status === 'completed' ? 'completed' : 'failed'}; there is nothing to cancel.`,
          { importStatus: row.status },
        );
      }
      await this.repository.markCancelled(manager, scope.companyId, id);
      const dto = await this.repository.findDto(scope, id, manager);
      await this.events.emit(manager, {
        type: 'import.completed',
        companyId: scope.companyId,
        id: `import.completed:${id}`,
        occurredAt: new Date(),
        actor: actorOf(principal),
        data: { import: dto },
      });
      // A queued import's job will find it cancelled and never open the file.
      return row.status === 'queued' ? row.storage_key : null;
    });
    if (queuedFile) {
      await this.storage.delete(queuedFile).catch((cause: unknown) => {
        this.logger.warn(`Could not delete ${queuedFile}: ${String(cause)}`);
      });
    }
    return this.get(scope, id);
  }

  private async findByIdempotencyKey(
    scope: TenantScope,
    creator: { type: string; id: string },
    key: string,
    db: Pick<DataSource, 'query'> = this.db,
  ): Promise<string | null> {
    return this.repository.findIdByIdempotencyKey(scope.companyId, creator, key, db);
  }

  list(scope: TenantScope, query: ListImportsQuery) {
    return this.repository.list(scope, query);
  }

  async get(scope: TenantScope, id: string): Promise<ImportDto> {
    const found = await this.repository.findDto(scope, id);
    if (!found) throw notFound('Import');
    return found;
  }

  /**
   * The rows that were not imported, in file order: the file's own header plus `error`,
   * formulas neutralised, read from import_errors page by page so any size streams.
   */
  async errorCsv(scope: TenantScope, id: string): Promise<{ fileName: string; body: Readable }> {
    const row = await this.repository.findRow(scope, id);
    if (!row) throw notFound('Import');
    const headers = row.headers ?? [];
    const repository = this.repository;
    const { id: importId, company_id: companyId } = row;
    async function* chunks(): AsyncGenerator<string> {
      yield errorCsvHeader(headers, { bom: true });
      let after = 0;
      for (;;) {
        const page = await repository.errorPage(importId, companyId, after, ERROR_CSV_PAGE);
        if (page.length === 0) return;
        yield page.map((error) => errorCsvRow(error.cells, error.error, headers.length)).join('');
        after = page[page.length - 1]?.row_number ?? after;
        if (page.length < ERROR_CSV_PAGE) return;
      }
    }
    const base = fileSlug(row.file_name.replace(/\.(csv|txt|tsv|xlsx)$/i, ''));
    return { fileName: `${base}-errors.csv`, body: Readable.from(chunks()) };
  }

  /** The program's CSV template (header + an example row), with a BOM so Excel reads UTF-8. */
  async template(
    scope: TenantScope,
    programId: string,
  ): Promise<{ fileName: string; csv: string }> {
    const program = await this.repository.templateProgram(scope.companyId, programId);
    if (!program) throw notFound('Program');
    return {
      fileName: `${fileSlug(program.name)}-lead-template.csv`,
      csv: csvTemplate(program.form_schema, { bom: true }),
    };
  }
}
