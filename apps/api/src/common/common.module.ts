import { Global, Module } from '@nestjs/common';
import { PrincipalResolver } from './auth/principal.resolver';
import { PrincipalCache } from './auth/principal-cache';
import { PoolErrorListener } from './database/pool-error-listener';
import { RateLimitService } from './rate-limit/rate-limit.service';

@Global()
@Module({
  providers: [PrincipalCache, PrincipalResolver, RateLimitService, PoolErrorListener],
  exports: [PrincipalCache, PrincipalResolver, RateLimitService],
})
export class CommonModule {}
