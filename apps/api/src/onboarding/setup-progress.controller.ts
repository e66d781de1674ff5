import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { type SetupProgressDto, setupProgressSchema } from './setup-progress.dto';
import { SetupProgressService } from './setup-progress.service';

@ApiTags('company')
@Controller('v1/company/setup-progress')
export class SetupProgressController {
  constructor(private readonly progress: SetupProgressService) {}

  /** The guided setup: which of the steps to a first lead the company has done. */
  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ standardSchema: setupProgressSchema })
  getSetupProgress(@Scope() scope: TenantScope): Promise<SetupProgressDto> {
    return this.progress.get(scope);
  }
}
