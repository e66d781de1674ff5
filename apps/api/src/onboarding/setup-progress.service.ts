import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { SETUP_STEPS, type SetupProgressDto, type SetupStep } from './setup-progress.dto';

interface Facts {
  program_id: string | null;
  first_loaded_from: string | null;
  origins: boolean;
  portal_used: boolean;
  partners: boolean;
  leads: boolean;
}

/** The guided setup's state, from the company's real data (nothing is ticked by hand). */
@Injectable()
export class SetupProgressService {
  constructor(private readonly db: DataSource) {}

  async get(scope: TenantScope): Promise<SetupProgressDto> {
    const params: unknown[] = [];
    const programs = `programs g WHERE ${scope.sql('g', params, { owned: false })} AND g.archived_at IS NULL`;
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
    const f = facts as Facts;
    // A lead proves the form works wherever it is: the steps leading there count as done.
    const done: Record<SetupStep, boolean> = {
      create_program: f.program_id !== null || f.leads,
      allow_origins: f.origins || f.portal_used || f.leads,
      share_form: f.first_loaded_from !== null || f.leads,
      invite_partner: f.partners || f.leads,
      first_lead: f.leads,
    };
    return {
      steps: SETUP_STEPS.map((key) => ({ key, done: done[key] })),
      complete: SETUP_STEPS.every((key) => done[key]),
      programId: f.program_id,
      formFirstLoadedFrom: f.first_loaded_from,
    };
  }
}
