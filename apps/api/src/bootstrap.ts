import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { serveStaticApps } from './common/http/static-apps';
import { AppLogger, enabledLevels } from './common/logging/app-logger';
import type { AppConfig } from './config/config';
import { setupOpenApi } from './openapi/openapi';

/** Builds the whole API (not yet listening): used by main.ts, tests and scripts alike. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new AppLogger({
      json: config.nodeEnv === 'production',
      logLevels: enabledLevels(config.logLevel),
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
      contentSecurityPolicy: false,
    }),
  );
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.enableCors((request: { header: (name: string) => string | undefined }, callback) => {
    const origin = request.header('origin');
    // The admin app uses cookie sessions (credentials); partner pages use bearer tokens and are
    // checked against the program's allowed origins by the auth guard.
    const isAdmin = origin !== undefined && config.adminOrigins.includes(origin);
    callback(null, {
      origin: origin ?? false,
      credentials: isAdmin,
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'X-CSRF-Token',
        'X-Request-Id',
      ],
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed', 'Location'],
      maxAge: 600,
    });
  });
  app.enableShutdownHooks();
  serveStaticApps(app, config);
  setupOpenApi(app);
  return app;
}
