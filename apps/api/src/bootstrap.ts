import 'reflect-metadata';
import { createServer } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { CorsPolicy } from './common/http/cors-policy';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { contentSecurityPolicy } from './common/http/security-headers';
import { serveStaticApps } from './common/http/static-apps';
import { AppLogger, enabledLevels } from './common/logging/app-logger';
import type { AppConfig } from './config/config';
import { HealthService } from './health/health.service';
import { setupOpenApi } from './openapi/openapi';

function logger(config: AppConfig): AppLogger {
  return new AppLogger({
    json: config.nodeEnv === 'production',
    logLevels: enabledLevels(config.logLevel),
  });
}

/** Builds the whole API (not yet listening): used by main.ts, tests and scripts alike. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: logger(config),
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
      // Redoc styles itself inline (styled-components) and inlines its fonts; its scripts are
      // files like everyone else's.
      '/docs': { styleSrc: ["'unsafe-inline'"], fontSrc: ['data:'] },
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

export interface Worker {
  /** The health server's port, or null when HEALTH_PORT is unset. */
  healthPort: number | null;
  close(): Promise<void>;
}

/**
 * A worker-only process: the same modules without the HTTP API (pg-boss workers, import
 * recovery, job maintenance), plus `GET /health` on HEALTH_PORT when set, for a supervisor.
 */
export async function createWorker(config: AppConfig): Promise<Worker> {
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: logger(config),
  });
  context.enableShutdownHooks();
  if (config.healthPort === null) {
    return { healthPort: null, close: () => context.close() };
  }
  const health = context.get(HealthService);
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/health') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"status":"not_found"}');
      return;
    }
    void health.databaseOk().then((ok) => {
      const body = { status: ok ? 'ok' : 'unavailable', database: ok ? 'ok' : 'unavailable' };
      response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.healthPort ?? 0, config.host, () => resolve());
  });
  // The health server must not keep a stopping process alive.
  process.once('SIGTERM', () => server.close());
  process.once('SIGINT', () => server.close());
  const address = server.address();
  return {
    healthPort: typeof address === 'object' && address ? address.port : config.healthPort,
    close: async () => {
      server.close();
      await context.close();
    },
  };
}
