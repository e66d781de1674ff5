import 'reflect-metadata';
import { createServer } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import { type ArgumentsHost, type INestApplication, NotFoundException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError } from 'fastify';
import { AppModule } from './app.module';
import { registerBodyParsers } from './common/http/body-parsers';
import { answerClientError } from './common/http/client-errors';
import { CorsPolicy } from './common/http/cors-policy';
import { etagHook } from './common/http/etag';
import type { HttpReply, HttpRequest } from './common/http/http';
import { requestIdHooks, requestIdOf } from './common/http/request-id';
import { contentSecurityPolicy } from './common/http/security-headers';
import { serveStaticApps } from './common/http/static-apps';
import { AppLogger, enabledLevels } from './common/logging/app-logger';
import { ProblemFilter } from './common/problem/problem.filter';
import type { AppConfig } from './config/config';
import { HealthService } from './health/health.service';
import { setupOpenApi } from './openapi/openapi';

function logger(config: AppConfig): AppLogger {
  return new AppLogger({
    json: config.nodeEnv === 'production',
    logLevels: enabledLevels(config.logLevel),
  });
}

/**
 * TRUST_PROXY as Fastify takes it, meaning what it meant to Express: a hop count trusts that
 * many proxies in front (Fastify 5 reads a bare number as "trust none", so it becomes a
 * function); `true` and address lists (proxy-addr, `loopback` etc.) mean the same to both.
 */
function trustProxyOption(
  value: boolean | number | string,
): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof value !== 'number') return value;
  return (_address, hop) => hop < value;
}

/** JSON bodies (application/json and application/*+json) above this are refused (413). */
const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the whole API (not yet listening): used by main.ts, tests and scripts alike. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  let onFrameworkError:
    | ((error: FastifyError, request: HttpRequest, reply: HttpReply) => void)
    | null = null;
  const adapter = new FastifyAdapter({
    // Client addresses (rate limits) and protocol from X-Forwarded-* only behind a trusted proxy.
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: JSON_BODY_LIMIT,
    // The id every log line and problem carries: a sane incoming X-Request-Id, else a new one.
    genReqId: requestIdOf,
    routerOptions: {
      // Express routed `/v1/leads/` and `/V1/Leads` as `/v1/leads` (parameters keep their case).
      ignoreTrailingSlash: true,
      caseSensitive: false,
      // Express had no limit of its own on a path parameter (find-my-way's default is 100
      // characters, then 414); Node limits the whole request head to 16 KiB anyway.
      maxParamLength: 16_384,
    },
    clientErrorHandler: answerClientError,
    // The router refuses some requests before any hook runs (a path it cannot decode).
    frameworkErrors: (error: FastifyError, request: HttpRequest, reply: HttpReply) =>
      onFrameworkError?.(error, request, reply),
    // No `app.use()` middleware anywhere: everything runs as Fastify hooks, so middie (the
    // Express-style middleware layer, and much of what made Express slow here) stays out.
    skipMiddie: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: logger(config),
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // helmet 8's set, on every answer (404s and errors too) before anything else runs.
  app.useSecurityHeaders({
    // The widget script and API answers are loaded by other origins' pages on purpose.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // Set per answer by contentSecurityPolicy(): pages and API answers get different ones.
    contentSecurityPolicy: false,
    xFrameOptions: { action: 'deny' },
  });
  const requestId = requestIdHooks(config.logRequests);
  const csp = contentSecurityPolicy({
    // Redoc styles itself inline (styled-components) and inlines its fonts; its scripts are
    // files like everyone else's.
    '/docs': { styleSrc: ["'unsafe-inline'"], fontSrc: ['data:'] },
  });
  const cors = app.get(CorsPolicy);
  const problems = new ProblemFilter();
  /** What every answer carries, whoever ends up answering. */
  const common = (request: HttpRequest, reply: HttpReply): void => {
    request.reply = reply;
    requestId.onRequest(request, reply);
    csp(request, reply);
  };
  // Lets code that has only the request (origins.ts) set headers on its answer.
  fastify.decorateRequest('reply', null);
  fastify.addHook('onRequest', (request, reply, done) => {
    common(request, reply);
    done();
  });
  // Who may read answers from a browser is decided per route (docs/security.md, ADR 0016).
  fastify.addHook('onRequest', (request, reply) => cors.onRequest(request, reply));
  // Express answered a path it could not decode (`/%zz`) as an unknown route: the same 404
  // problem with the same headers, rather than Fastify's own 400.
  onFrameworkError = (error, request, reply) => {
    // The adapter's own framework-error handler (replaced by ours) ran the security-headers
    // hook here; it is private, hence the cast.
    (
      adapter as unknown as { securityHook?: (request: HttpRequest, raw: HttpReply['raw']) => void }
    ).securityHook?.(request, reply.raw);
    common(request, reply);
    cors.openToAdmin(request, reply);
    // Answered here: Fastify's error handler (Nest's filters) is not in the chain yet.
    const host = {
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
    } as unknown as ArgumentsHost;
    // Any other (a 4xx FastifyError) as Nest's error handler would see it: an HttpException.
    problems.catch(
      error.code === 'FST_ERR_BAD_URL'
        ? new NotFoundException(`Cannot ${request.method} ${request.url}`)
        : adapter.mapException(error),
      host,
    );
  };
  if (requestId.onResponse) {
    const onResponse = requestId.onResponse;
    fastify.addHook('onResponse', (request, reply, done) => {
      onResponse(request, reply);
      done();
    });
  }
  // `request.cookies` (the session cookie) and `reply.setCookie()`.
  await app.register(fastifyCookie);
  registerBodyParsers(fastify, JSON_BODY_LIMIT);
  // Express put a weak ETag on every sent body and answered a fresh GET with 304; clients
  // (the widget's program config, ADR 0008) revalidate with it.
  fastify.addHook('onSend', etagHook);
  app.enableShutdownHooks();
  await serveStaticApps(app, config);
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
