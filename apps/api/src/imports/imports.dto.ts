import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { uuidSchema } from '../common/validation/common-schemas';
import type { ImportStatus } from './import.entity';

export const IMPORT_STATUSES = [
  'queued',
  'processing',
  'completed',
  'failed',
] as const satisfies readonly ImportStatus[];

export const importSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    partner: z.object({ id: z.string(), name: z.string() }),
    status: z.enum(IMPORT_STATUSES),
    fileName: z.string(),
    fileSize: z.number(),
    /** Rows below the header; counted at upload, exact once completed. */
    rowsTotal: z.nullable(z.number()),
    /** imported + failed + duplicate (empty lines are skipped silently). */
    rowsProcessed: z.number(),
    rowsImported: z.number(),
    rowsFailed: z.number(),
    rowsDuplicate: z.number(),
    /** Why the whole import failed (e.g. a required column is missing). */
    error: z.nullable(z.string()),
    createdBy: z.object({
      type: z.enum(['user', 'api_key', 'partner']),
      name: z.nullable(z.string()),
    }),
    createdAt: z.string(),
    startedAt: z.nullable(z.string()),
    completedAt: z.nullable(z.string()),
  })
  .register(z.globalRegistry, { id: 'Import' });

export type ImportDto = z.infer<typeof importSchema>;

export const importPageSchema = pageSchema(importSchema).register(z.globalRegistry, {
  id: 'ImportPage',
});

export const listImportsQuery = z.object({
  ...pageQueryShape,
  programId: z.optional(uuidSchema),
  partnerId: z.optional(uuidSchema),
  status: z.optional(z.enum(IMPORT_STATUSES)),
});

export type ListImportsQuery = z.infer<typeof listImportsQuery>;

/**
 * Upload options, as query parameters (raw `text/csv` body) or multipart form fields. Company
 * principals name the program and the partner the leads are for; partners import into their own.
 */
export const createImportOptions = z.object({
  programId: z.optional(uuidSchema),
  partnerId: z.optional(uuidSchema),
  partnerKey: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  /** JSON `{ "<columnIndex>": "<fieldKey>" | null }`: corrections to the automatic mapping. */
  mapping: z.optional(z.string().check(z.maxLength(20_000))),
  /** For raw bodies, the name shown in import history. */
  fileName: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
});

export type CreateImportOptions = z.infer<typeof createImportOptions>;

/** A row of the import queries in imports.repository.ts. */
export interface ImportRow {
  id: string;
  company_id: string;
  program_id: string;
  partner_id: string;
  partner_name: string;
  created_by_type: 'user' | 'api_key' | 'partner';
  created_by_id: string | null;
  created_by_name: string | null;
  file_name: string;
  file_size: string | number;
  storage_key: string;
  mapping: Record<string, string | null> | null;
  headers: string[] | null;
  status: ImportStatus;
  rows_total: number | null;
  rows_processed: number;
  rows_imported: number;
  rows_failed: number;
  rows_duplicate: number;
  error: string | null;
  created_at: Date;
  cursor_at: string;
  started_at: Date | null;
  completed_at: Date | null;
}

export function toImportDto(row: ImportRow): ImportDto {
  return {
    id: row.id,
    programId: row.program_id,
    partner: { id: row.partner_id, name: row.partner_name },
    status: row.status,
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    rowsTotal: row.rows_total,
    rowsProcessed: row.rows_processed,
    rowsImported: row.rows_imported,
    rowsFailed: row.rows_failed,
    rowsDuplicate: row.rows_duplicate,
    error: row.error,
    createdBy: { type: row.created_by_type, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at ? row.started_at.toISOString() : null,
    completedAt: row.completed_at ? row.completed_at.toISOString() : null,
  };
}

/** `{ id }` with a UUID, for the import routes. */
export const importIdParam = uuidSchema;
