import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
import {
  type CreatePartnerBody,
  createPartnerBody,
  type ListPartnersQuery,
  listPartnersQuery,
  type PartnerDetailDto,
  partnerDetailSchema,
  partnerPageSchema,
  type UpdatePartnerBody,
  updatePartnerBody,
} from './partners.dto';
import { PartnersService } from './partners.service';

/** A company's partners (company principals; members read only). */
@ApiTags('partners')
@Controller('v1/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a partner',
    description:
      'Adds a partner, optionally enrolled in programs at once; `invite: true` emails it where to submit leads. An email already used by a partner of the company is 409 `partner_exists`.',
  })
  @ApiProblems(
    'not_found',
    'partner_exists',
    'already_enrolled',
    'partner_key_taken',
    'program_archived',
  )
  @ApiCreatedResponse({ standardSchema: partnerDetailSchema })
  createPartner(
    @Scope() scope: TenantScope,
    @Body({ schema: createPartnerBody }) body: CreatePartnerBody,
  ): Promise<PartnerDetailDto> {
    return this.partners.create(scope, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List partners',
    description:
      'Partners, newest first; `q` searches name and email; archived partners only with `status=archived`. Read-only.',
  })
  @ApiOkResponse({ standardSchema: partnerPageSchema })
  listPartners(
    @Scope() scope: TenantScope,
    @Query({ schema: listPartnersQuery }) query: ListPartnersQuery,
  ) {
    return this.partners.list(scope, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a partner',
    description: 'The partner with every program it is (or was) enrolled in. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: partnerDetailSchema })
  getPartner(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<PartnerDetailDto> {
    return this.partners.get(scope, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a partner',
    description:
      "Changes a partner's name, email or status (`active` restores an archived partner).",
  })
  @ApiProblems('not_found', 'partner_exists', 'partner_archived')
  @ApiOkResponse({ standardSchema: partnerDetailSchema })
  updatePartner(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updatePartnerBody }) body: UpdatePartnerBody,
  ): Promise<PartnerDetailDto> {
    return this.partners.update(scope, id, body);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Archive a partner',
    description:
      'Archives the partner: its partner sessions stop working at once; its leads, customers and commissions stay.',
  })
  @ApiProblems('not_found')
  @HttpCode(204)
  @ApiNoContentResponse()
  archivePartner(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    return this.partners.archive(scope, id);
  }
}
