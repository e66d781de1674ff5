import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './common/auth/auth.guard';
import { CommonModule } from './common/common.module';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { ProblemFilter } from './common/problem/problem.filter';
import { createValidationPipe } from './common/validation/validation.pipe';
import { WellFormedTextGuard } from './common/validation/well-formed-text.guard';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { EventsModule } from './events/events.module';
import { FEATURE_MODULES } from './feature-modules';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.databasePoolSize)),
        CommonModule,
        JobsModule,
        EventsModule,
        HealthModule,
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_GUARD, useClass: WellFormedTextGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
