import { Injectable } from '@nestjs/common';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { SetupFactsRepository } from './setup-facts.repository';
import { SETUP_STEPS, type SetupProgressDto, type SetupStep } from './setup-progress.dto';

/** The guided setup's state, from the company's real data (nothing is ticked by hand). */
@Injectable()
export class SetupProgressService {
  constructor(private readonly facts: SetupFactsRepository) {}

  async get(scope: TenantScope): Promise<SetupProgressDto> {
    const f = await this.facts.get(scope);
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
