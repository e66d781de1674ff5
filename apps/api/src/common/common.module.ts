import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { PrincipalResolver } from './auth/principal.resolver';
import { PrincipalCache } from './auth/principal-cache';
import { PoolErrorListener } from './database/pool-error-listener';
import { CorsPolicy } from './http/cors-policy';
import { RateLimitService } from './rate-limit/rate-limit.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [PrincipalCache, PrincipalResolver, RateLimitService, PoolErrorListener, CorsPolicy],
  exports: [PrincipalCache, PrincipalResolver, RateLimitService, CorsPolicy],
})
export class CommonModule {}
