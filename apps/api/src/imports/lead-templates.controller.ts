import { Controller, Get, Header, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PartnerOnly } from '../common/auth/auth.decorators';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
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

  @Get('programs/:id/lead-template.csv')
  @ApiOperation({
    summary: "Download a program's CSV template",
    description:
      'The CSV template partners fill in for the program: one column per form field (built-ins `firstName`, `lastName`, `email`, `company` by label, then custom fields) and an example row that imports skip. Read-only.',
  })
  @ApiProblems('not_found')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV template (UTF-8 with BOM)', schema: { type: 'string' } })
  async getProgramLeadTemplate(
    @Param('id', { schema: uuidSchema }) id: string,
    @Scope() scope: TenantScope,
  ): Promise<StreamableFile> {
    const { fileName, csv } = await this.imports.template(scope, id);
    return csvFile(fileName, csv);
  }

  @PartnerOnly()
  @Get('partner/lead-template.csv')
  @ApiOperation({
    summary: "Download your program's CSV template",
    description:
      "The CSV template of the signed-in partner's program (see `getProgramLeadTemplate`). Partner sessions only. Read-only.",
  })
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV template (UTF-8 with BOM)', schema: { type: 'string' } })
  async getPartnerLeadTemplate(@Scope() scope: TenantScope): Promise<StreamableFile> {
    const { fileName, csv } = await this.imports.template(scope, scope.programId ?? '');
    return csvFile(fileName, csv);
  }
}
