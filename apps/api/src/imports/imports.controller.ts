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
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, PartnerAllowed } from '../common/auth/auth.decorators';
import type { Principal } from '../common/auth/principal';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
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

  /**
   * Uploads a CSV of leads (streamed, never buffered) and queues its import: answers 202 at once
   * with the import, which a job then processes (poll `getImport`). Send `multipart/form-data`
   * with the file in `file`, or the CSV itself as a `text/csv` body with the options as query
   * parameters. Honours `Idempotency-Key`: a retried upload returns the same import.
   */
  @PartnerAllowed()
  @Post()
  @HttpCode(202)
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody(uploadBody)
  @ApiAcceptedResponse({
    standardSchema: importSchema,
    description: 'Queued; `Location` names it.',
  })
  @ApiResponse({
    status: 403,
    standardSchema: problemSchema,
    description: '`lead_import_disabled`',
  })
  @ApiResponse({
    status: 404,
    standardSchema: problemSchema,
    description: 'Program or partner unknown',
  })
  @ApiResponse({
    status: 409,
    standardSchema: problemSchema,
    description: '`import_already_running`, `program_archived`',
  })
  @ApiResponse({
    status: 413,
    standardSchema: problemSchema,
    description: '`file_too_large`, `too_many_rows`',
  })
  @ApiResponse({
    status: 415,
    standardSchema: problemSchema,
    description: '`not_csv`, `unsupported_media_type`',
  })
  @ApiResponse({
    status: 422,
    standardSchema: problemSchema,
    description:
      '`missing_required_columns`, `empty_file`, `no_rows`, `unclosed_quote`, `validation_failed`',
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

  /** Import history, newest first: a company sees all its imports, a partner its own. */
  @PartnerAllowed()
  @Get()
  @ApiOkResponse({ standardSchema: importPageSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  listImports(
    @Scope() scope: TenantScope,
    @Query({ schema: listImportsQuery }) query: ListImportsQuery,
  ): Promise<{ data: ImportDto[]; nextCursor: string | null }> {
    return this.imports.list(scope, query);
  }

  /** One import with its progress and counts. */
  @PartnerAllowed()
  @Get(':id')
  @ApiOkResponse({ standardSchema: importSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  getImport(
    @Param('id', { schema: uuidSchema }) id: string,
    @Scope() scope: TenantScope,
  ): Promise<ImportDto> {
    return this.imports.get(scope, id);
  }

  /**
   * The rows that were not imported (invalid or duplicate) with the file's own columns plus
   * `error`, in file order. Fix the rows and upload this file again: it re-imports as is.
   */
  @PartnerAllowed()
  @Get(':id/errors.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV (UTF-8 with BOM)', schema: { type: 'string' } })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
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
