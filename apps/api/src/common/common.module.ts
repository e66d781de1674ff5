import { Global, Module } from '@nestjs/common';
import { PrincipalResolver } from './auth/principal.resolver';
import { RateLimitService } from './rate-limit/rate-limit.service';

@Global()
@Module({
  providers: [PrincipalResolver, RateLimitService],
  exports: [PrincipalResolver, RateLimitService],
})
export class CommonModule {}
