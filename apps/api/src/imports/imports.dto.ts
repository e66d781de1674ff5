import { z } from 'zod/mini';
import { pageQueryShape, pageSchema } from '../common/pagination/cursor';
import { fieldIssueSchema } from '../common/problem/problem.schema';
import { uuidSchema } from '../common/validation/common-schemas';
import type { ImportStatus } from './import.entity';

export const IMPORT_STATUSES = [
  'queued',
  'processing',
  'completed',
  'failed',
  'cancelled',
] as const satisfies readonly ImportStatus[];

export const importSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    partner: z.object({ id: z.string(), name: z.string() }),
    status: z
      .enum(IMPORT_STATUSES)
      .check(
        z.describe(
          '`queued` → `processing` → `completed`; `failed` when the file cannot be imported at all; `cancelled` when stopped by `cancelImport` (rows committed before stay imported).',
        ),
      ),
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
  .register(z.globalRegistry, {
    id: 'Import',
    examples: [
      {
        id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        programId: '3f0c1e9a-52b4-4c1d-8e7a-000000000001',
        partner: { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: 'Northwind Partners' },
        status: 'processing',
        fileName: 'leads-march.csv',
        fileSize: 48213,
        rowsTotal: 812,
        rowsProcessed: 400,
        rowsImported: 395,
        rowsFailed: 4,
        rowsDuplicate: 1,
        error: null,
        createdBy: { type: 'partner', name: 'Northwind Partners' },
        createdAt: '2026-03-02T09:30:00.000Z',
        startedAt: '2026-03-02T09:30:01.000Z',
        completedAt: null,
      },
    ],
  });

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
/**
 * Upload options, as query parameters (raw `text/csv` body) or multipart form fields. Company
 * principals name the program and the partner the leads are for; partners import into their own.
 */
export const createImportOptions = z.object({
  programId: z.optional(
    uuidSchema.check(
      z.describe(
        'API keys and cookie sessions: **required**, the program the leads are for. Partner sessions: omit (their own program).',
      ),
    ),
  ),
  partnerId: z.optional(
    uuidSchema.check(
      z.describe(
        'API keys and cookie sessions: the partner the leads are for — send exactly one of `partnerId` or `partnerKey`.',
      ),
    ),
  ),
  partnerKey: z.optional(
    z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(200),
        z.describe(
          "API keys and cookie sessions: the partner's key in the program (instead of `partnerId`).",
        ),
      ),
  ),
  mapping: z.optional(
    z
      .string()
      .check(
        z.maxLength(20_000),
        z.describe(
          'Corrections to the automatic header mapping, as a JSON object `{"<column index>": "<field key>" | null}`: column indexes from 0, a field key of the program\'s form (`email`, `firstName`, or a custom field\'s key such as `budget`), or null to ignore the column. Example: `{"0":"email","3":null}`.',
        ),
        z.meta({ examples: ['{"0":"email","1":"firstName","3":null}'] }),
      ),
  ),
  fileName: z.optional(
    z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(255),
        z.describe('For a raw `text/csv` body: the name shown in import history.'),
      ),
  ),
  sheet: z.optional(
    z
      .string()
      .check(
        z.minLength(1),
        z.maxLength(200),
        z.describe(
          "An Excel workbook's sheet to import: its name, or its position among the visible sheets from 1. Default: the first visible sheet (hidden sheets are read only when named). Ignored for CSV.",
        ),
        z.meta({ examples: ['Leads'] }),
      ),
  ),
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

const dryRunProblemSchema = z.object({
  row: z.int().check(z.describe('Spreadsheet row number (the header is row 1).')),
  kind: z.enum(['failed', 'duplicate']),
  message: z.string().check(z.describe('What is wrong, as the error CSV would say it.')),
  errors: z.array(fieldIssueSchema).check(z.describe('Per field, as `createLead` answers them.')),
});

export const importDryRunSchema = z
  .object({
    programId: z.string(),
    partnerId: z.string(),
    fileName: z.nullable(z.string()),
    fileSize: z.int(),
    encoding: z.string().check(z.describe('How the file was read, e.g. `utf-8`, `windows-1252`.')),
    delimiter: z.string(),
    format: z
      .enum(['csv', 'xlsx'])
      .check(z.describe('What the file is, by its content: CSV text or an Excel workbook.')),
    sheet: z
      .nullable(z.string())
      .check(z.describe('A workbook: the sheet read (see the `sheet` option). CSV: null.')),
    sheets: z
      .array(z.string())
      .check(z.describe("A workbook: its visible sheets, in the workbook's order. CSV: empty.")),
    headers: z.array(z.string()).check(z.describe("The file's header row.")),
    columns: z
      .array(
        z.object({
          index: z.int(),
          header: z.string(),
          field: z.nullable(z.string()).check(z.describe('The field key it maps to, or null.')),
        }),
      )
      .check(z.describe('Each column and the field it maps to (automatic + `mapping`).')),
    mapping: z
      .record(z.string(), z.nullable(z.string()))
      .check(
        z.describe(
          'The effective mapping in the format `createImport` takes: `{"<column index>": "<field key>" | null}`.',
        ),
      ),
    missingRequired: z
      .array(z.string())
      .check(
        z.describe(
          'Required fields no column maps to: `createImport` would answer 422 `missing_required_columns`.',
        ),
      ),
    duplicatedFields: z
      .array(z.string())
      .check(z.describe('Fields more than one column maps to (the first column wins).')),
    ready: z
      .boolean()
      .check(z.describe('Whether `createImport` would accept this file as mapped.')),
    rowsTotal: z.int().check(z.describe('Rows below the header (empty lines are not counted).')),
    rowsValid: z.int(),
    rowsFailed: z.int(),
    rowsDuplicate: z
      .int()
      .check(
        z.describe(
          'Rows repeating an earlier row of the file. Leads already registered in the program are found by the import itself.',
        ),
      ),
    problems: z
      .array(dryRunProblemSchema)
      .check(z.describe('The first rows that would not be imported, in file order.')),
    problemsTruncated: z.boolean().check(z.describe('More rows have problems than listed.')),
  })
  .register(z.globalRegistry, {
    id: 'ImportDryRun',
    examples: [
      {
        programId: '3f0c1e9a-52b4-4c1d-8e7a-000000000001',
        partnerId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        fileName: 'leads-march.csv',
        fileSize: 48213,
        encoding: 'utf-8',
        delimiter: ';',
        format: 'csv',
        sheet: null,
        sheets: [],
        headers: ['E-mail', 'Vorname', 'Firma', 'Notes'],
        columns: [
          { index: 0, header: 'E-mail', field: 'email' },
          { index: 1, header: 'Vorname', field: 'firstName' },
          { index: 2, header: 'Firma', field: 'company' },
          { index: 3, header: 'Notes', field: null },
        ],
        mapping: { '0': 'email', '1': 'firstName', '2': 'company', '3': null },
        missingRequired: [],
        duplicatedFields: [],
        ready: true,
        rowsTotal: 812,
        rowsValid: 803,
        rowsFailed: 7,
        rowsDuplicate: 2,
        problems: [
          {
            row: 14,
            kind: 'failed',
            message: 'Email must be a valid email address',
            errors: [
              {
                field: 'email',
                code: 'invalid_email',
                message: 'Email must be a valid email address',
                params: { label: 'Email' },
              },
            ],
          },
          {
            row: 52,
            kind: 'duplicate',
            message: 'Duplicate: the same email as row 9 of this file',
            errors: [],
          },
        ],
        problemsTruncated: false,
      },
    ],
  });

export type ImportDryRunDto = z.infer<typeof importDryRunSchema>;
