import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { type CompanyDto, toCompanyDto } from './companies.dto';
import { Company } from './company.entity';

/** The caller's own company (there is no way to address another one). */
@Injectable()
export class CompaniesService {
  constructor(private readonly db: DataSource) {}

  async get(scope: TenantScope): Promise<CompanyDto> {
    const company = await this.db.getRepository(Company).findOneBy({ id: scope.companyId });
    if (!company) throw notFound('Company');
    return toCompanyDto(company);
  }

  async rename(scope: TenantScope, name: string): Promise<CompanyDto> {
    await this.db.getRepository(Company).update({ id: scope.companyId }, { name });
    return this.get(scope);
  }
}
