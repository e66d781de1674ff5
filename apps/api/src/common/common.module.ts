import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PrincipalResolver } from './auth/principal.resolver';
import { PrincipalCache } from './auth/principal-cache';
import { PrincipalsRepository } from './auth/principals.repository';
import { PoolErrorListener } from './database/pool-error-listener';
import { CorsPolicy } from './http/cors-policy';
import { ProgramOriginsRepository } from './http/program-origins.repository';
import { IdempotencyKeysRepository } from './idempotency/idempotency-keys.repository';
import { RateLimitService } from './rate-limit/rate-limit.service';
import { RateLimitsRepository } from './rate-limit/rate-limits.repository';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    PrincipalCache,
    PrincipalsRepository,
    PrincipalResolver,
    RateLimitsRepository,
    RateLimitService,
    PoolErrorListener,
    ProgramOriginsRepository,
    CorsPolicy,
    IdempotencyKeysRepository,
  ],
  exports: [
    PrincipalCache,
    PrincipalResolver,
    RateLimitService,
    CorsPolicy,
    IdempotencyKeysRepository,
  ],
})
export class CommonModule {}
