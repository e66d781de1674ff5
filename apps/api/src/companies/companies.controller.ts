import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { Roles } from '../common/auth/auth.decorators';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { type CompanyDto, companySchema, updateCompanyBody } from './companies.dto';
import { CompaniesService } from './companies.service';

@ApiTags('company')
@Controller('v1/company')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Get()
  @ApiOperation({
    summary: 'Get your company',
    description:
      'The company of the API key or signed-in user: its id and name, the name partners see in emails and the widget. Read-only.',
  })
  @ApiOkResponse({ standardSchema: companySchema })
  getCompany(@Scope() scope: TenantScope): Promise<CompanyDto> {
    return this.companies.get(scope);
  }

  @Roles('owner', 'admin')
  @Patch()
  @ApiOperation({
    summary: 'Rename your company',
    description:
      'Renames the company (shown to partners in emails and the widget). Owners and admins.',
  })
  @ApiOkResponse({ standardSchema: companySchema })
  updateCompany(
    @Scope() scope: TenantScope,
    @Body({ schema: updateCompanyBody }) body: z.infer<typeof updateCompanyBody>,
  ): Promise<CompanyDto> {
    return this.companies.rename(scope, body.name);
  }
}
