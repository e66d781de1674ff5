import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod/mini';
import { Public } from '../common/auth/auth.decorators';
import type { HttpReply } from '../common/http/http';
import { HealthService } from './health.service';

const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    database: z.enum(['ok', 'unavailable']),
  })
  .register(z.globalRegistry, { id: 'Health' });

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get('health')
  @ApiOperation({
    summary: 'Health check',
    description:
      'Liveness and readiness: 200 while the API can reach its database. Public. Read-only.',
  })
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: healthSchema, description: 'The API and its database answer.' })
  async getHealth(
    @Res({ passthrough: true }) response: HttpReply,
  ): Promise<z.infer<typeof healthSchema>> {
    const database = (await this.health.databaseOk()) ? 'ok' : 'unavailable';
    if (database !== 'ok') response.status(503);
    return { status: database === 'ok' ? 'ok' : 'unavailable', database };
  }
}
