import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { PartnerOnly } from '../common/auth/auth.decorators';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { ProgramConfigService } from './program-config.service';
import { localeQuery, type PartnerProgramDto, partnerProgramSchema } from './programs.dto';

/** The signed-in partner's view of its program (the widget's "Program summary"). */
@ApiTags('partner')
@Controller('v1/partner/program')
export class PartnerProgramController {
  constructor(private readonly config: ProgramConfigService) {}

  /** The program's form, stage labels and offer, the offer also in plain words (`?locale=de`). */
  @PartnerOnly()
  @Get()
  @ApiOkResponse({ standardSchema: partnerProgramSchema })
  @ApiResponse({ status: 401, standardSchema: problemSchema })
  @ApiResponse({ status: 403, standardSchema: problemSchema })
  getPartnerProgram(
    @Scope() scope: TenantScope,
    @Query({ schema: localeQuery }) query: z.infer<typeof localeQuery>,
  ): Promise<PartnerProgramDto> {
    return this.config.forPartner(scope, query.locale);
  }
}
