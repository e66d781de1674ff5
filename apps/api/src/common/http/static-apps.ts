import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../../config/config';
import { type HttpReply, type HttpRequest, requestPath } from './http';

/** Paths the admin app's index.html fallback never answers. */
const NOT_APP_ROUTES = /^\/(v1|docs|widget|health|p)(\/|$)/;

/** Scripts as Express's static server typed them (@fastify/send says application/javascript). */
function scriptType(reply: HttpReply): void {
  const type = reply.getHeader('Content-Type');
  if (typeof type === 'string' && type.startsWith('application/javascript')) {
    reply.header('Content-Type', 'text/javascript; charset=utf-8');
  }
}

/**
 * Serves the built widget at /widget/* (any origin may load it; hashed chunks cached for a year,
 * the entry for five minutes so a deploy reaches pages quickly) and the built admin app at /
 * with a single-page-app fallback (not for the API, its docs, the widget or hosted portals at /p/).
 */
export async function serveStaticApps(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  const admin =
    config.adminDir && existsSync(join(config.adminDir, 'index.html'))
      ? resolve(config.adminDir)
      : null;
  if (admin) {
    // One route per file found at start-up (`wildcard: false`): the catch-all below is the
    // app's fallback. It also gives replies `sendFile()`.
    await app.register(fastifyStatic, {
      root: admin,
      wildcard: false,
      index: false,
      maxAge: 3_600_000,
      setHeaders: scriptType,
    });
  }
  if (config.widgetDir && existsSync(config.widgetDir)) {
    await app.register(fastifyStatic, {
      root: resolve(config.widgetDir),
      prefix: '/widget/',
      decorateReply: admin === null,
      setHeaders: (reply: HttpReply, path: string) => {
        scriptType(reply);
        const hashed = /-[A-Za-z0-9_-]{8,}\.js$/.test(path);
        reply.header(
          'Cache-Control',
          hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        );
        // A public script: any page may load it, never with cookies.
        reply.header('Access-Control-Allow-Origin', '*');
        reply.removeHeader('Access-Control-Allow-Credentials');
      },
    });
  }
  if (admin) {
    app
      .getHttpAdapter()
      .getInstance()
      .get('/*', (request: HttpRequest, reply: HttpReply) => {
        // GET only, as before: a HEAD of an app path is the API's 404 like any other.
        const isAppRoute =
          request.method === 'GET' &&
          !NOT_APP_ROUTES.test(requestPath(request)) &&
          (request.headers.accept ?? '').includes('text/html');
        // Anything else is the API's 404 problem, as for any unknown route.
        if (!isAppRoute) return reply.callNotFound();
        reply.header('Cache-Control', 'no-cache');
        return reply.sendFile('index.html', admin, { cacheControl: false });
      });
  }
}
