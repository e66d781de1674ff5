import { randomBytes } from 'node:crypto';
import { createDefaultLeadFormSchema, slugify } from '@leadbridge/core';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '../auth/database-errors';
import { PrincipalCache } from '../common/auth/principal-cache';
import { randomToken } from '../common/auth/tokens';
import { pageLimit } from '../common/pagination/cursor';
import { conflict, notFound, validationProblem } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { Company } from '../companies/company.entity';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import type { LogoImage } from './logo-image';
import { Program } from './program.entity';
import { checkProgramSettings, type ProgramChanges } from './program-settings';
import {
  type CreateProgramBody,
  type ListProgramsQuery,
  type ProgramDto,
  toProgramDto,
  type UpdateProgramBody,
} from './programs.dto';
import { ProgramsRepository } from './programs.repository';

export const PUBLISHABLE_KEY_PREFIX = 'pk_';

function newPublishableKey(): string {
  return randomToken(PUBLISHABLE_KEY_PREFIX, 18);
}

const SLUG_INDEX = 'programs_slug_key';

function slugTaken(slug: string) {
  return validationProblem([
    {
      field: 'slug',
      code: 'slug_taken',
      message: `The portal address /p/${slug} is taken: choose another one.`,
    },
  ]);
}

/** A company's programs: creation with defaults, settings, key rotation, archiving. */
@Injectable()
export class ProgramsService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly principals: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private dto(program: Program): ProgramDto {
    return toProgramDto(program, this.config.publicUrl);
  }

  async create(scope: TenantScope, body: CreateProgramBody): Promise<ProgramDto> {
    const { logo, ...changes } = checkProgramSettings(body, {
      currency: body.currency,
      offer: { rules: [] },
      stageLabels: {},
    });
    const repository = this.db.getRepository(Program);
    for (let attempt = 0; ; attempt++) {
      const slug = await this.freeSlug(scope, body.name, attempt);
      try {
        const saved = await this.db.transaction(async (manager) => {
          const program = await manager.getRepository(Program).save(
            repository.create({
              companyId: scope.companyId,
              description: null,
              publishableKey: newPublishableKey(),
              leadSubmissionEnabled: true,
              leadImportEnabled: true,
              formSchema: createDefaultLeadFormSchema(),
              stageLabels: {},
              offer: { rules: [] },
              dedupePolicy: 'email',
              defaultLocale: 'en',
              allowedOrigins: [],
              portalUrl: null,
              slug,
              brandColor: null,
              logoType: null,
              logoVersion: null,
              formFirstLoadedAt: null,
              formFirstLoadedFrom: null,
              archivedAt: null,
              ...changes,
            }),
          );
          if (logo) await this.writeLogo(manager, scope, program.id, logo);
          return program;
        });
        return this.dto(await this.reload(scope, saved.id));
      } catch (error) {
        // Another program took the same address a moment ago: the next candidate.
        if (!isUniqueViolation(error, SLUG_INDEX) || attempt >= 3) throw error;
      }
    }
  }

  /**
   * A portal address for a new program: its name, else the company's name and its name, else
   * one of those with a random suffix (`attempt` > 0 after a race goes straight to random).
   */
  private async freeSlug(scope: TenantScope, name: string, attempt: number): Promise<string> {
    const company = await this.db.manager.findOneBy(Company, { id: scope.companyId });
    const base = slugify(name) || 'partners';
    const withCompany = slugify(`${company?.name ?? ''} ${name}`) || base;
    const random = () => `${base.slice(0, 40)}-${randomBytes(3).toString('hex')}`;
    const candidates = (attempt > 0 ? [random()] : [base, withCompany, random()]).map((slug) =>
      slug.length >= 3 ? slug : `${slug}-partners`,
    );
    const taken = new Set(await this.programs.takenSlugs(candidates));
    return candidates.find((slug) => !taken.has(slug)) ?? random();
  }

  private async writeLogo(
    manager: EntityManager,
    scope: TenantScope,
    id: string,
    logo: LogoImage | null,
  ): Promise<void> {
    await this.programs.writeLogo(manager, scope, id, logo);
  }

  private async saveChanges(
    manager: EntityManager,
    scope: TenantScope,
    program: Program,
    { logo, ...changes }: ProgramChanges,
  ): Promise<void> {
    if (Object.keys(changes).length > 0) {
      try {
        await manager.getRepository(Program).save(Object.assign(program, changes));
      } catch (error) {
        if (changes.slug && isUniqueViolation(error, SLUG_INDEX)) throw slugTaken(changes.slug);
        throw error;
      }
    }
    if (logo !== undefined) await this.writeLogo(manager, scope, program.id, logo);
  }

  async list(scope: TenantScope, query: ListProgramsQuery) {
    const page = await this.programs.list(scope, {
      limit: pageLimit(query.limit),
      cursor: query.cursor,
      archived: query.status === 'archived',
    });
    return { data: page.data.map((program) => this.dto(program)), nextCursor: page.nextCursor };
  }

  async get(scope: TenantScope, id: string): Promise<ProgramDto> {
    return this.dto(await this.reload(scope, id));
  }

  /** Changes settings; with `version`, refuses to overwrite an edit made since it was read. */
  async update(scope: TenantScope, id: string, body: UpdateProgramBody): Promise<ProgramDto> {
    const updated = await this.db.transaction(async (manager) => {
      const program = await this.lockForWrite(scope, id, manager, body.version);
      await this.saveChanges(manager, scope, program, checkProgramSettings(body, program));
      return this.dto(await this.reload(scope, id, manager));
    });
    // Partner sessions carry the program's allowed origins: re-read them after the commit.
    this.principals.forgetProgram(scope.companyId, id);
    return updated;
  }

  /** A new publishable key; the old one stops identifying the program at once. */
  async rotatePublishableKey(scope: TenantScope, id: string): Promise<ProgramDto> {
    return this.db.transaction(async (manager) => {
      const program = await this.lockForWrite(scope, id, manager);
      program.publishableKey = newPublishableKey();
      await manager.getRepository(Program).save(program);
      return this.dto(await this.reload(scope, id, manager));
    });
  }

  /** Soft delete: its data stays, its widget and partner sessions stop working. */
  async archive(scope: TenantScope, id: string): Promise<void> {
    const program = await this.programs.find(scope, id);
    if (!program) throw notFound('Program');
    if (program.archivedAt) return;
    await this.programs.archive(scope, id);
    this.principals.forgetProgram(scope.companyId, id);
  }

  private async lockForWrite(
    scope: TenantScope,
    id: string,
    manager: EntityManager,
    expectedVersion?: number,
  ): Promise<Program> {
    const program = await this.programs.find(scope, id, manager, true);
    if (!program) throw notFound('Program');
    if (expectedVersion !== undefined && expectedVersion !== program.version) {
      throw conflict(
        'version_conflict',
        `The program was changed since you read it (your version ${expectedVersion}, now ${program.version}). Review the current settings and try again.`,
        { current: this.dto(program) },
      );
    }
    if (program.archivedAt) {
      throw conflict('program_archived', 'This program is archived; its settings cannot change.');
    }
    return program;
  }

  private async reload(scope: TenantScope, id: string, manager?: EntityManager): Promise<Program> {
    const program = await this.programs.find(scope, id, manager);
    if (!program) throw notFound('Program');
    return program;
  }
}
