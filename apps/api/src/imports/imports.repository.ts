import type { DedupePolicy, LeadFormSchema } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { tenantCondition } from '../common/database/tenant-condition';
import { decodeCursor, type Page, pageLimit, toPage } from '../common/pagination/cursor';
import { validationProblem } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { type ImportDto, type ImportRow, type ListImportsQuery, toImportDto } from './imports.dto';

type Queryable = Pick<EntityManager, 'query'>;

/** A new import, queued. */
export interface ImportInsert {
  companyId: string;
  programId: string;
  partnerId: string;
  createdBy: { type: string; id: string };
  fileName: string;
  fileSize: number;
  storageKey: string;
  mapping: unknown;
  headers: string[];
  rowsTotal: number;
  idempotencyKey: string | null;
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Who started the import is named from the table its id points into.
const SELECT_IMPORT = `
  SELECT i.id, i.company_id, i.program_id, i.partner_id, p.name AS partner_name,
         i.created_by_type, i.created_by_id,
         CASE i.created_by_type
           WHEN 'user' THEN (SELECT u.name FROM users u WHERE u.id = i.created_by_id AND u.company_id = i.company_id)
           WHEN 'api_key' THEN (SELECT k.name FROM api_keys k WHERE k.id = i.created_by_id AND k.company_id = i.company_id)
           ELSE p.name
         END AS created_by_name,
         i.file_name, i.file_size, i.storage_key, i.mapping, i.headers, i.status, i.rows_total,
         i.rows_processed, i.rows_imported, i.rows_failed, i.rows_duplicate, i.error,
         i.created_at, i.created_at::text AS cursor_at, i.started_at, i.completed_at
    FROM imports i
    JOIN partners p ON p.id = i.partner_id AND p.company_id = i.company_id`;

/** Queries over `imports` (tenant-scoped reads, keyset history). */
/** What an import checks of its program. */
export interface ImportProgramRow {
  name: string;
  form_schema: LeadFormSchema;
  dedupe_policy: DedupePolicy;
  lead_import_enabled: boolean;
  archived: boolean;
}

@Injectable()
export class ImportsRepository {
  constructor(private readonly db: DataSource) {}

  async findRow(
    scope: TenantScope,
    id: string,
    db: Queryable = this.db,
  ): Promise<ImportRow | null> {
    const params: unknown[] = [id];
    const rows: ImportRow[] = await db.query(
      `${SELECT_IMPORT} WHERE i.id = $1 AND ${tenantCondition(scope, 'i', params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  async findDto(
    scope: TenantScope,
    id: string,
    db: Queryable = this.db,
  ): Promise<ImportDto | null> {
    const row = await this.findRow(scope, id, db);
    return row ? toImportDto(row) : null;
  }

  /** Newest first, keyset on (created_at, id) — served by imports_company_idx / imports_partner_idx. */
  async list(scope: TenantScope, query: ListImportsQuery): Promise<Page<ImportDto>> {
    const limit = pageLimit(query.limit);
    const params: unknown[] = [];
    const where = [tenantCondition(scope, 'i', params)];
    if (query.programId) {
      params.push(query.programId);
      where.push(`i.program_id = $${params.length}`);
    }
    if (query.partnerId) {
      params.push(query.partnerId);
      where.push(`i.partner_id = $${params.length}`);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`i.status = $${params.length}`);
    }
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, 2).map(String);
      if (!at || !id || !CURSOR_TIME.test(at) || !UUID.test(id)) {
        throw validationProblem([
          {
            field: 'cursor',
            code: 'invalid_cursor',
            message: 'cursor is not one this API returned',
          },
        ]);
      }
      params.push(at, id);
      where.push(
        `(i.created_at, i.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows: ImportRow[] = await this.db.query(
      `${SELECT_IMPORT} WHERE ${where.join(' AND ')}
        ORDER BY i.created_at DESC, i.id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, limit, toImportDto, (row) => [row.cursor_at, row.id]);
  }

  /** The program leads are imported into, with what the import checks. */
  async importProgram(
    scope: TenantScope,
    programId: string,
    db: Queryable = this.db,
  ): Promise<ImportProgramRow | null> {
    const programs: ImportProgramRow[] = await db.query(
      `SELECT name, form_schema, dedupe_policy, lead_import_enabled, archived_at IS NOT NULL AS archived
         FROM programs WHERE id = $1 AND company_id = $2`,
      [programId, scope.companyId],
    );
    return programs[0] ?? null;
  }

  /** The id of the partner (by id or partner key) actively enrolled in the program. */
  async enrolledPartner(
    companyId: string,
    programId: string,
    partner: { id: string } | { key: string | undefined },
    db: Queryable = this.db,
  ): Promise<string | null> {
    const byId = 'id' in partner;
    const partners: { partner_id: string }[] = await db.query(
      `SELECT ps.partner_id FROM partnerships ps
         JOIN partners p ON p.id = ps.partner_id AND p.company_id = ps.company_id
        WHERE ps.company_id = $1 AND ps.program_id = $2 AND ps.status = 'active'
          AND p.status <> 'archived'
          AND ${byId ? 'ps.partner_id = $3' : 'ps.partner_key = $3'}`,
      [companyId, programId, byId ? partner.id : partner.key],
    );
    return partners[0]?.partner_id ?? null;
  }

  /** The partner's queued or running imports, oldest first, at most `limit`. */
  async runningImports(
    target: { companyId: string; partnerId: string },
    limit: number,
    db: Queryable = this.db,
  ): Promise<string[]> {
    const running: { id: string }[] = await db.query(
      `SELECT id FROM imports
        WHERE company_id = $1 AND partner_id = $2 AND status IN ('queued', 'processing')
        ORDER BY created_at LIMIT $3`,
      [target.companyId, target.partnerId, limit],
    );
    return running.map((row) => row.id);
  }

  /**
   * Serialises, until the transaction ends, the uploads of one partner: whether an import
   * slot is free is decided one upload at a time.
   */
  async lockImportSlot(manager: EntityManager, partnerId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `lb:import-slot:${partnerId}`,
    ]);
  }

  async insert(manager: EntityManager, row: ImportInsert): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO imports (company_id, program_id, partner_id, created_by_type, created_by_id,
                            file_name, file_size, storage_key, mapping, headers, status,
                            rows_total, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'queued', $11, $12) RETURNING id`,
      [
        row.companyId,
        row.programId,
        row.partnerId,
        row.createdBy.type,
        row.createdBy.id,
        row.fileName,
        row.fileSize,
        row.storageKey,
        row.mapping ? JSON.stringify(row.mapping) : null,
        JSON.stringify(row.headers),
        row.rowsTotal,
        row.idempotencyKey,
      ],
    );
    const importId = rows[0]?.id;
    if (!importId) throw new Error('INSERT INTO imports returned no id');
    return importId;
  }

  /** The creator's import started with this `Idempotency-Key`, if any. */
  async findIdByIdempotencyKey(
    companyId: string,
    creator: { type: string; id: string },
    key: string,
    db: Queryable = this.db,
  ): Promise<string | null> {
    const rows: { id: string }[] = await db.query(
      `SELECT id FROM imports
        WHERE company_id = $1 AND created_by_type = $2 AND created_by_id = $3 AND idempotency_key = $4`,
      [companyId, creator.type, creator.id, key],
    );
    return rows[0]?.id ?? null;
  }

  /** The import's status and file, row-locked; null when the scope has no such import. */
  async lockForCancel(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
  ): Promise<{ status: string; storage_key: string } | null> {
    const params: unknown[] = [id];
    const rows: { status: string; storage_key: string }[] = await manager.query(
      `SELECT i.status, i.storage_key FROM imports i
        WHERE i.id = $1 AND ${tenantCondition(scope, 'i', params)}
        FOR UPDATE`,
      params,
    );
    return rows[0] ?? null;
  }

  async markCancelled(manager: EntityManager, companyId: string, id: string): Promise<void> {
    await manager.query(
      `UPDATE imports SET status = 'cancelled', completed_at = now() WHERE id = $1 AND company_id = $2`,
      [id, companyId],
    );
  }

  /** A page of the import's failed rows after `afterRow`, in file order. */
  async errorPage(
    importId: string,
    companyId: string,
    afterRow: number,
    limit: number,
  ): Promise<{ row_number: number; cells: string[]; error: string }[]> {
    return this.db.query(
      `SELECT row_number, cells, error FROM import_errors
        WHERE import_id = $1 AND company_id = $2 AND row_number > $3
        ORDER BY row_number LIMIT $4`,
      [importId, companyId, afterRow, limit],
    );
  }

  /** The program's name and form, for its CSV template. */
  async templateProgram(
    companyId: string,
    programId: string,
  ): Promise<{ name: string; form_schema: LeadFormSchema } | null> {
    const rows: { name: string; form_schema: LeadFormSchema }[] = await this.db.query(
      `SELECT name, form_schema FROM programs WHERE id = $1 AND company_id = $2`,
      [programId, companyId],
    );
    return rows[0] ?? null;
  }
}
