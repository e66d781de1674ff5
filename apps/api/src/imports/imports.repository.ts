import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, type Page, pageLimit, toPage } from '../common/pagination/cursor';
import { validationProblem } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { type ImportDto, type ImportRow, type ListImportsQuery, toImportDto } from './imports.dto';

type Queryable = Pick<EntityManager, 'query'>;

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
      `${SELECT_IMPORT} WHERE i.id = $1 AND ${scope.sql('i', params)}`,
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
    const where = [scope.sql('i', params)];
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
}
