import { randomBytes } from 'node:crypto';
import { isValidEmail } from '@leadbridge/core';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { PrincipalCache } from '../common/auth/principal-cache';
import { pageLimit } from '../common/pagination/cursor';
import { conflict, notFound, validationProblem } from '../common/problem/problem';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import type { Program } from '../programs/program.entity';
import { Partner } from './partner.entity';
import {
  type CreatePartnerBody,
  type ListPartnersQuery,
  type PartnerDetailDto,
  type PartnerDto,
  toPartnerDto,
  toPartnershipDto,
  type UpdatePartnerBody,
} from './partners.dto';
import { PartnersRepository } from './partners.repository';
import { PartnershipsService } from './partnerships.service';

function assertEmail(email: string): void {
  if (!isValidEmail(email)) {
    throw validationProblem([
      { field: 'email', code: 'invalid_email', message: 'Email must be a valid email address' },
    ]);
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}

/** A company's partners: create (and enrol, and invite), list, read, edit, archive. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly db: DataSource,
    private readonly partners: PartnersRepository,
    private readonly partnerships: PartnershipsService,
    private readonly principals: PrincipalCache,
  ) {}

  async create(scope: TenantScope, body: CreatePartnerBody): Promise<PartnerDetailDto> {
    assertEmail(body.email);
    return this.db.transaction(async (manager) => {
      const programs: Program[] = [];
      for (const programId of new Set(body.programIds ?? [])) {
        programs.push(await this.partnerships.enrollableProgram(scope, programId, manager));
      }
      const id = await this.partners.insert(manager, {
        companyId: scope.companyId,
        name: body.name,
        email: body.email,
        // Invited until the partner first signs in; either way it may submit leads.
        status: body.invite ? 'invited' : 'active',
        unsubscribeToken: randomBytes(24).toString('base64url'),
      });
      if (!id) throw await this.partnerExists(scope, body.email, manager);
      const partner = await this.partners.find(scope, id, manager);
      if (!partner) throw notFound('Partner');
      for (const program of programs) {
        await this.partnerships.enroll(manager, scope, program, partner);
      }
      if (body.invite) await this.partnerships.invite(manager, scope, partner, programs);
      return this.detail(scope, partner, manager);
    });
  }

  async list(
    scope: TenantScope,
    query: ListPartnersQuery,
  ): Promise<{ data: PartnerDto[]; nextCursor: string | null }> {
    const page = await this.partners.list(scope, {
      limit: pageLimit(query.limit),
      cursor: query.cursor,
      q: query.q || undefined,
      programId: query.programId,
      status: query.status,
    });
    return { data: page.data.map(toPartnerDto), nextCursor: page.nextCursor };
  }

  async get(scope: TenantScope, id: string): Promise<PartnerDetailDto> {
    const partner = await this.partners.find(scope, id);
    if (!partner) throw notFound('Partner');
    return this.detail(scope, partner);
  }

  async update(scope: TenantScope, id: string, body: UpdatePartnerBody): Promise<PartnerDetailDto> {
    if (body.email !== undefined) assertEmail(body.email);
    const updated = await this.db.transaction(async (manager) => {
      const partner = await this.partners.find(scope, id, manager);
      if (!partner) throw notFound('Partner');
      const restore = body.status === 'active' && partner.status === 'archived';
      if (partner.status === 'archived' && !restore) {
        throw conflict(
          'partner_archived',
          `${partner.name} is archived: restore it with status "active" to edit it.`,
        );
      }
      if (body.email !== undefined && body.email.toLowerCase() !== partner.email.toLowerCase()) {
        const taken = await this.partners.findByEmail(scope, body.email, { exceptId: id, manager });
        if (taken) throw await this.partnerExists(scope, body.email, manager);
      }
      const changes: Partial<Pick<Partner, 'name' | 'email' | 'status' | 'archivedAt'>> = {};
      if (body.name !== undefined) changes.name = body.name;
      if (body.email !== undefined) changes.email = body.email;
      if (restore) Object.assign(changes, { status: 'active', archivedAt: null });
      if (Object.keys(changes).length > 0) {
        try {
          await manager.getRepository(Partner).update(scope.company({ id }), changes);
        } catch (error) {
          if (isUniqueViolation(error)) throw await this.partnerExists(scope, body.email ?? '');
          throw error;
        }
      }
      const updated = await this.partners.find(scope, id, manager);
      if (!updated) throw notFound('Partner');
      return this.detail(scope, updated, manager);
    });
    // Sessions carry the partner's name and status: re-read them after the commit.
    this.principals.forgetPartner(scope.companyId, id);
    return updated;
  }

  /** Archives the partner: its sessions stop working at once; its leads stay. */
  async archive(scope: TenantScope, id: string): Promise<void> {
    const archived = await this.partners.archive(scope, id);
    this.principals.forgetPartner(scope.companyId, id);
    if (!archived && !(await this.partners.find(scope, id))) throw notFound('Partner');
  }

  private async detail(
    scope: TenantScope,
    partner: Partner,
    manager?: EntityManager,
  ): Promise<PartnerDetailDto> {
    const partnerships = await this.partners.partnershipsOf(scope, partner.id, manager);
    return { ...toPartnerDto(partner), partnerships: partnerships.map(toPartnershipDto) };
  }

  private async partnerExists(scope: TenantScope, email: string, manager?: EntityManager) {
    const existing = await this.partners.findByEmail(scope, email, { manager });
    const hint =
      existing?.status === 'archived'
        ? ' It is archived: restore it with PATCH /v1/partners/{id} and status "active".'
        : '';
    return conflict('partner_exists', `A partner with the email ${email} already exists.${hint}`, {
      partnerId: existing?.id ?? null,
      partnerStatus: existing?.status ?? null,
    });
  }
}
