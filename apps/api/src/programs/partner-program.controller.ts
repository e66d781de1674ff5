import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { PartnerOnly } from '../common/auth/auth.decorators';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { ProgramConfigService } from './program-config.service';
import { localeQuery, type PartnerProgramDto, partnerProgramSchema } from './programs.dto';

/** The signed-in partner's view of its program (the widget's "Program summary"). */
@ApiTags('partner')
@Controller('v1/partner/program')
export class PartnerProgramController {
  constructor(private readonly config: ProgramConfigService) {}

  @PartnerOnly()
  @Get()
  @ApiOperation({
    summary: 'Get your program',
    description:
      "The signed-in partner's program: form, stage labels and offer, the offer also in plain words, in the language `?locale=` names (`fr`, `pt-BR`, …). Partner sessions only. Read-only.",
  })
  @ApiOkResponse({ standardSchema: partnerProgramSchema })
  getPartnerProgram(
    @Scope() scope: TenantScope,
    @Query({ schema: localeQuery }) query: z.infer<typeof localeQuery>,
  ): Promise<PartnerProgramDto> {
    return this.config.forPartner(scope, query.locale);
  }
}
