import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
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
@ApiResponse({ status: 401, standardSchema: problemSchema })
@ApiResponse({ status: 403, standardSchema: problemSchema })
@Controller('v1/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  /**
   * Adds a partner, optionally enrolled in programs at once; `invite: true` emails it where to
   * submit leads. An email already used by a partner of the company is 409 `partner_exists`.
   */
  @Post()
  @ApiCreatedResponse({ standardSchema: partnerDetailSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  createPartner(
    @Scope() scope: TenantScope,
    @Body({ schema: createPartnerBody }) body: CreatePartnerBody,
  ): Promise<PartnerDetailDto> {
    return this.partners.create(scope, body);
  }

  /** Newest first; `q` searches name and email; archived partners only with `status=archived`. */
  @Get()
  @ApiOkResponse({ standardSchema: partnerPageSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  listPartners(
    @Scope() scope: TenantScope,
    @Query({ schema: listPartnersQuery }) query: ListPartnersQuery,
  ) {
    return this.partners.list(scope, query);
  }

  /** The partner with every program it is (or was) enrolled in. */
  @Get(':id')
  @ApiOkResponse({ standardSchema: partnerDetailSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  getPartner(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<PartnerDetailDto> {
    return this.partners.get(scope, id);
  }

  @Patch(':id')
  @ApiOkResponse({ standardSchema: partnerDetailSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  updatePartner(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updatePartnerBody }) body: UpdatePartnerBody,
  ): Promise<PartnerDetailDto> {
    return this.partners.update(scope, id, body);
  }

  /** Archives the partner: its partner sessions stop working at once; its leads stay. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  archivePartner(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    return this.partners.archive(scope, id);
  }
}
