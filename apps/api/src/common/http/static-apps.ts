import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../../config/config';

/**
 * Serves the built widget at /widget/* (any origin may load it; hashed chunks cached for a year,
 * the entry for five minutes so a deploy reaches pages quickly) and the built admin app at /
 * with a single-page-app fallback (not for the API, its docs, the widget or hosted portals at /p/).
 */
export function serveStaticApps(app: NestExpressApplication, config: AppConfig): void {
  if (config.widgetDir && existsSync(config.widgetDir)) {
    app.useStaticAssets(resolve(config.widgetDir), {
      prefix: '/widget/',
      setHeaders: (response, path) => {
        const hashed = /-[A-Za-z0-9_-]{8,}\.js$/.test(path);
        response.setHeader(
          'Cache-Control',
          hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        );
        // A public script: any page may load it, never with cookies.
        response.setHeader('Access-Control-Allow-Origin', '*');
        response.removeHeader('Access-Control-Allow-Credentials');
      },
    });
  }
  if (config.adminDir && existsSync(join(config.adminDir, 'index.html'))) {
    const adminDir = resolve(config.adminDir);
    app.useStaticAssets(adminDir, { index: false, maxAge: '1h' });
    const index = join(adminDir, 'index.html');
    app.use((request: Request, response: Response, next: NextFunction) => {
      const isAppRoute =
        request.method === 'GET' &&
        !/^\/(v1|docs|widget|health|p)(\/|$)/.test(request.path) &&
        (request.headers.accept ?? '').includes('text/html');
      if (!isAppRoute) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
  }
}
