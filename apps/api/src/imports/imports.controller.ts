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
import type { Request, Response } from 'express';
import { CurrentPrincipal, PartnerAllowed } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
import {
  type CreateImportOptions,
  createImportOptions,
  type ImportDto,
  importPageSchema,
  importSchema,
  type ListImportsQuery,
  listImportsQuery,
} from './imports.dto';
import { ImportsService } from './imports.service';
import { attachment } from './lead-templates.controller';

const uploadBody: Parameters<typeof ApiBody>[0] = {
  required: true,
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: 'The CSV file (UTF-8, UTF-16 or Windows-1252; `,` `;` tab or `|`).',
      },
      mapping: {
        type: 'string',
        description:
          'JSON `{ "<columnIndex>": "<fieldKey>" | null }` correcting the automatic header mapping.',
      },
      programId: {
        type: 'string',
        format: 'uuid',
        description: 'Company principals: the program.',
      },
      partnerId: {
        type: 'string',
        format: 'uuid',
        description: 'Company principals: the partner (or partnerKey).',
      },
      partnerKey: {
        type: 'string',
        description: "Company principals: the partner's key in the program.",
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
    summary: 'Upload a CSV and import its leads',
    description:
      'Uploads a CSV of leads (streamed, never buffered) and queues its import: answers 202 at once with the import, which a job then processes — poll `getImport` for progress, then `getImportErrorCsv` for the rows that were not imported. Send `multipart/form-data` with the file in `file`, or the CSV itself as a `text/csv` body with the options as query parameters.\n\n**Who the leads are for**: a partner session imports into its own program; an API key or cookie session must send `programId` **and** exactly one of `partnerId` or `partnerKey` (422 `validation_failed` naming `programId` or `partnerId` otherwise).\n\n**Columns**: headers map to the program\'s fields automatically (names, labels and aliases such as `E-mail`); `mapping` corrects that as a JSON object `{"<column index>": "<field key>" | null}` — e.g. `{"0":"email","3":null}` maps the first column to `email` and ignores the fourth. Run `previewImport` first to see the automatic mapping and the first problems without storing anything.\n\nHonours `Idempotency-Key`: a retried upload returns the same import.',
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
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody(uploadBody)
  @ApiAcceptedResponse({
    standardSchema: importSchema,
    description: 'Queued; `Location` names it.',
  })
  async createImport(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Scope() scope: TenantScope,
    @CurrentPrincipal() principal: Principal,
    @Query({ schema: createImportOptions }) query: CreateImportOptions,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<ImportDto> {
    const created = await this.imports.create(request, scope, principal, query, idempotencyKey);
    // Set here (not only by @HttpCode) so an idempotent replay answers 202 as well.
    response.status(202);
    response.setHeader('Location', `/v1/imports/${created.id}`);
    return created;
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
