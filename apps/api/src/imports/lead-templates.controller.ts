import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PartnerOnly } from '../common/auth/auth.decorators';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ImportsService } from './imports.service';

/** `Content-Disposition: attachment` with an ASCII name and the exact name per RFC 6266. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function csvFile(fileName: string, csv: string): StreamableFile {
  return new StreamableFile(Buffer.from(csv, 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: attachment(fileName),
  });
}

/** The CSV template of a program's lead form: labels as headers (required ones marked ` *`). */
@ApiTags('imports')
@Controller('v1')
export class LeadTemplatesController {
  constructor(private readonly imports: ImportsService) {}

  /** The template partners fill in, for a company's program. */
  @Get('programs/:id/lead-template.csv')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV template (UTF-8 with BOM)', schema: { type: 'string' } })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  async getProgramLeadTemplate(
    @Param('id', { schema: uuidSchema }) id: string,
    @Scope() scope: TenantScope,
  ): Promise<StreamableFile> {
    const { fileName, csv } = await this.imports.template(scope, id);
    return csvFile(fileName, csv);
  }

  /** The template of the signed-in partner's program. */
  @PartnerOnly()
  @Get('partner/lead-template.csv')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV template (UTF-8 with BOM)', schema: { type: 'string' } })
  async getPartnerLeadTemplate(@Scope() scope: TenantScope): Promise<StreamableFile> {
    const { fileName, csv } = await this.imports.template(scope, scope.programId ?? '');
    return csvFile(fileName, csv);
  }
}
