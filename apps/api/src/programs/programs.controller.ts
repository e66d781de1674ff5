import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { problemSchema } from '../common/problem/problem.schema';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import {
  type CreateProgramBody,
  createProgramBody,
  type ListProgramsQuery,
  listProgramsQuery,
  type ProgramDto,
  programPageSchema,
  programSchema,
  type UpdateProgramBody,
  updateProgramBody,
} from './programs.dto';
import { ProgramsService } from './programs.service';

/** A company's partner programs (company principals; writes by owners, admins and API keys). */
@ApiTags('programs')
@ApiResponse({ status: 401, standardSchema: problemSchema })
@ApiResponse({ status: 403, standardSchema: problemSchema })
@Controller('v1/programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  /** Creates a program with the default form, stage labels, an empty offer and a publishable key. */
  @Post()
  @Roles('owner', 'admin')
  @ApiCreatedResponse({ standardSchema: programSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  createProgram(
    @Scope() scope: TenantScope,
    @Body({ schema: createProgramBody }) body: CreateProgramBody,
  ): Promise<ProgramDto> {
    return this.programs.create(scope, body);
  }

  /** The company's programs, newest first (`?status=archived` for archived ones). */
  @Get()
  @ApiOkResponse({ standardSchema: programPageSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  listPrograms(
    @Scope() scope: TenantScope,
    @Query({ schema: listProgramsQuery }) query: ListProgramsQuery,
  ) {
    return this.programs.list(scope, query);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: programSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  getProgram(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<ProgramDto> {
    return this.programs.get(scope, id);
  }

  /** Changes settings; a stale `version` gets 409 `version_conflict` with the current program. */
  @Patch(':id')
  @Roles('owner', 'admin')
  @ApiOkResponse({ standardSchema: programSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema })
  @ApiResponse({ status: 422, standardSchema: problemSchema })
  updateProgram(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updateProgramBody }) body: UpdateProgramBody,
  ): Promise<ProgramDto> {
    return this.programs.update(scope, id, body);
  }

  /** Issues a new publishable key; pages still using the old one stop working at once. */
  @Post(':id/publishable-key')
  @HttpCode(200)
  @Roles('owner', 'admin')
  @ApiOkResponse({ standardSchema: programSchema })
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  @ApiResponse({ status: 409, standardSchema: problemSchema })
  rotateProgramPublishableKey(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<ProgramDto> {
    return this.programs.rotatePublishableKey(scope, id);
  }

  /** Archives the program: leads stay, the widget and its partner sessions stop working. */
  @Delete(':id')
  @HttpCode(204)
  @Roles('owner', 'admin')
  @ApiNoContentResponse()
  @ApiResponse({ status: 404, standardSchema: problemSchema })
  archiveProgram(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    return this.programs.archive(scope, id);
  }
}
