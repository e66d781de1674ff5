import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { type SetupProgressDto, setupProgressSchema } from './setup-progress.dto';
import { SetupProgressService } from './setup-progress.service';

@ApiTags('company')
@Controller('v1/company/setup-progress')
export class SetupProgressController {
  constructor(private readonly progress: SetupProgressService) {}

  @Get()
  @ApiOperation({
    summary: 'Get your setup progress',
    description:
      'The guided setup of a new company: which of the five steps to a first lead are done (a program; where the form lives, or the hosted portal; the form loaded there; a partner enrolled; a lead), each read from the company’s data. The admin app shows it instead of the dashboard until every step is done.',
  })
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ standardSchema: setupProgressSchema })
  getSetupProgress(@Scope() scope: TenantScope): Promise<SetupProgressDto> {
    return this.progress.get(scope);
  }
}
