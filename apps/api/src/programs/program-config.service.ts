import {
  describeOffer,
  type Locale,
  normalizeLeadFormSchema,
  resolveLocale,
  resolveStageLabels,
} from '@leadbridge/core';
import { Inject, Injectable } from '@nestjs/common';
import { assertOriginAllowed, explainToOrigin } from '../common/auth/origins';
import type { HttpRequest } from '../common/http/http';
import { notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { FormFirstLoadsRepository } from './form-first-loads.repository';
import type { Program } from './program.entity';
import type { PartnerProgramDto, PublicProgramDto } from './programs.dto';
import { ProgramsRepository } from './programs.repository';

// Publishable keys are short random tokens; anything far longer is not one and needs no query.
const MAX_PUBLISHABLE_KEY_LENGTH = 100;

function publicConfig(program: Program, locale: Locale): PublicProgramDto {
  return {
    id: program.id,
    name: program.name,
    // Stored schemas are normalised on write; rows written by other tools may not be.
    formSchema: normalizeLeadFormSchema(program.formSchema),
    stageLabels: resolveStageLabels(program.stageLabels, locale),
    leadSubmissionEnabled: program.leadSubmissionEnabled,
    leadImportEnabled: program.leadImportEnabled,
    applications: program.applications,
    applicationQuestions: program.applicationQuestions,
    locale,
  };
}

/** What the widget shows: the public form config, and the signed-in partner's program summary. */
@Injectable()
export class ProgramConfigService {
  constructor(
    private readonly programs: ProgramsRepository,
    private readonly firstLoads: FormFirstLoadsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** By publishable key, from the program's allowed origins only; archived programs are gone. */
  async forPublishableKey(
    publishableKey: string,
    locale: string | undefined,
    request: HttpRequest,
  ): Promise<PublicProgramDto> {
    const program =
      publishableKey.length <= MAX_PUBLISHABLE_KEY_LENGTH
        ? await this.programs.findByPublishableKey(publishableKey)
        : null;
    if (!program || program.archivedAt) {
      // Says nothing about any program, so the embedding page may read it and show what is wrong.
      explainToOrigin(request);
      throw notFound('Program');
    }
    assertOriginAllowed(request, program.allowedOrigins, this.config);
    const origin = request.headers.origin;
    if (!program.formFirstLoadedAt && origin && program.allowedOrigins.includes(origin)) {
      await this.firstLoads.record(program.id, origin);
    }
    return publicConfig(program, resolveLocale(locale));
  }

  /** The partner's own program (the guard already refused archived programs and partners). */
  async forPartner(scope: TenantScope, locale: string | undefined): Promise<PartnerProgramDto> {
    if (!scope.programId) throw notFound('Program');
    const program = await this.programs.find(scope, scope.programId);
    if (!program || program.archivedAt) throw notFound('Program');
    const resolved = resolveLocale(locale);
    return {
      ...publicConfig(program, resolved),
      description: program.description,
      currency: program.currency,
      offer: program.offer,
      offerDescription: describeOffer(program.offer, {
        labels: program.stageLabels,
        locale: resolved,
      }),
    };
  }
}
