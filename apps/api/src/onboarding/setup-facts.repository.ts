import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tenantCondition } from '../common/database/tenant-condition';
import type { TenantScope } from '../common/tenancy/tenant-scope';

export interface Facts {
  program_id: string | null;
  first_loaded_from: string | null;
  origins: boolean;
  portal_used: boolean;
  partners: boolean;
  leads: boolean;
}

/** What the company has set up so far, read from its programs, partnerships and leads. */
@Injectable()
export class SetupFactsRepository {
  constructor(private readonly db: DataSource) {}

  async get(scope: TenantScope): Promise<Facts> {
    const params: unknown[] = [];
    const programs = `programs g WHERE ${tenantCondition(scope, 'g', params, { owned: false })} AND g.archived_at IS NULL`;
    const [facts] = (await this.db.query(
      `SELECT
         (SELECT g.id FROM ${programs} ORDER BY g.created_at, g.id LIMIT 1) AS program_id,
         (SELECT g.form_first_loaded_from FROM ${programs} AND g.form_first_loaded_at IS NOT NULL
           ORDER BY g.form_first_loaded_at LIMIT 1) AS first_loaded_from,
         EXISTS (SELECT 1 FROM ${programs} AND cardinality(g.allowed_origins) > 0) AS origins,
         EXISTS (SELECT 1 FROM ${programs} AND g.form_first_loaded_from = 'portal') AS portal_used,
         EXISTS (SELECT 1 FROM partnerships s WHERE s.company_id = $1 AND s.status = 'active') AS partners,
         EXISTS (SELECT 1 FROM leads l WHERE l.company_id = $1) AS leads`,
      params,
    )) as Facts[];
    return facts as Facts;
  }
}
