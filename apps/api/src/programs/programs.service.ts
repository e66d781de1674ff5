import { createDefaultLeadFormSchema } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PrincipalCache } from '../common/auth/principal-cache';
import { randomToken } from '../common/auth/tokens';
import { pageLimit } from '../common/pagination/cursor';
import { conflict, notFound } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { Program } from './program.entity';
import { checkProgramSettings } from './program-settings';
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

/** A company's programs: creation with defaults, settings, key rotation, archiving. */
@Injectable()
export class ProgramsService {
  constructor(
    private readonly db: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly principals: PrincipalCache,
  ) {}

  async create(scope: TenantScope, body: CreateProgramBody): Promise<ProgramDto> {
    const changes = checkProgramSettings(body, {
      currency: body.currency,
      offer: { rules: [] },
      stageLabels: {},
    });
    const repository = this.db.getRepository(Program);
    const program = repository.create({
      companyId: scope.companyId,
      description: null,
      publishableKey: newPublishableKey(),
      leadSubmissionEnabled: true,
      leadImportEnabled: true,
      formSchema: createDefaultLeadFormSchema(),
      stageLabels: {},
      offer: { rules: [] },
      dedupePolicy: 'email',
      allowedOrigins: [],
      portalUrl: null,
      archivedAt: null,
      ...changes,
    });
    const saved = await repository.save(program);
    return toProgramDto(await this.reload(scope, saved.id));
  }

  async list(scope: TenantScope, query: ListProgramsQuery) {
    const page = await this.programs.list(scope, {
      limit: pageLimit(query.limit),
      cursor: query.cursor,
      archived: query.status === 'archived',
    });
    return { data: page.data.map(toProgramDto), nextCursor: page.nextCursor };
  }

  async get(scope: TenantScope, id: string): Promise<ProgramDto> {
    return toProgramDto(await this.reload(scope, id));
  }

  /** Changes settings; with `version`, refuses to overwrite an edit made since it was read. */
  async update(scope: TenantScope, id: string, body: UpdateProgramBody): Promise<ProgramDto> {
    const updated = await this.db.transaction(async (manager) => {
      const program = await this.lockForWrite(scope, id, manager, body.version);
      const changes = checkProgramSettings(body, program);
      if (Object.keys(changes).length > 0) {
        await manager.getRepository(Program).save(Object.assign(program, changes));
      }
      return toProgramDto(await this.reload(scope, id, manager));
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
      return toProgramDto(await this.reload(scope, id, manager));
    });
  }

  /** Soft delete: its data stays, its widget and partner sessions stop working. */
  async archive(scope: TenantScope, id: string): Promise<void> {
    const program = await this.programs.find(scope, id);
    if (!program) throw notFound('Program');
    if (program.archivedAt) return;
    const params: unknown[] = [id];
    await this.db.query(
      `UPDATE programs g SET archived_at = now(), updated_at = now(), version = version + 1
        WHERE g.id = $1 AND ${scope.sql('g', params, { owned: false })} AND g.archived_at IS NULL`,
      params,
    );
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
        { current: toProgramDto(program) },
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
