import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { Scope } from '../common/tenancy/scope.decorator';
import type { TenantScope } from '../common/tenancy/tenant-scope';
import { uuidSchema } from '../common/validation/common-schemas';
import { ApiProblems } from '../openapi/api-problems';
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
@Controller('v1/programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a program',
    description:
      'Creates a program with the default form (built-ins `firstName`, `lastName`, `email`, `company`; `email` required), stage labels, an empty offer and a publishable key. Owners and admins.',
  })
  @Roles('owner', 'admin')
  @ApiCreatedResponse({ standardSchema: programSchema })
  createProgram(
    @Scope() scope: TenantScope,
    @Body({ schema: createProgramBody }) body: CreateProgramBody,
  ): Promise<ProgramDto> {
    return this.programs.create(scope, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List programs',
    description:
      "The company's programs, newest first (`?status=archived` for archived ones). Read-only.",
  })
  @ApiOkResponse({ standardSchema: programPageSchema })
  listPrograms(
    @Scope() scope: TenantScope,
    @Query({ schema: listProgramsQuery }) query: ListProgramsQuery,
  ) {
    return this.programs.list(scope, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Get a program',
    description:
      'One program with its form, stage labels, offer, switches, allowed origins and publishable key. Read-only.',
  })
  @ApiProblems('not_found')
  @ApiOkResponse({ standardSchema: programSchema })
  getProgram(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<ProgramDto> {
    return this.programs.get(scope, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "Change a program's settings",
    description:
      'Changes settings: name, form, stage labels, offer, switches, allowed origins. A form must keep the four built-in fields with their camelCase keys (`firstName`, `lastName`, `email`, `company`) and `email` required (422 `builtin_missing`, `builtin_optional`). A stale `version` gets 409 `version_conflict` with the current program. Open widgets pick the change up within a minute. Owners and admins.',
  })
  @ApiProblems('not_found', 'version_conflict', 'program_archived')
  @Roles('owner', 'admin')
  @ApiOkResponse({ standardSchema: programSchema })
  updateProgram(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
    @Body({ schema: updateProgramBody }) body: UpdateProgramBody,
  ): Promise<ProgramDto> {
    return this.programs.update(scope, id, body);
  }

  @Post(':id/publishable-key')
  @ApiOperation({
    summary: 'Rotate a publishable key',
    description:
      'Issues a new publishable key; pages still using the old one stop working at once. Owners and admins.',
  })
  @ApiProblems('not_found', 'program_archived')
  @HttpCode(200)
  @Roles('owner', 'admin')
  @ApiOkResponse({ standardSchema: programSchema })
  rotateProgramPublishableKey(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<ProgramDto> {
    return this.programs.rotatePublishableKey(scope, id);
  }

  @Delete(':id')
  @ApiOperation({
    summary: 'Archive a program',
    description:
      'Archives the program: leads stay; the widget and its partner sessions stop working. Owners and admins.',
  })
  @ApiProblems('not_found')
  @HttpCode(204)
  @Roles('owner', 'admin')
  @ApiNoContentResponse()
  archiveProgram(
    @Scope() scope: TenantScope,
    @Param('id', { schema: uuidSchema }) id: string,
  ): Promise<void> {
    return this.programs.archive(scope, id);
  }
}
