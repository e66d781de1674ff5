import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, PartnerAllowed } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import type { HttpReply, HttpRequest } from '../common/http/http';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
import {
  type CreateImportOptions,
  createImportOptions,
  type ImportDryRunDto,
  type ImportDto,
  importDryRunSchema,
  importPageSchema,
  importSchema,
  type ListImportsQuery,
  listImportsQuery,
} from './imports.dto';
import { ImportsService } from './imports.service';
import { attachment } from './lead-templates.controller';
import { uploadSourceOf } from './upload/upload-receiver';

const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MAPPING_DESCRIPTION =
  'Corrections to the automatic header mapping, as a JSON object `{"<column index>": "<field key>" | null}`: column indexes from 0, a field key of the program\'s form (`email`, `firstName`, or a custom field\'s key), or null to ignore the column.';

const SHEET_DESCRIPTION =
  "An Excel workbook's sheet to import: its name, or its position among the visible sheets from 1. Default: the first visible sheet (hidden sheets are read only when named). Ignored for CSV.";

/**
 * The multipart form. Who the leads are for is a rule across fields, so it is a `oneOf`: a
 * partner session sends none of the target fields; an API key or cookie session sends
 * `programId` and exactly one of `partnerId` / `partnerKey` (here or as query parameters).
 */
// A property that must be absent (JSON Schema's `false`, which the swagger types do not take).
const NEVER = { not: {} };

const uploadBody: Parameters<typeof ApiBody>[0] = {
  required: true,
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description:
          'The CSV file (UTF-8, UTF-16 or Windows-1252; `,` `;` tab or `|` delimited) or Excel workbook (.xlsx), told apart by content. Send it after the other fields.',
      },
      mapping: {
        type: 'string',
        description: MAPPING_DESCRIPTION,
        examples: ['{"0":"email","1":"firstName","3":null}'],
      },
      programId: {
        type: 'string',
        format: 'uuid',
        description: 'API keys and cookie sessions: the program (required).',
      },
      partnerId: {
        type: 'string',
        format: 'uuid',
        description: 'API keys and cookie sessions: the partner (or `partnerKey`).',
      },
      partnerKey: {
        type: 'string',
        description:
          "API keys and cookie sessions: the partner's key in the program (or `partnerId`).",
      },
      fileName: { type: 'string', description: 'The name shown in import history.' },
      sheet: { type: 'string', description: SHEET_DESCRIPTION, examples: ['Leads'] },
    },
    oneOf: [
      {
        title: 'Partner session',
        description: "Imports into the session's own program: no target fields.",
        properties: { programId: NEVER, partnerId: NEVER, partnerKey: NEVER },
      },
      {
        title: 'API key or cookie session, partner by id',
        required: ['programId', 'partnerId'],
        properties: {
          programId: { type: 'string' },
          partnerId: { type: 'string', format: 'uuid' },
          partnerKey: NEVER,
        },
      },
      {
        title: 'API key or cookie session, partner by key',
        required: ['programId', 'partnerKey'],
        properties: {
          programId: { type: 'string' },
          partnerKey: { type: 'string', minLength: 1 },
          partnerId: NEVER,
        },
      },
    ],
  },
  examples: {
    partner: {
      summary: 'A partner session (options none)',
      value: {
        file: 'Email,First name,Last name,Company\nada@example.com,Ada,Lovelace,Analytical Engines\n',
      },
    },
    company: {
      summary: 'An API key, with a mapping correction',
      value: {
        file: 'E-mail,Vorname,Notes\nada@example.com,Ada,call back\n',
        programId: '3f0c1e9a-52b4-4c1d-8e7a-000000000001',
        partnerKey: 'northwind',
        mapping: '{"1":"firstName","2":null}',
      },
    },
  },
};

@ApiTags('imports')
@Controller('v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @PartnerAllowed()
  @Post()
  @ApiOperation({
    summary: 'Upload a CSV or Excel workbook and import its leads',
    description:
      'Uploads a CSV or an Excel workbook (.xlsx) of leads (streamed, never buffered) and queues its import: answers 202 at once with the import, which a job then processes — poll `getImport` for progress, then `getImportErrorCsv` for the rows that were not imported. Send `multipart/form-data` with the file in `file`, or the file itself as the body (`text/csv`, or the .xlsx media type) with the options as query parameters.\n\n**Workbooks** are recognised by their content (never by name or declared type). One sheet is imported: `sheet` names it (or its position among the visible sheets, from 1), by default the first visible sheet; an unknown sheet is a 422 `validation_failed` naming `sheet`. Cells read as the spreadsheet shows them: dates as `YYYY-MM-DD` (with ` HH:MM` when there is a time), formulas as their saved results (never evaluated), text cells keep leading zeros, a merged range\'s value is its top-left cell\'s, empty rows are skipped, row numbers are the sheet\'s. The same limits apply (`maxBytes` to the workbook, `maxRows` to the sheet); the error file is CSV. Excel 97–2003 (.xls) and password-protected workbooks are refused with 415 `not_csv`.\n\n**Who the leads are for**: a partner session imports into its own program; an API key or cookie session must send `programId` **and** exactly one of `partnerId` or `partnerKey` (422 `validation_failed` naming `programId` or `partnerId` otherwise).\n\n**Columns**: headers map to the program\'s fields automatically (names, labels and aliases such as `E-mail`); `mapping` corrects that as a JSON object `{"<column index>": "<field key>" | null}` — e.g. `{"0":"email","3":null}` maps the first column to `email` and ignores the fourth. Run `previewImport` first to see the automatic mapping and the first problems without storing anything.\n\nHonours `Idempotency-Key`: a retried upload returns the same import.',
  })
  @ApiProblems(
    'lead_import_disabled',
    'not_found',
    'import_already_running',
    'program_archived',
    'file_too_large',
    'too_many_rows',
    'not_csv',
    'unsupported_media_type',
    'missing_required_columns',
    'empty_file',
    'no_rows',
    'unclosed_quote',
    'row_too_long',
    'invalid_multipart',
    'upload_aborted',
  )
  @HttpCode(202)
  @ApiConsumes('multipart/form-data', 'text/csv', XLSX_MEDIA_TYPE)
  @ApiBody(uploadBody)
  @ApiAcceptedResponse({
    standardSchema: importSchema,
    description: 'Queued; `Location` names it.',
  })
  async createImport(
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) response: HttpReply,
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: createImportOptions }) query: CreateImportOptions,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<ImportDto> {
    const created = await this.imports.create(
      uploadSourceOf(request.raw),
      scope,
      principal,
      query,
      idempotencyKey,
    );
    // Set here (not only by @HttpCode) so an idempotent replay answers 202 as well.
    response.status(202);
    response.header('Location', `/v1/imports/${created.id}`);
    return created;
  }

  @PartnerAllowed()
  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Dry-run an import (validate only)',
    description:
      "Reads a CSV or Excel workbook exactly as `createImport` would — size and row limits, encoding, header mapping, each row checked against the program's form, repeated rows within the file — and answers the automatic column mapping, the counts and the first rows' problems — for a workbook also the sheet read and the visible sheets (`sheet`, `sheets`). **Stores nothing**: no import, no file, no lead. The widget's import preview asks the same question.\n\nSame body and options as `createImport` (multipart with `file`, or a `text/csv` body with the options as query parameters); the program and partner must be known before the file (query parameters, or form fields before `file`). `mapping` corrections apply as they would on import. A file with no column for a required field answers 200 with `missingRequired` and `ready: false`, so the mapping can be fixed. Leads already registered in the program are found by the import itself, not here.",
  })
  @ApiProblems(
    'lead_import_disabled',
    'not_found',
    'program_archived',
    'file_too_large',
    'too_many_rows',
    'not_csv',
    'unsupported_media_type',
    'empty_file',
    'no_rows',
    'unclosed_quote',
    'row_too_long',
    'invalid_multipart',
    'upload_aborted',
  )
  @ApiConsumes('multipart/form-data', 'text/csv', XLSX_MEDIA_TYPE)
  @ApiBody(uploadBody)
  @ApiOkResponse({ standardSchema: importDryRunSchema, description: 'What the import would do.' })
  dryRunImport(
    @Req() request: HttpRequest,
    @Scope() scope: TenantScope,
    @Query({ schema: createImportOptions }) query: CreateImportOptions,
  ): Promise<ImportDryRunDto> {
    return this.imports.dryRun(uploadSourceOf(request.raw), scope, query);
  }

  @PartnerAllowed()
  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel an import',
    description:
      'Stops a queued or processing import. It ends `cancelled` at once (announced as the `import.completed` webhook, with the counts so far); the rows its job already committed stay imported and keep their history; the rest of the file is not processed and the stored file is deleted. The partner sees the import as cancelled in its history. Cancelling a cancelled import answers it again; a completed or failed one answers 409 `import_not_running`. A partner cancels its own imports, a company any of its imports.',
  })
  @ApiProblems('not_found', 'import_not_running')
  @ApiOkResponse({ standardSchema: importSchema, description: 'The cancelled import.' })
  cancelImport(
    @CurrentPrincipal() principal: Principal,
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<ImportDto> {
    return this.imports.cancel(scope, principal, id);
  }

  @PartnerAllowed()
  @Get()
  @ApiOperation({
    summary: 'List imports',
    description:
      'Import history, newest first, with status and counts: a company sees all its imports, a partner its own. Read-only.',
  })
  @ApiOkResponse({ standardSchema: importPageSchema })
  listImports(
    @Scope() scope: TenantScope,
    @Query({ schema: listImportsQuery }) query: ListImportsQuery,
  ): Promise<{ data: ImportDto[]; nextCursor: string | null }> {
    return this.imports.list(scope, query);
  }

  @PartnerAllowed()
  @Get(':id')
  @ApiOperation({
    summary: 'Get an import',
    description:
      'One import with its status (`queued`, `processing`, `completed`, `failed`, `cancelled`), progress and counts. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: importSchema })
  getImport(
    @Param('id', { schema: uuidSchema }) id: string,
    @Scope() scope: TenantScope,
  ): Promise<ImportDto> {
    return this.imports.get(scope, id);
  }

  @PartnerAllowed()
  @Get(':id/errors.csv')
  @ApiOperation({
    summary: "Download an import's error CSV",
    description:
      "The rows that were not imported (invalid or duplicate) with the file's own columns plus `error`, in file order, as CSV (UTF-8 with BOM). Fix the rows and upload this file again: it re-imports as is. Read-only.",
  })
  @ApiProblems('not_found')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', schema: { type: 'string' } })
  async getImportErrorCsv(
    @Param('id', { schema: uuidSchema }) id: string,
    @Scope() scope: TenantScope,
  ): Promise<StreamableFile> {
    const { fileName, body } = await this.imports.errorCsv(scope, id);
    return new StreamableFile(body, {
      type: 'text/csv; charset=utf-8',
      disposition: attachment(fileName),
    });
  }
}
