import { z } from 'zod/mini';
import { displayNameSchema } from '../auth/account-schemas';
import { isoDateTimeSchema } from '../common/validation/common-schemas';
import type { Company } from './company.entity';

export const companySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: isoDateTimeSchema,
  })
  .register(z.globalRegistry, { id: 'Company' });

export type CompanyDto = z.infer<typeof companySchema>;

export const updateCompanyBody = z
  .object({ name: displayNameSchema })
  .register(z.globalRegistry, { id: 'UpdateCompanyRequest' });

export function toCompanyDto(company: Pick<Company, 'id' | 'name' | 'createdAt'>): CompanyDto {
  return { id: company.id, name: company.name, createdAt: company.createdAt.toISOString() };
}
