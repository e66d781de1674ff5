import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { Roles } from '../common/auth/auth.decorators';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { type CompanyDto, companySchema, updateCompanyBody } from './companies.dto';
import { CompaniesService } from './companies.service';

@ApiTags('company')
@Controller('v1/company')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  /** The caller's company. */
  @Get()
  @ApiOkResponse({ standardSchema: companySchema })
  getCompany(@Scope() scope: TenantScope): Promise<CompanyDto> {
    return this.companies.get(scope);
  }

  /** Renames the company (shown to partners in emails and the widget). */
  @Roles('owner', 'admin')
  @Patch()
  @ApiOkResponse({ standardSchema: companySchema })
  @ApiResponse({ status: 403, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  updateCompany(
    @Scope() scope: TenantScope,
    @Body({ schema: updateCompanyBody }) body: z.infer<typeof updateCompanyBody>,
  ): Promise<CompanyDto> {
    return this.companies.rename(scope, body.name);
  }
}
