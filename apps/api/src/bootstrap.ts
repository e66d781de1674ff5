import 'reflect-metadata';
import { ConsoleLogger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { CorsPolicy } from './common/http/cors-policy';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { contentSecurityPolicy } from './common/http/security-headers';
import { serveStaticApps } from './common/http/static-apps';
import type { AppConfig } from './config/config';
import { setupOpenApi } from './openapi/openapi';

function logLevels(config: AppConfig): LogLevel[] {
  return config.nodeEnv === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'];
}

/** Builds the whole API (not yet listening): used by main.ts, tests and scripts alike. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new ConsoleLogger({
      json: config.nodeEnv === 'production',
      logLevels: logLevels(config),
    }),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(requestIdMiddleware(config.logRequests));
  app.use(
    helmet({
      // The widget script and API answers are loaded by other origins' pages on purpose.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      // Set per answer by contentSecurityPolicy(): pages and API answers get different ones.
      contentSecurityPolicy: false,
      frameguard: { action: 'deny' },
    }),
  );
  app.use(
    contentSecurityPolicy({
      // Swagger UI styles itself inline; its scripts are files like everyone else's.
      '/docs': { styleSrc: ["'unsafe-inline'"] },
    }),
  );
  // Who may read answers from a browser is decided per route (docs/security.md, ADR 0016).
  app.use(app.get(CorsPolicy).middleware());
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.enableShutdownHooks();
  serveStaticApps(app, config);
  setupOpenApi(app);
  return app;
}
