import { Controller, Get, Header, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod/mini';
import { ProgramOrigins, Public } from '../common/auth/auth.decorators';
import type { HttpRequest } from '../common/http/http';
import { ApiProblems } from '../openapi/api-problems';
import { ProgramConfigService } from './program-config.service';
import { localeQuery, type PublicProgramDto, publicProgramSchema } from './programs.dto';

/** The widget's first call, before anyone signs in: the program's form, by publishable key. */
@ApiTags('public')
@Controller('v1/public/programs')
export class PublicProgramController {
  constructor(private readonly config: ProgramConfigService) {}

  @Public()
  @ProgramOrigins()
  @Get(':publishableKey')
  @ApiOperation({
    summary: 'Get a program by publishable key',
    description:
      "The form schema and stage labels of the program with this publishable key, for `<lead-form>`. Public; browsers may call it only from the program's allowed origins (403 `origin_not_allowed`); archived or unknown keys are 404. `?locale=` (a BCP 47 tag such as `fr` or `pt-BR`) gives the default stage labels in that language. Sent with `Cache-Control: no-cache` and an ETag, so a client revalidates on every use and an unchanged answer is a bodiless 304. Read-only.",
  })
  @ApiProblems('not_found', 'origin_not_allowed')
  // Revalidated on every use: open widgets ask every few seconds whether the settings changed,
  // and the ETag the API puts on every answer (common/http/etag.ts) turns an unchanged one into a
  // bodiless 304
  // (docs/adr/0008-client-caches.md).
  @Header('Cache-Control', 'no-cache')
  @Header('Vary', 'Origin')
  @ApiOkResponse({ standardSchema: publicProgramSchema })
  getPublicProgram(
    @Param('publishableKey') publishableKey: string,
    @Query({ schema: localeQuery }) query: z.infer<typeof localeQuery>,
    @Req() request: HttpRequest,
  ): Promise<PublicProgramDto> {
    return this.config.forPublishableKey(publishableKey, query.locale, request);
  }
}
